package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.capacity.OccupancyLedgerContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link JdbcLedger#of}, the ledger that keeps the visit log too, on a real PostgreSQL server against the ledger
 * contract: one database for the class, emptied for every new ledger. The contract moves time with a test clock, so
 * the ledger takes its instants from that clock instead of the database ({@link JdbcLedger#withClock}); everything
 * else, the monotonic time per site included, is the production code path. {@link JdbcCountsOnlyLedgerTest} runs
 * the contract on {@link JdbcLedger#countsOnly}.
 */
class JdbcLedgerTest extends OccupancyLedgerContract {
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        pool = TestDatabase.pool(TestDatabase.createQuickDatabase(), 16);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    /** The contract asks for an empty ledger each time, several times in some tests. */
    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        TestDatabase.clean(pool);
        return JdbcLedger.withClock(pool, policy, clock, keepsVisits());
    }

    boolean keepsVisits() {
        return true;
    }
}
