package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcVisitLog} on a real PostgreSQL server: one database for the class, emptied for each test. */
class JdbcVisitLogTest extends VisitLogContract {
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        pool = TestDatabase.pool(TestDatabase.createQuickDatabase(), 8);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected VisitLog newLog() {
        TestDatabase.clean(pool);
        return JdbcVisitLog.of(pool);
    }
}
