package dev.lawang.jdbc;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VisitLog} in PostgreSQL, shared by every application instance on the same database.
 *
 * <p>Visits live in the table {@code lawang_visit}; a partial unique index keeps one open visit per visitor, even
 * when two instances append at once. Instants are stored exactly, to the nanosecond. {@link #purgeBefore(Instant)}
 * deletes in batches of {@value #PURGE_BATCH} rows, each its own transaction, so that a large purge holds no long
 * locks; call it from one place (a scheduled job) to enforce the retention period.
 *
 * <p>Failures: a lost connection or a conflict is retried a few times where the failed attempt certainly rolled back;
 * if the connection is lost during the commit, the log looks on a new connection whether the change is there.
 * Otherwise {@link DatabaseUnavailableException}; a missing schema throws {@link IllegalStateException}. Messages
 * never contain a visitor's pseudonym.
 *
 * <p>Thread-safe: share one instance per data source.
 */
public final class JdbcVisitLog implements VisitLog {
    /** Rows deleted per purge transaction. */
    static final int PURGE_BATCH = 10_000;

    private static final String COLUMNS = "ticket_id, visitor_ref, site_id, agency_id, role, checked_in,"
            + " checked_in_nanos, checked_out, checked_out_nanos, channel";
    private static final String EARLIEST_FIRST = " ORDER BY checked_in, checked_in_nanos, ticket_id";

    private final DataSource dataSource;
    private final Transactions transactions;

    private JdbcVisitLog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Returns a log on a database that holds the schema ({@link JdbcSchema}).
     *
     * @param dataSource the database; a connection pool in production
     * @return the log
     */
    public static JdbcVisitLog of(DataSource dataSource) {
        return new JdbcVisitLog(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void append(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        if (!visit.isOpen()) {
            throw new IllegalArgumentException("only an open visit can be appended: " + visit.ticket());
        }
        UUID ticket = uuid(visit.ticket());
        boolean inserted = transactions.run("append visit", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lawang_visit (" + COLUMNS + ") VALUES (?, ?,"
                    + " ?, ?, ?, ?, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, ticket);
                ps.setString(2, visit.visitor().toText());
                ps.setString(3, visit.site().value());
                ps.setString(4, visit.agency().value());
                ps.setString(5, visit.role().name());
                setInstant(ps, 6, visit.in());
                ps.setString(8, visit.channel().name());
                return ps.executeUpdate() == 1;
            }
        }, done -> done, (c, done) -> exists(c, ticket), false);
        if (!inserted) {
            boolean ticketTaken = transactions.read("append visit", c -> exists(c, ticket));
            throw new IllegalStateException(ticketTaken
                    ? "a visit with ticket " + visit.ticket() + " is already recorded"
                    : "the visitor already has an open visit");
        }
    }

    @Override
    public Optional<Visit> close(TicketId ticket, Instant out) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(out, "out");
        UUID id = uuid(ticket);
        Optional<Visit> closed = transactions.run("close visit", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lawang_visit SET checked_out = ?,"
                    + " checked_out_nanos = ? WHERE ticket_id = ? AND checked_out IS NULL"
                    + " AND (checked_in, checked_in_nanos) <= (?, ?) RETURNING " + COLUMNS)) {
                setInstant(ps, 1, out);
                ps.setObject(3, id);
                setInstant(ps, 4, out);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(visit(rs)) : Optional.<Visit>empty();
                }
            }
        }, Optional::isPresent, (c, done) -> !isOpen(c, id), false);
        if (closed.isEmpty() && transactions.read("close visit", c -> isOpen(c, id))) {
            throw new IllegalArgumentException("visit " + ticket + " cannot end at " + out + ", before it began");
        }
        return closed;
    }

    @Override
    public Optional<Visit> find(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        List<Visit> found = select("find visit", "WHERE ticket_id = ?", uuid(ticket));
        return found.stream().findFirst();
    }

    @Override
    public Optional<Visit> openVisitOf(VisitorRef visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return select("open visit of", "WHERE visitor_ref = ? AND checked_out IS NULL", visitor.toText()).stream()
                .findFirst();
    }

    @Override
    public List<Visit> visitsOf(VisitorRef visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return select("visits of", "WHERE visitor_ref = ?" + EARLIEST_FIRST, visitor.toText());
    }

    @Override
    public List<Visit> overlapping(Visit visit, Duration margin) {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        Instant from = visit.in().minus(margin);
        Instant until = visit.out().map(out -> out.plus(margin)).orElse(null);
        return transactions.read("overlapping visits", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lawang_visit"
                    + " WHERE site_id = ? AND visitor_ref <> ? AND ticket_id <> ?"
                    + " AND (checked_out IS NULL OR (checked_out, checked_out_nanos) > (?, ?))"
                    + " AND (?::timestamptz IS NULL OR (checked_in, checked_in_nanos) < (?, ?))" + EARLIEST_FIRST)) {
                ps.setString(1, visit.site().value());
                ps.setString(2, visit.visitor().toText());
                ps.setObject(3, uuid(visit.ticket()));
                setInstant(ps, 4, from);
                if (until == null) {
                    Rows.setInstant(ps, 6, null);
                    Rows.setInstant(ps, 7, null);
                    ps.setNull(8, Types.SMALLINT);
                } else {
                    Rows.setInstant(ps, 6, micros(until));
                    setInstant(ps, 7, until);
                }
                return visits(ps);
            }
        });
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int purged = 0;
        int batch;
        do {
            batch = transactions.run("purge visits", c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM lawang_visit WHERE ticket_id IN"
                        + " (SELECT ticket_id FROM lawang_visit WHERE checked_out <= ?"
                        + " AND (checked_out, checked_out_nanos) < (?, ?) LIMIT " + PURGE_BATCH + ")")) {
                    Rows.setInstant(ps, 1, micros(cutoff));
                    setInstant(ps, 2, cutoff);
                    return ps.executeUpdate();
                }
            }, n -> n > 0, (c, n) -> true, false);
            purged += batch;
        } while (batch == PURGE_BATCH);
        return purged;
    }

    @Override
    public List<Visit> openVisits(Instant inBefore) {
        Objects.requireNonNull(inBefore, "inBefore");
        return transactions.read("open visits", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lawang_visit"
                    + " WHERE checked_out IS NULL AND (checked_in, checked_in_nanos) < (?, ?)")) {
                setInstant(ps, 1, inBefore);
                return visits(ps);
            }
        });
    }

    /**
     * Tells whether another log writes the same database: logs made by {@link #of(DataSource)} on the same data
     * source are equal.
     *
     * @param o another object
     * @return whether it is a {@code JdbcVisitLog} on the same data source
     */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof JdbcVisitLog other && dataSource == other.dataSource;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(dataSource);
    }

    /**
     * Returns how many times this log repeated a call to the database after a transient failure (a serialization
     * failure, a deadlock, a unique-key race or a lost connection) since it was made: a number to watch.
     *
     * @return the count of retried attempts
     */
    public long retries() {
        return transactions.retries();
    }

    private List<Visit> select(String operation, String where, Object key) {
        return transactions.read(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lawang_visit " + where)) {
                ps.setObject(1, key);
                return visits(ps);
            }
        });
    }

    private static List<Visit> visits(PreparedStatement ps) throws SQLException {
        List<Visit> visits = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                visits.add(visit(rs));
            }
        }
        return List.copyOf(visits);
    }

    private static boolean exists(Connection c, UUID ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lawang_visit WHERE ticket_id = ?")) {
            ps.setObject(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean isOpen(Connection c, UUID ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lawang_visit WHERE ticket_id = ?"
                + " AND checked_out IS NULL")) {
            ps.setObject(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        Visit visit = Visit.open(Rows.ticketId(rs, 1),
                VisitorRef.parse(rs.getString(2)), SiteId.of(rs.getString(3)), AgencyId.of(rs.getString(4)),
                Role.valueOf(rs.getString(5)), Rows.channel(rs, "channel"),
                Rows.instant(rs, 6).plusNanos(rs.getShort(7)));
        if (rs.getObject(8) != null) {
            visit = visit.withOut(Rows.instant(rs, 8).plusNanos(rs.getShort(9)));
        }
        return visit;
    }

    private static UUID uuid(TicketId ticket) {
        return new UUID(ticket.high(), ticket.low());
    }

    /** The instant truncated to the microsecond, which a PostgreSQL timestamp holds exactly. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Sets an instant as two parameters: the microsecond timestamp and the nanoseconds beyond it. */
    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        Instant micros = micros(instant);
        Rows.setInstant(ps, index, micros);
        ps.setShort(index + 1, (short) ChronoUnit.NANOS.between(micros, instant));
    }

    @Override
    public String toString() {
        return "JdbcVisitLog";
    }
}
