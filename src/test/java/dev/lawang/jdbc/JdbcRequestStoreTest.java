package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.request.RequestBook;
import dev.lawang.request.RequestBookContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The request book over {@link JdbcRequestStore} on a real PostgreSQL server: one database for the class, emptied
 * for each test, reached through two pools as two application instances would reach it.
 */
class JdbcRequestStoreTest extends RequestBookContract {
    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void openPools() {
        String database = TestDatabase.createQuickDatabase();
        first = TestDatabase.pool(database, 8);
        second = TestDatabase.pool(database, 8);
    }

    @AfterAll
    static void closePools() {
        first.close();
        second.close();
    }

    @Override
    protected RequestBook.Store newStore() {
        TestDatabase.clean(first);
        return JdbcRequestStore.of(first);
    }

    @Override
    protected RequestBook.Store secondInstance() {
        return JdbcRequestStore.of(second);
    }
}
