package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.kiosk.SyncContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The sync contract on {@link JdbcLedger#of} on a real PostgreSQL server: the record of applied decisions and their
 * effects on stays, counts and visits in one statement. One database for the class, emptied for every new ledger.
 */
class JdbcSyncTest extends SyncContract {
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        pool = TestDatabase.pool(TestDatabase.createQuickDatabase(), 16);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        TestDatabase.clean(pool);
        return JdbcLedger.withClock(pool, policy, clock, true);
    }
}
