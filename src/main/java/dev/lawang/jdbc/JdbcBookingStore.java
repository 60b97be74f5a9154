package dev.lawang.jdbc;

import dev.lawang.booking.Booking;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.BookingStore;
import dev.lawang.booking.ServiceId;
import dev.lawang.visit.VisitorRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Bookings in PostgreSQL, in the database of the ledger (schema version 4, {@link JdbcSchema}).
 *
 * <p>Each quota check locks the service-day's row in {@code lawang_booking_day} and, for a reservation, the visitor
 * first (an advisory lock), then counts and writes in the same transaction: several application instances sharing
 * the database never give more places than the quotas. The instants are the caller's (the desk's clock), kept to the
 * microsecond.
 *
 * <p>Thread-safe.
 */
public final class JdbcBookingStore implements BookingStore {
    /**
     * How many quota checks of one service-day one instance sends to the database at once; more would queue on the
     * day's row lock in the server, where a hand-over costs more than in the JVM (as for {@link JdbcLedger}'s sites).
     */
    private static final int DAY_CONCURRENCY = 2;
    private static final int DAY_GATES = 256;
    private static final String COLUMNS = "booking_id, service_id, visitor_ref, day, channel, state, created_at,"
            + " place_until, arrived_at, ended_at, ticket_id";
    private static final String TAKES_PLACE = "channel = 'BOOKED' AND (place_until IS NULL OR place_until > ?)";

    private final Transactions transactions;
    /** Per-day gates, striped by the service-day's hash; fair, so that no booking waits for ever. */
    private final Semaphore[] dayGates = new Semaphore[DAY_GATES];

    private JdbcBookingStore(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
        for (int i = 0; i < DAY_GATES; i++) {
            dayGates[i] = new Semaphore(DAY_CONCURRENCY, true);
        }
    }

    private Semaphore dayGate(ServiceId service, LocalDate day) {
        int h = (service.hashCode() * 31 + day.hashCode()) * 0x9E3779B9;
        return dayGates[(h ^ (h >>> 16)) & (DAY_GATES - 1)];
    }

    /**
     * Returns a store on a database that holds the Lawang schema ({@link JdbcSchema#create}).
     *
     * @param dataSource the database, best a connection pool
     * @return the store
     */
    public static JdbcBookingStore of(DataSource dataSource) {
        return new JdbcBookingStore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public Reserve reserve(Booking hold, int quota, int maxActive, Instant now) {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(now, "now");
        if (hold.state() != Booking.State.HELD) {
            throw new IllegalArgumentException("not a hold: " + hold);
        }
        String outcome = throughGate(hold.service(), hold.day(), () -> transactions.autoCommit("reserve a booking",
                (c, repeat) -> callReserve(c, hold, quota, maxActive, now, repeat), false));
        if (outcome.equals("ID_IN_USE")) {
            throw new IllegalArgumentException("not a new hold: booking id " + hold.id() + " is in use");
        }
        return Reserve.valueOf(outcome);
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public Optional<Booking> confirm(Booking hold, int quota, Instant now) {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(now, "now");
        return throughGate(hold.service(), hold.day(), () -> transactions.run("confirm a booking", c -> {
            lockDay(c, hold.service(), hold.day());
            Booking stored = stored(c, hold.id());
            if (stored == null || stored.state() != Booking.State.HELD || !stored.takesPlaceAt(now)
                    || taken(c, stored.service(), stored.day(), now) > quota) {
                return Optional.<Booking>empty();
            }
            Booking next = new Booking(stored.id(), stored.service(), stored.visitor(), stored.day(),
                    stored.channel(), Booking.State.CONFIRMED, stored.created(), null, null, null, null);
            update(c, stored, next);
            return Optional.of(next);
        }, Optional::isPresent, (c, r) -> {
            Booking stored = stored(c, hold.id());
            return stored != null && stored.state() == Booking.State.CONFIRMED;
        }, false));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public boolean walkIn(Booking walkIn, int quota) {
        Objects.requireNonNull(walkIn, "walkIn");
        if (walkIn.channel() != Booking.Channel.WALK_IN) {
            throw new IllegalArgumentException("not a walk-in: " + walkIn);
        }
        return throughGate(walkIn.service(), walkIn.day(), () -> transactions.run("register a walk-in", c -> {
            lockDay(c, walkIn.service(), walkIn.day());
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE channel = 'WALK_IN')"
                    + " - count(*) FILTER (WHERE state = 'NO_SHOW') FROM lawang_booking"
                    + " WHERE service_id = ? AND day = ?")) {
                ps.setString(1, walkIn.service().value());
                ps.setObject(2, walkIn.day());
                if (count(ps) >= quota) {
                    return false;
                }
            }
            insert(c, walkIn);
            return true;
        }, r -> r, (c, r) -> stored(c, walkIn.id()) != null, false));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public boolean replace(Booking expected, Booking next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (!expected.id().equals(next.id())) {
            throw new IllegalArgumentException("not the same booking: " + expected.id() + ", " + next.id());
        }
        return transactions.run("change a booking", c -> update(c, expected, next), r -> r, (c, r) -> {
            Booking stored = stored(c, next.id());
            return stored != null && stored.state() == next.state();
        }, false);
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public boolean remove(Booking walkIn) {
        Objects.requireNonNull(walkIn, "walkIn");
        return transactions.run("remove a walk-in", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lawang_booking WHERE booking_id = ?"
                    + " AND channel = 'WALK_IN'")) {
                ps.setObject(1, walkIn.id().toUuid());
                return ps.executeUpdate() == 1;
            }
        }, r -> r, (c, r) -> stored(c, walkIn.id()) == null, false);
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public Optional<Booking> find(BookingId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read("find a booking", c -> Optional.ofNullable(stored(c, id)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public List<Booking> day(ServiceId service, LocalDate day) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(day, "day");
        return transactions.read("read a day's bookings", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lawang_booking"
                    + " WHERE service_id = ? AND day = ? ORDER BY created_at, booking_id")) {
                ps.setString(1, service.value());
                ps.setObject(2, day);
                List<Booking> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(booking(rs));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public int placesTaken(ServiceId service, LocalDate day, Instant now) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(now, "now");
        return transactions.read("count a day's places", c -> taken(c, service, day, now));
    }

    /** One call of {@code lawang_reserve}: its outcome, or {@code ID_IN_USE}. */
    static String callReserve(Connection c, Booking hold, int quota, int maxActive, Instant now,
            boolean repeat) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lawang_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, hold.id().toUuid());
            ps.setString(2, hold.service().value());
            ps.setString(3, hold.visitor().toText());
            ps.setObject(4, hold.day());
            ps.setString(5, hold.channel().name());
            Rows.setInstant(ps, 6, hold.created());
            Rows.setInstant(ps, 7, hold.placeUntil());
            ps.setInt(8, quota);
            ps.setInt(9, maxActive);
            Rows.setInstant(ps, 10, now);
            ps.setBoolean(11, repeat);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void lockDay(Connection c, ServiceId service, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lawang_lock_booking_day(?, ?)")) {
            ps.setString(1, service.value());
            ps.setObject(2, day);
            ps.executeQuery().close();
        }
    }

    /** Runs a quota check of a service-day through the day's gate. */
    private <T> T throughGate(ServiceId service, LocalDate day, Supplier<T> check) {
        Semaphore gate = dayGate(service, day);
        gate.acquireUninterruptibly();
        try {
            return check.get();
        } finally {
            gate.release();
        }
    }

    private static int taken(Connection c, ServiceId service, LocalDate day, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM lawang_booking WHERE service_id = ?"
                + " AND day = ? AND " + TAKES_PLACE)) {
            ps.setString(1, service.value());
            ps.setObject(2, day);
            Rows.setInstant(ps, 3, now);
            return (int) count(ps);
        }
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection c, Booking b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lawang_booking (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, b.id().toUuid());
            ps.setString(2, b.service().value());
            ps.setString(3, b.visitor().toText());
            ps.setObject(4, b.day());
            ps.setString(5, b.channel().name());
            ps.setString(6, b.state().name());
            Rows.setInstant(ps, 7, b.created());
            Rows.setInstant(ps, 8, b.placeUntil());
            Rows.setInstant(ps, 9, b.arrived());
            Rows.setInstant(ps, 10, b.ended());
            ps.setObject(11, b.ticket() == null ? null : b.ticket().toUuid());
            ps.executeUpdate();
        }
    }

    private static boolean update(Connection c, Booking expected, Booking next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE lawang_booking SET state = ?, place_until = ?,"
                + " arrived_at = ?, ended_at = ?, ticket_id = ? WHERE booking_id = ? AND state = ?")) {
            ps.setString(1, next.state().name());
            Rows.setInstant(ps, 2, next.placeUntil());
            Rows.setInstant(ps, 3, next.arrived());
            Rows.setInstant(ps, 4, next.ended());
            ps.setObject(5, next.ticket() == null ? null : next.ticket().toUuid());
            ps.setObject(6, next.id().toUuid());
            ps.setString(7, expected.state().name());
            return ps.executeUpdate() == 1;
        }
    }

    private static @Nullable Booking stored(Connection c, BookingId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lawang_booking"
                + " WHERE booking_id = ?")) {
            ps.setObject(1, id.toUuid());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? booking(rs) : null;
            }
        }
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(BookingId.of(rs.getObject(1, UUID.class)), ServiceId.of(rs.getString(2)),
                VisitorRef.parse(rs.getString(3)),
                rs.getObject(4, LocalDate.class), Booking.Channel.valueOf(rs.getString(5)),
                Booking.State.valueOf(rs.getString(6)), Rows.instant(rs, 7), nullableInstant(rs, 8),
                nullableInstant(rs, 9), nullableInstant(rs, 10),
                Rows.nullableTicketId(rs, 11));
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index) == null ? null : Rows.instant(rs, index);
    }

    @Override
    public String toString() {
        return "JdbcBookingStore";
    }
}
