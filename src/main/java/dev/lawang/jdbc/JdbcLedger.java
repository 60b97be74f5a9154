package dev.lawang.jdbc;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Departure;
import dev.lawang.capacity.Limit;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.capacity.OfflineEffect;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OccupancyLedger} whose counts and open visits live in PostgreSQL, so that several application instances
 * serving the same sites share them and every limit holds across all of them.
 *
 * <p>Each admission is one call of the schema's {@code lawang_admit_via} function, committed by the server as it
 * returns (auto-commit), so that row locks are held for the shortest time. It locks the site's row (and, for a
 * visitor moving from another site, both sites' rows in ascending id order, so that concurrent admissions cannot
 * deadlock), then raises each counter with a conditional update ({@code ... WHERE present < limit}) in the order
 * site, agency, the site's daily quota, the agency's daily quota. The first update that changes no row names the
 * refusal, and a PL/pgSQL block undoes the counters and any move: nothing is counted. Admissions are idempotent by
 * visit id, so a caller that lost the reply may repeat the request. Releases and expiry take the site's row lock
 * first as well; expiry closes overdue visits one site at a time in batches, skipping rows locked by others.
 *
 * <p>One instance sends at most two admissions at the same site to the database at once; further admissions at that
 * site wait in the JVM, in arrival order, for one of them to finish. They could not run in parallel anyway, since
 * each holds the site's row lock until it commits, and a queue of sessions on one row lock costs the server more
 * than the same queue costs the JVM. Admissions at different sites do not wait for each other (apart from a rare
 * shared stripe of the gates). Instances do not coordinate, so n instances send up to 2n.
 *
 * <p><b>The database clock is the clock.</b> Stays start and end, and local days turn, by PostgreSQL's
 * {@code clock_timestamp()} (read after the site's lock is held), so application servers with skewed clocks still
 * agree. Days are the site's calendar days in the zone each request names (the directory's zone of the site),
 * converted with the JVM's time zone rules; levels apply by that day. Every instance must hold the same policy: the
 * limits an instance checks are those of its own policy.
 *
 * <p>Errors: a serialization failure, deadlock or lost connection is retried a few times. An admission whose
 * connection was lost is repeated with the same visit id, which finds the visit if the lost attempt committed. A
 * release runs in a transaction; if the connection is lost during its commit, a new connection looks whether the
 * visit is still open. Anything else, and retries that run out, throw {@link DatabaseUnavailableException}; a missing
 * schema throws {@link IllegalStateException}.
 *
 * <p>Thread-safe: share one instance per data source. The policy is held in memory and can be replaced at any time.
 */
public final class JdbcLedger implements OccupancyLedger {
    private static final int STAFF_BIT = 1;
    private static final int GUEST_BIT = 2;
    private static final int EVERYONE = STAFF_BIT | GUEST_BIT;
    private static final int DAY_ATTEMPTS = 3;
    /** Visits closed per expiry transaction: bounds the time the site's row stays locked. */
    static final int EXPIRY_BATCH = 500;

    /** Raised by {@code lawang_check_in} for the ticket id of an earlier, closed visit. */
    private static final String EARLIER_VISIT = "LW002";
    private static final String ARGUMENTS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A read sees the ledger's clock, so it moves the site's latest instant forward like any other operation; it
     * skips that when an admission holds the site's row, which records an instant at least as late.
     */
    private static final String ADVANCE = "WITH t AS (SELECT coalesce(?::timestamptz, clock_timestamp()) AS now),"
            + " moved AS (UPDATE lawang_site s SET last_at = t.now FROM t WHERE s.site_id = (SELECT site_id FROM"
            + " lawang_site WHERE site_id = ? AND last_at < (SELECT now FROM t) FOR UPDATE SKIP LOCKED)"
            + " RETURNING s.last_at)"
            + " SELECT greatest((SELECT now FROM t), (SELECT last_at FROM moved),"
            + " (SELECT last_at FROM lawang_site WHERE site_id = ?)), (SELECT last_day FROM lawang_site WHERE"
            + " site_id = ?)";

    /**
     * How many admissions at one site one instance sends to the database at once. More would queue on the site's row
     * lock in the server, where each hand-over of the lock costs more than it does in the JVM; docs/performance.md has
     * the measurements behind the number.
     */
    static final int SITE_CONCURRENCY = 2;
    private static final int SITE_GATES = 1024;

    private final Transactions transactions;
    private final @Nullable Clock clock;
    /** Guesses the local day before the database says which it is; the JVM's clock, whatever it reads. */
    private final Clock dayGuess;
    private final @Nullable JdbcVisitLog visits;
    private final String admit;
    private final String release;
    private final String expireBatch;
    private volatile CapacityPolicy policy;
    /** Per-site admission gates, striped by the site id's hash; fair, so that no admission waits for ever. */
    private final Semaphore[] siteGates = new Semaphore[SITE_GATES];

    private JdbcLedger(DataSource dataSource, CapacityPolicy policy, @Nullable Clock clock, Clock dayGuess,
            boolean keepsVisits) {
        this.transactions = new Transactions(dataSource);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = clock;
        this.dayGuess = dayGuess;
        this.visits = keepsVisits ? JdbcVisitLog.of(dataSource) : null;
        this.admit = "SELECT * FROM " + (keepsVisits ? "lawang_check_in" : "lawang_admit_via") + ARGUMENTS;
        this.release = "SELECT * FROM " + (keepsVisits ? "lawang_check_out" : "lawang_release_stay") + "(?, ?)";
        this.expireBatch = "SELECT * FROM " + (keepsVisits ? "lawang_expire_visits" : "lawang_expire_stays")
                + "(?, ?, ?)";
        for (int i = 0; i < SITE_GATES; i++) {
            siteGates[i] = new Semaphore(SITE_CONCURRENCY, true);
        }
    }

    /**
     * Returns a ledger on a database that holds the schema ({@link JdbcSchema}), using the database's clock, that
     * keeps the visit log in the same database: each admission records its visit (and closes the one the visitor
     * leaves), each release and expiry closes it, in the same statement as the counts. A gate given this ledger
     * writes its visits through it, so a crash at any moment leaves counts, stays and visits in agreement.
     *
     * @param dataSource the database; a connection pool in production (see docs/deployment-postgresql.md)
     * @param policy the capacity rules; the same in every instance sharing the database
     * @return the ledger; {@link #visitLog()} is a {@link JdbcVisitLog} on the same database
     */
    public static JdbcLedger of(DataSource dataSource, CapacityPolicy policy) {
        return new JdbcLedger(Objects.requireNonNull(dataSource, "dataSource"), policy, null, Clock.systemUTC(), true);
    }

    /**
     * Returns a ledger that keeps only the counts and the open stays, for a gate whose visit log lives elsewhere. The
     * ledger and the log are then written in separate steps: see docs/deployment-postgresql.md for what a crash
     * between them leaves behind and how {@code Gate.recover()} settles it.
     *
     * @param dataSource the database
     * @param policy the capacity rules; the same in every instance sharing the database
     * @return the ledger
     */
    public static JdbcLedger countsOnly(DataSource dataSource, CapacityPolicy policy) {
        return new JdbcLedger(Objects.requireNonNull(dataSource, "dataSource"), policy, null, Clock.systemUTC(),
                false);
    }

    /**
     * Returns a ledger that takes instants from {@code clock} instead of the database, for tests and simulations
     * that move time. The instant is the only difference: every call runs the same statements, transactions and
     * locks as with the database's clock, and the database still keeps time from running backwards at a site.
     */
    static JdbcLedger withClock(DataSource dataSource, CapacityPolicy policy, Clock clock, boolean keepsVisits) {
        return new JdbcLedger(Objects.requireNonNull(dataSource, "dataSource"), policy,
                Objects.requireNonNull(clock, "clock"), clock, keepsVisits);
    }

    /**
     * Returns a ledger on the database's clock whose JVM reads {@code jvm} instead of the system clock: only its
     * first guess at the local day comes from the JVM, which the database corrects. For tests of skewed servers.
     */
    static JdbcLedger onSkewedJvm(DataSource dataSource, CapacityPolicy policy, Clock jvm) {
        return new JdbcLedger(Objects.requireNonNull(dataSource, "dataSource"), policy, null, jvm, true);
    }

    /**
     * Returns the visit log this ledger writes in the same step as its counts.
     *
     * @return a {@link JdbcVisitLog} on the ledger's database, or empty for {@link #countsOnly}
     */
    @Override
    public Optional<VisitLog> visitLog() {
        return Optional.ofNullable(visits);
    }

    @Override
    public Admission admit(AdmitRequest request) {
        Objects.requireNonNull(request, "request");
        Semaphore gate = siteGate(request.site());
        gate.acquireUninterruptibly();
        try {
            return admitThroughGate(request);
        } finally {
            gate.release();
        }
    }

    /**
     * {@inheritDoc} The admission as {@link #admit}, then the new stay's due instant in a second statement; if the
     * process stops between the two, the stay keeps the policy's default stay.
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public Admission admitUntil(AdmitRequest request, Instant due) {
        Objects.requireNonNull(due, "due");
        Admission admission = admit(request);
        if (!(admission instanceof Admission.Admitted admitted) || admitted.repeat()) {
            return admission;
        }
        Ticket stay = admitted.ticket();
        Instant latest = stay.in().plus(CapacityPolicy.MAX_STAY);
        Instant at = (due.isBefore(stay.in()) ? stay.in() : due.isAfter(latest) ? latest : due)
                .truncatedTo(ChronoUnit.MICROS);
        boolean set = transactions.autoCommit("set a stay's end", (c, retry) -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lawang_stay SET due_at = ? WHERE visit_id = ?")) {
                Rows.setInstant(ps, 1, at);
                ps.setObject(2, stay.id().toUuid());
                return ps.executeUpdate() == 1;
            }
        }, true);
        return set ? new Admission.Admitted(new Ticket(stay.id(), stay.site(), stay.agency(), stay.role(),
                stay.channel(), stay.in(), at), false, admitted.moved()) : admission;
    }

    private Semaphore siteGate(SiteId site) {
        int h = site.hashCode() * 0x9E3779B9;
        return siteGates[(h ^ (h >>> 16)) & (SITE_GATES - 1)];
    }

    private Admission admitThroughGate(AdmitRequest request) {
        CapacityPolicy rules = policy;
        ZoneId zone = request.zone();
        LocalDate day = LocalDate.ofInstant(dayGuess.instant(), zone);
        for (int attempt = 0; attempt < DAY_ATTEMPTS; attempt++) {
            LocalDate forDay = day;
            AdmitResult result = transactions.autoCommit("admit",
                    (c, retry) -> callAdmit(c, request, rules, zone, forDay).ownRetry(retry, request.ticket()), true);
            if (result.outcome.equals("OTHER_DAY")) {
                day = later(LocalDate.ofInstant(result.requireStart(), zone), result.lastDay);
                continue;
            }
            if (result.outcome.equals("ID_IN_USE")) {
                throw new IllegalArgumentException("ticket " + request.ticket()
                        + " is in use: open for another visitor, site, agency or role, or an earlier visit's");
            }
            return result.toAdmission();
        }
        throw new DatabaseUnavailableException("admit: the local day changed during " + DAY_ATTEMPTS
                + " attempts", null, false, null);
    }

    private AdmitResult callAdmit(Connection c, AdmitRequest request, CapacityPolicy rules, ZoneId zone,
            LocalDate day) throws SQLException {
        SiteId site = request.site();
        AgencyId agency = request.agency();
        int percent = rules.levels(site).percentOn(day);
        try (PreparedStatement ps = c.prepareStatement(admit)) {
            ps.setObject(1, request.ticket().toUuid());
            ps.setString(2, request.visitor().toText());
            ps.setString(3, site.value());
            ps.setString(4, agency.value());
            ps.setString(5, request.role().name());
            Rows.setInstant(ps, 6, now());
            ps.setObject(7, day);
            Rows.setInstant(ps, 8, day.atStartOfDay(zone).toInstant());
            Rows.setInstant(ps, 9, day.plusDays(1).atStartOfDay(zone).toInstant());
            ps.setLong(10, rules.defaultStay().toNanos() / 1_000);
            setLimit(ps, 11, rules.maxPresent(site).orElse(null), percent);
            setLimit(ps, 13, rules.maxPresent(site, agency).orElse(null), percent);
            setLimit(ps, 15, rules.dailyQuota(site).orElse(null), percent);
            setLimit(ps, 17, rules.dailyQuota(site, agency).orElse(null), percent);
            ps.setString(19, request.channel().name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the admission returned no row", "XX000");
                }
                return AdmitResult.from(rs, request.visitor());
            } catch (SQLException e) {
                if (EARLIER_VISIT.equals(e.getSQLState())) {
                    return AdmitResult.ID_IN_USE;
                }
                throw e;
            }
        }
    }

    private static boolean stayOpen(Connection c, TicketId ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lawang_stay WHERE visit_id = ?")) {
            ps.setObject(1, ticket.toUuid());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Departure> release(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return transactions.autoCommit("release", (c, retry) -> {
            try (PreparedStatement ps = c.prepareStatement(release)) {
                ps.setObject(1, ticket.toUuid());
                Rows.setInstant(ps, 2, now());
                try (ResultSet rs = ps.executeQuery()) {
                    // A visit closed without a stay (left by schema version 1) is no departure of this ledger.
                    if (rs.next() && (visits == null || rs.getBoolean("had_stay"))) {
                        return Optional.of(departure(rs, Departure.Cause.RELEASED));
                    }
                    return Optional.<Departure>empty();
                }
            }
        }, false);
    }

    /**
     * {@inheritDoc} One statement ({@code lawang_release_unused}): the release, the visit closed (when this ledger
     * keeps the visit log) and the day's count lowered, in one transaction.
     *
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    @Override
    public Optional<Departure> releaseUnused(TicketId ticket, ZoneId zone) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(zone, "zone");
        return transactions.autoCommit("release an unused place", (c, retry) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lawang_release_unused(?, ?, ?, ?)")) {
                ps.setObject(1, ticket.toUuid());
                Rows.setInstant(ps, 2, now());
                ps.setString(3, zone.getId());
                ps.setBoolean(4, visits != null);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(departure(rs, Departure.Cause.RELEASED))
                            : Optional.<Departure>empty();
                }
            }
        }, false);
    }

    @Override
    public List<Departure> expire() {
        List<String> sites = transactions.read("expire", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT site_id FROM lawang_stay WHERE due_at"
                    + " <= greatest(coalesce(?::timestamptz, clock_timestamp()), (SELECT max(last_at) FROM"
                    + " lawang_site)) ORDER BY site_id")) {
                Rows.setInstant(ps, 1, now());
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
        List<Departure> departures = new ArrayList<>();
        for (String site : sites) {
            List<Departure> batch;
            do {
                batch = transactions.run("expire", c -> expireBatch(c, site), b -> !b.isEmpty(),
                        (c, b) -> !stayOpen(c, b.get(0).ticket().id()), false);
                departures.addAll(batch);
            } while (batch.size() == EXPIRY_BATCH);
        }
        return departures;
    }

    private List<Departure> expireBatch(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(expireBatch)) {
            ps.setString(1, site);
            Rows.setInstant(ps, 2, now());
            ps.setInt(3, EXPIRY_BATCH);
            List<Departure> closed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closed.add(departure(rs, Departure.Cause.EXPIRED));
                }
            }
            return closed;
        }
    }

    @Override
    public List<Ticket> openStays(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        return transactions.read("open stays", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT visit_id, site_id, agency_id, role, channel,"
                    + " started_at, due_at FROM lawang_stay WHERE started_at < ?")) {
                Rows.setInstant(ps, 1, startedBefore);
                List<Ticket> open = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.add(new Ticket(Rows.ticketId(rs, "visit_id"), SiteId.of(rs.getString("site_id")),
                                AgencyId.of(rs.getString("agency_id")), Role.valueOf(rs.getString("role")),
                                Rows.channel(rs, "channel"), Rows.instant(rs, "started_at"), Rows.instant(rs, "due_at")));
                    }
                }
                return open;
            }
        });
    }

    /**
     * Settles what a crash under schema version 1 left between the stays and the visits (since version 2 a check-in,
     * a check-out and an expiry write both in one statement): see {@link OccupancyLedger#settle}. Does nothing for
     * {@link #countsOnly}, whose visits live elsewhere.
     */
    @Override
    public Settlement settle(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        if (visits == null) {
            return Settlement.NONE;
        }
        return transactions.run("settle", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lawang_recover(?, ?)")) {
                Rows.setInstant(ps, 1, now());
                Rows.setInstant(ps, 2, startedBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Settlement(rs.getInt("visits_closed"), rs.getInt("visits_opened"),
                            rs.getInt("stays_released"));
                }
            }
        }, done -> true, (c, done) -> true, false);
    }

    /**
     * Applies an offline decision once, as {@link OccupancyLedger#applyOffline} says: one statement, in which the
     * record of the device and sequence number (table {@code lawang_offline_applied}, schema version 7) and the
     * decision's effect on stays, counts and, for {@link #of}, visits commit together.
     */
    @Override
    public OfflineEffect.Applied applyOffline(OfflineEffect effect) {
        Objects.requireNonNull(effect, "effect");
        return JdbcOffline.apply(transactions, effect, policy.defaultStay(), visits != null, now());
    }

    /** Applies the offline decisions in one transaction, each as {@link #applyOffline(OfflineEffect)}. */
    @Override
    public List<OfflineEffect.Applied> applyOffline(List<OfflineEffect> effects) {
        return JdbcOffline.applyAll(transactions, List.copyOf(effects), policy.defaultStay(), visits != null, now());
    }

    @Override
    public Occupancy read(SiteId site, ZoneId zone) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(zone, "zone");
        CapacityPolicy rules = policy;
        return read(rules, site, null, zone, rules.maxPresent(site).orElse(null),
                rules.dailyQuota(site).orElse(null));
    }

    @Override
    public Occupancy read(SiteId site, AgencyId agency, ZoneId zone) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(zone, "zone");
        CapacityPolicy rules = policy;
        return read(rules, site, agency, zone, rules.maxPresent(site, agency).orElse(null),
                rules.dailyQuota(site, agency).orElse(null));
    }

    private Occupancy read(CapacityPolicy rules, SiteId site, @Nullable AgencyId agency, ZoneId zone,
            @Nullable Limit present, @Nullable Limit quota) {
        String presentSql = agency == null
                ? "SELECT present_staff, present_guest FROM lawang_site WHERE site_id = ?"
                : "SELECT present_staff, present_guest FROM lawang_agency WHERE site_id = ? AND agency_id = ?";
        return transactions.run("read", c -> {
            // A read changes only the site's latest instant and day, which need no durability.
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
            LocalDate day;
            LocalDate lastDay;
            try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
                Rows.setInstant(ps, 1, now());
                ps.setString(2, site.value());
                ps.setString(3, site.value());
                ps.setString(4, site.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastDay = rs.getObject(2, LocalDate.class);
                    day = later(LocalDate.ofInstant(Rows.instant(rs, 1), zone), lastDay);
                }
            }
            if (!day.equals(lastDay)) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE lawang_site SET last_day = ? WHERE site_id = ?"
                        + " AND (last_day IS NULL OR last_day < ?)")) {
                    ps.setObject(1, day);
                    ps.setString(2, site.value());
                    ps.setObject(3, day);
                    ps.executeUpdate();
                }
            }
            int percent = rules.levels(site).percentOn(day);
            long[] people = counts(c, presentSql, site, agency == null ? null : agency.value(), null);
            long[] admitted = counts(c, "SELECT admitted_staff, admitted_guest FROM lawang_admitted WHERE site_id = ?"
                    + " AND agency_id = ? AND day = ?", site, agency == null ? "" : agency.value(), day);
            Occupancy occupancy = Occupancy.of(Math.toIntExact(count(people, mask(present, EVERYONE))),
                    count(admitted, mask(quota, GUEST_BIT)));
            if (present != null) {
                occupancy = occupancy.withLimit(present.scaled(percent));
            }
            if (quota != null) {
                occupancy = occupancy.withDailyQuota(quota.scaled(percent));
            }
            return occupancy;
        }, o -> true, (c, o) -> true, false);
    }

    private static long[] counts(Connection c, String sql, SiteId site, @Nullable String agency,
            @Nullable LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site.value());
            if (agency != null) {
                ps.setString(2, agency);
            }
            if (day != null) {
                ps.setObject(3, day);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[2];
            }
        }
    }

    private static long count(long[] staffAndGuests, int mask) {
        return ((mask & STAFF_BIT) != 0 ? staffAndGuests[0] : 0) + ((mask & GUEST_BIT) != 0 ? staffAndGuests[1] : 0);
    }

    @Override
    public CapacityPolicy policy() {
        return policy;
    }

    @Override
    public void replacePolicy(CapacityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The instant to pass as the ledger's clock, or null to let the database read its own. */
    private @Nullable Instant now() {
        return clock == null ? null : clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate later(LocalDate day, @Nullable LocalDate other) {
        return other != null && other.isAfter(day) ? other : day;
    }

    private static void setLimit(PreparedStatement ps, int index, @Nullable Limit limit, int percent)
            throws SQLException {
        if (limit == null) {
            ps.setNull(index, Types.INTEGER);
            ps.setInt(index + 1, 0);
        } else {
            ps.setInt(index, limit.scaled(percent));
            ps.setInt(index + 1, mask(limit, 0));
        }
    }

    private static int mask(@Nullable Limit limit, int absent) {
        if (limit == null) {
            return absent;
        }
        return (limit.counts(Role.STAFF) ? STAFF_BIT : 0) | (limit.counts(Role.GUEST) ? GUEST_BIT : 0);
    }

    private static Departure departure(ResultSet rs, Departure.Cause cause) throws SQLException {
        Ticket ticket = new Ticket(Rows.ticketId(rs, "visit_id"), SiteId.of(rs.getString("site_id")),
                AgencyId.of(rs.getString("agency_id")), Role.valueOf(rs.getString("role")),
                Rows.channel(rs, "channel"), Rows.instant(rs, "started_at"), Rows.instant(rs, "due_at"));
        return new Departure(ticket, VisitorRef.parse(rs.getString("visitor_ref")), Rows.instant(rs, "ended_at"), cause);
    }

    /**
     * Returns how many times this ledger repeated a call to the database after a transient failure (a serialization
     * failure, a deadlock, a unique-key race or a lost connection) since it was made: a number to watch.
     *
     * @return the count of retried attempts
     */
    public long retries() {
        return transactions.retries();
    }

    @Override
    public String toString() {
        return "JdbcLedger[" + (clock == null ? "database clock" : clock) + ", policy=" + policy + "]";
    }
}
