package dev.lawang.jdbc;

/** {@link JdbcLedger#countsOnly}, whose visits live elsewhere, against the same ledger contract. */
class JdbcCountsOnlyLedgerTest extends JdbcLedgerTest {
    @Override
    boolean keepsVisits() {
        return false;
    }
}
