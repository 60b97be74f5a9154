package dev.lawang.jdbc;

import dev.lawang.code.CodeId;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.CodeRequest;
import dev.lawang.request.RequestBook;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import dev.lawang.request.RequestEntry;
import dev.lawang.request.RequestId;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RequestBook.Store} in PostgreSQL: one book of code requests shared by every application instance on the
 * same database, for a ministry that runs one book for every office in the country.
 *
 * <pre>{@code
 * RequestBook book = RequestBook.create(JdbcRequestStore.of(pool), Clock.systemUTC());
 * }</pre>
 *
 * <p>Requests live in the tables {@code lawang_request}, {@code lawang_request_step} and
 * {@code lawang_request_open_cover} (schema version 3, {@link JdbcSchema}). A request gets the next id under an
 * advisory lock, so ids stay dense and in submission order and the book's JSON-lines export reads back; a step is
 * recorded by an update conditional on the number of steps read, so two instances stepping one request at once record
 * exactly one step; and the open cover table's primary key refuses a duplicate request even when two instances
 * submit at once. Instants are stored exactly, to the nanosecond.
 *
 * <p>Failures as in {@link JdbcVisitLog}: lost connections and conflicts are retried where the failed attempt
 * certainly rolled back, a commit lost with the connection is looked for on a new one, otherwise
 * {@link DatabaseUnavailableException}. Messages never contain a contact address.
 *
 * <p>Thread-safe: share one instance per data source.
 */
public final class JdbcRequestStore implements RequestBook.Store {
    /** Serialises the choice of the next request id across instances: an arbitrary fixed key ("LawangR"). */
    static final long ID_LOCK = 0x4C6177616E6752L;

    private static final String REQUEST_COLUMNS = "r.request_id, r.requester, r.site_id, r.covered, r.latitude,"
            + " r.longitude, r.staff_users, r.expected_guests, r.photos, r.contact, r.notes, r.rejection_reason,"
            + " r.code_id, r.code_issued_at, r.code_valid_from, r.code_valid_until, r.code_text";
    private static final String SELECT = "SELECT " + REQUEST_COLUMNS + ", s.state, s.at, s.at_nanos, s.actor"
            + " FROM lawang_request r JOIN lawang_request_step s ON s.request_id = r.request_id ";
    private static final String ORDER = " ORDER BY r.request_id, s.step";
    private static final String OPEN = "('SUBMITTED', 'APPROVED')";

    private final Transactions transactions;

    private JdbcRequestStore(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Returns a store on a database that holds the schema ({@link JdbcSchema}, version 3 or later).
     *
     * @param dataSource the database; a connection pool in production
     * @return the store
     */
    public static JdbcRequestStore of(DataSource dataSource) {
        return new JdbcRequestStore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<RequestEntry> add(CodeRequest request, Step submitted) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(submitted, "submitted");
        if (submitted.state() != State.SUBMITTED) {
            throw new IllegalArgumentException("a request is added with a SUBMITTED step, not " + submitted.state());
        }
        GeoPoint position = request.position().orElseThrow(() -> incomplete("position"));
        int staff = request.staffUsers().orElseThrow(() -> incomplete("staffUsers"));
        int guests = request.expectedGuestsPerDay().orElseThrow(() -> incomplete("expectedGuestsPerDay"));
        String contact = request.contact().orElseThrow(() -> incomplete("contact"));
        return transactions.run("add request", c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ID_LOCK);
                lock.execute();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(request_id), 0) + 1 FROM lawang_request");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lawang_request (request_id, requester,"
                    + " site_id, covered, latitude, longitude, staff_users, expected_guests, photos, contact, notes,"
                    + " state, steps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 1)")) {
                ps.setLong(1, id);
                ps.setString(2, request.requester().value());
                ps.setString(3, request.site().value());
                ps.setArray(4, c.createArrayOf("varchar",
                        request.covered().stream().map(AgencyId::value).sorted().toArray()));
                ps.setDouble(5, position.latitude());
                ps.setDouble(6, position.longitude());
                ps.setInt(7, staff);
                ps.setInt(8, guests);
                ps.setArray(9, c.createArrayOf("text", request.photos().stream().map(URI::toString).toArray()));
                ps.setString(10, contact);
                ps.setString(11, request.notes());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lawang_request_open_cover (site_id,"
                    + " agency_id, request_id) SELECT ?, a, ? FROM unnest(?::varchar[]) AS a ON CONFLICT DO NOTHING")) {
                ps.setString(1, request.site().value());
                ps.setLong(2, id);
                ps.setArray(3, c.createArrayOf("varchar", request.covered().stream().map(AgencyId::value).toArray()));
                if (ps.executeUpdate() != request.covered().size()) {
                    return Optional.<RequestEntry>empty();
                }
            }
            insertStep(c, id, 0, submitted);
            return Optional.of(RequestEntry.of(RequestId.of(id), request, List.of(submitted), null, null, null));
        }, Optional::isPresent, (c, added) -> hasStep(c, added.orElseThrow(), 0), false);
    }

    private static IllegalArgumentException incomplete(String field) {
        return new IllegalArgumentException("a request is stored complete; '" + field + "' is missing");
    }

    @Override
    public boolean advance(RequestEntry current, RequestEntry next) {
        Objects.requireNonNull(current, "current");
        if (!Objects.requireNonNull(next, "next").follows(current)) {
            throw new IllegalArgumentException("the next entry of request " + current.id() + " must follow it");
        }
        int n = current.history().size();
        Step step = next.history().get(n);
        long id = current.id().number();
        int outcome = transactions.run("step request", c -> {
            @Nullable SharedCode code = next.code().orElse(null);
            try (PreparedStatement ps = c.prepareStatement("UPDATE lawang_request SET state = ?, steps = ?,"
                    + " rejection_reason = ?, code_id = ?, code_issued_at = ?, code_valid_from = ?,"
                    + " code_valid_until = ?, code_text = ? WHERE request_id = ? AND steps = ?")) {
                ps.setString(1, step.state().name());
                ps.setInt(2, n + 1);
                ps.setString(3, next.rejectionReason().orElse(null));
                ps.setString(4, code == null ? null : code.id().toString());
                Rows.setInstant(ps, 5, code == null ? null : code.issuedAt());
                Rows.setInstant(ps, 6, code == null ? null : code.validFrom());
                Rows.setInstant(ps, 7, code == null ? null : code.validUntil());
                ps.setString(8, next.codeText().orElse(null));
                ps.setLong(9, id);
                ps.setInt(10, n);
                if (ps.executeUpdate() == 0) {
                    return exists(c, id) ? 0 : -1;
                }
            }
            insertStep(c, id, n, step);
            if (!step.state().isOpen()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM lawang_request_open_cover WHERE request_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return 1;
        }, recorded -> recorded == 1, (c, recorded) -> hasStep(c, next, n), false);
        if (outcome < 0) {
            throw new IllegalArgumentException("no request " + current.id() + " in this store");
        }
        return outcome == 1;
    }

    private static void insertStep(Connection c, long id, int index, Step step) throws SQLException {
        Instant micros = step.at().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lawang_request_step (request_id, step, state, at,"
                + " at_nanos, actor) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, index);
            ps.setString(3, step.state().name());
            Rows.setInstant(ps, 4, micros);
            ps.setShort(5, (short) ChronoUnit.NANOS.between(micros, step.at()));
            ps.setString(6, step.actor());
            ps.executeUpdate();
        }
    }

    /** Whether the step of the entry at the index is recorded: the check after a commit lost with its connection. */
    private static boolean hasStep(Connection c, RequestEntry entry, int index) throws SQLException {
        Step step = entry.history().get(index);
        try (PreparedStatement ps = c.prepareStatement("SELECT state, at, at_nanos, actor FROM lawang_request_step"
                + " WHERE request_id = ? AND step = ?")) {
            ps.setLong(1, entry.id().number());
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && new Step(State.valueOf(rs.getString(1)),
                        Rows.instant(rs, 2).plusNanos(rs.getShort(3)), rs.getString(4)).equals(step);
            }
        }
    }

    private static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lawang_request WHERE request_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<RequestEntry> find(RequestId id) {
        Objects.requireNonNull(id, "id");
        return select("find request", "WHERE r.request_id = ?", ps -> ps.setLong(1, id.number())).stream()
                .findFirst();
    }

    @Override
    public List<RequestEntry> openAt(SiteId site) {
        Objects.requireNonNull(site, "site");
        return select("open requests at site", "WHERE r.site_id = ? AND r.state IN " + OPEN,
                ps -> ps.setString(1, site.value()));
    }

    @Override
    public List<RequestEntry> entries() {
        return select("all requests", "", ps -> { });
    }

    @Override
    public int size() {
        return transactions.read("count requests", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM lawang_request");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1));
            }
        });
    }

    @Override
    public List<RequestId> stepOrder() {
        return transactions.read("step order", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT request_id FROM lawang_request_step ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                List<RequestId> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(RequestId.of(rs.getLong(1)));
                }
                return List.copyOf(out);
            }
        });
    }

    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    /** Reads requests with their steps in one statement, so that every entry comes from one snapshot. */
    private List<RequestEntry> select(String operation, String where, Parameters parameters) {
        return transactions.read(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + ORDER)) {
                parameters.set(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<RequestEntry> out = new ArrayList<>();
                    List<Step> steps = new ArrayList<>();
                    @Nullable Row row = null;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (row != null && row.id != id) {
                            out.add(row.entry(steps));
                            steps.clear();
                            row = null;
                        }
                        if (row == null) {
                            row = new Row(rs);
                        }
                        steps.add(new Step(State.valueOf(rs.getString(18)),
                                Rows.instant(rs, 19).plusNanos(rs.getShort(20)), rs.getString(21)));
                    }
                    if (row != null) {
                        out.add(row.entry(steps));
                    }
                    return List.copyOf(out);
                }
            }
        });
    }

    /** The columns of one request row, read once for its first step. */
    private static final class Row {
        final long id;
        final CodeRequest request;
        final @Nullable String rejectionReason;
        final @Nullable SharedCode code;
        final @Nullable String codeText;

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong(1);
            SiteId site = SiteId.of(rs.getString(3));
            CodeRequest.Builder b = CodeRequest.builder(AgencyId.of(rs.getString(2)), site)
                    .covering(agencies(rs.getArray(4)))
                    .position(GeoPoint.of(rs.getDouble(5), rs.getDouble(6)))
                    .staffUsers(rs.getInt(7))
                    .expectedGuestsPerDay(rs.getInt(8));
            List<URI> photos = new ArrayList<>();
            for (String photo : strings(rs.getArray(9))) {
                photos.add(URI.create(photo));
            }
            request = b.photos(photos).contact(rs.getString(10)).notes(rs.getString(11)).build();
            rejectionReason = rs.getString(12);
            String codeId = rs.getString(13);
            codeText = rs.getString(17);
            code = codeId == null ? null : SharedCode.builder(site).id(CodeId.parse(codeId))
                    .covering(request.covered()).issuedAt(Rows.instant(rs, 14))
                    .validFrom(Rows.instant(rs, 15)).validUntil(Rows.instant(rs, 16)).build();
        }

        RequestEntry entry(List<Step> steps) {
            return RequestEntry.of(RequestId.of(id), request, steps, rejectionReason, code, codeText);
        }

        private static List<AgencyId> agencies(Array array) throws SQLException {
            List<AgencyId> out = new ArrayList<>();
            for (String id : strings(array)) {
                out.add(AgencyId.of(id));
            }
            return out;
        }

        private static List<String> strings(Array array) throws SQLException {
            Object[] values = (Object[]) array.getArray();
            List<String> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add((String) v);
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return "JdbcRequestStore";
    }
}
