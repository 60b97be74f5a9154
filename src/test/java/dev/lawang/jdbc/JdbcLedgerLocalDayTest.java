package dev.lawang.jdbc;

import dev.lawang.Gate;
import dev.lawang.LocalDayContract;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.testing.ThreeZones;
import java.time.Clock;
import javax.sql.DataSource;

/** A PostgreSQL ledger and visit log: the same local days in WIB, WITA and WIT. */
class JdbcLedgerLocalDayTest extends LocalDayContract {
    @Override
    protected Gate gate(CapacityPolicy policy, Clock clock) {
        DataSource database = TestDatabase.fresh();
        return ThreeZones.gate(clock).ledger(JdbcLedger.withClock(database, policy, clock, true)).build();
    }
}
