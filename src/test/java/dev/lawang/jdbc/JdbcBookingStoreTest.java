package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.booking.Booking;
import dev.lawang.booking.BookingDeskContract;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.BookingStore;
import dev.lawang.booking.ServiceId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link JdbcBookingStore} on a real PostgreSQL server against the booking contract; emptied for every test. */
class JdbcBookingStoreTest extends BookingDeskContract {
    private static final byte[] SECRET = "the booking store test's secret, 32 bytes+".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2021-12-14T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2021, 12, 15);
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

    private static Booking hold(String visitorName) {
        VisitorRef visitor = VisitorRef.pseudonymise(visitorName, SECRET);
        return new Booking(BookingId.random(), ServiceId.of("family-card"), visitor, DAY, Booking.Channel.BOOKED,
                Booking.State.HELD, NOW, NOW.plus(Duration.ofMinutes(30)), null, null, null);
    }

    @Test
    void reserve_aBookingIdInUse_isRefusedAndChangesNothing() {
        BookingStore store = newStore();
        Booking first = hold("3314010101010001");
        assertThat(store.reserve(first, 5, 3, NOW)).isEqualTo(BookingStore.Reserve.RESERVED);
        Booking sameId = new Booking(first.id(), ServiceId.of("family-card"), VisitorRef.pseudonymise("3314010101010002", SECRET),
                DAY, Booking.Channel.BOOKED, Booking.State.HELD, NOW, NOW.plus(Duration.ofMinutes(30)), null, null,
                null);

        assertThatThrownBy(() -> store.reserve(sameId, 5, 3, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in use");
        assertThatThrownBy(() -> store.reserve(first, 5, 3, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.day(ServiceId.of("family-card"), DAY)).containsExactly(first);
    }

    /** What {@link Transactions#autoCommit} does after a lost connection: it repeats the reservation, told so. */
    @Test
    void reserve_repeatedAfterACommitOfUnknownFate_storesTheHoldOnce() throws SQLException {
        BookingStore store = newStore();
        Booking hold = hold("3314010101010003");
        assertThat(store.reserve(hold, 5, 3, NOW)).isEqualTo(BookingStore.Reserve.RESERVED);

        try (Connection c = pool.getConnection()) {
            assertThat(callReserve(c, hold, true)).isEqualTo("RESERVED");
            assertThat(callReserve(c, hold, false)).isEqualTo("ID_IN_USE");
            Booking other = new Booking(hold.id(), ServiceId.of("ktp"), hold.visitor(), DAY, Booking.Channel.BOOKED,
                    Booking.State.HELD, NOW, NOW.plus(Duration.ofMinutes(30)), null, null, null);
            assertThat(callReserve(c, other, true)).isEqualTo("ID_IN_USE");
        }
        assertThat(store.day(ServiceId.of("family-card"), DAY)).containsExactly(hold);
        assertThat(store.placesTaken(ServiceId.of("family-card"), DAY, NOW)).isEqualTo(1);
    }

    private static String callReserve(Connection c, Booking hold, boolean repeat) throws SQLException {
        return JdbcBookingStore.callReserve(c, hold, 5, 3, NOW, repeat);
    }
}
