package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.booking.BookingDeskContract;
import dev.lawang.booking.BookingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcBookingStore} on a real PostgreSQL server against the booking contract; emptied for every test. */
class JdbcBookingStoreTest extends BookingDeskContract {
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        pool = TestDatabase.pool(TestDatabase.createQuickDatabase(), 4);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected BookingStore newStore() {
        TestDatabase.clean(pool);
        return JdbcBookingStore.of(pool);
    }
}
