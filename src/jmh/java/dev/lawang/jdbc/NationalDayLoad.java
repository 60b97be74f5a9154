package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A peak hour of a national day replayed through {@link Gate} on one PostgreSQL server (embedded, synchronous commit,
 * on the same machine): 30,000 sites, check-ins spread as a Zipf distribution (exponent 0.7: a few hot sites, a long
 * tail), each client keeping 32 visitors inside and checking the longest-staying one out after each check-in, the
 * visit log on. Three ways are run one after the other with the same clients:
 * <ul>
 *   <li>{@code together}: {@code JdbcLedger.of}, which writes counts and visit in one statement per call;</li>
 *   <li>{@code apart}: {@code JdbcLedger.countsOnly} with a {@code JdbcVisitLog}, the ledger and the log written in
 *       separate transactions, as 0.1 did;</li>
 *   <li>{@code floor}: no gate, one bare {@code INSERT} per check-in and one {@code UPDATE} per check-out on a table
 *       shaped like the visit log: the least a durable pair costs.</li>
 * </ul>
 * Prints pairs per second and the per-call latency percentiles of each, then the on-disk size of a visit row and of a
 * stay row, then the size of a visit table that keeps 14 days under the daily purge.
 *
 * <p>Run with nothing else on the machine: {@code src/jmh/national-day.sh <seconds per way> <clients>}.
 */
public final class NationalDayLoad {
    static final int SITES = 30_000;
    static final int INSIDE_PER_CLIENT = 32;
    static final AgencyId AGENCY = AgencyId.of("front-desk");
    static final byte[] SECRET = "the national day's pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    private NationalDayLoad() {
    }

    /**
     * Runs the replay.
     *
     * @param args seconds to measure each way (default 60) and client threads (default 8)
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Directory directory = directory();
        double[] weights = zipf(SITES, 0.7);
        System.out.printf(Locale.ROOT, "National day: %d sites, %d clients, %d s per way (%d s warm-up), JDK %s%n",
                SITES, clients, seconds, seconds / 4, Runtime.version());
        System.out.printf(Locale.ROOT, "the busiest site gets %.2f %% of check-ins, the top 100 %.1f %%%n",
                100 * weights[0], 100 * Arrays.stream(weights).limit(100).sum());
        System.out.println("| way | pairs/s | check-in p50 | p99 | check-out p50 | p99 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String way : List.of("together", "apart", "floor")) {
            String database = TestDatabase.createDatabase(TestDatabase.server());
            try (HikariDataSource pool = TestDatabase.pool(database, clients + 2)) {
                Result r = replay(way, pool, directory, weights, clients, seconds);
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", way,
                        r.pairsPerSecond, r.in.percentile(50), r.in.percentile(99), r.out.percentile(50),
                        r.out.percentile(99));
                if (way.equals("together")) {
                    rowSizes(pool);
                }
            }
        }
        String database = TestDatabase.createDatabase(TestDatabase.server());
        try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
            purgeKeepsTheTableSteady(pool);
        }
        System.exit(0);
    }

    static Directory directory() {
        List<Site> sites = new ArrayList<>(SITES);
        for (int i = 0; i < SITES; i++) {
            double lat = -10 + (i / 200) * 0.05;
            double lon = 100 + (i % 200) * 0.2;
            sites.add(Site.builder(SiteId.of("site-" + i)).name("Site " + i)
                    .geofence(Geofence.circle(GeoPoint.of(lat, lon), 80)).tenants(AGENCY).build());
        }
        return Directory.builder().agencies(Agency.of(AGENCY, "Front desk")).sites(sites).build();
    }

    /** Cumulative Zipf weights turned into per-site shares, highest first. */
    static double[] zipf(int n, double exponent) {
        double[] w = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            w[k] = 1 / Math.pow(k + 1, exponent);
            sum += w[k];
        }
        for (int k = 0; k < n; k++) {
            w[k] /= sum;
        }
        return w;
    }

    private static int[] sampler(double[] weights) {
        // 1,000,000 slots, each holding a site, as many per site as its share: a draw is one array read.
        int[] slots = new int[1_000_000];
        int at = 0;
        for (int site = 0; site < weights.length && at < slots.length; site++) {
            int count = Math.max(1, (int) Math.round(weights[site] * slots.length));
            for (int c = 0; c < count && at < slots.length; c++) {
                slots[at++] = site;
            }
        }
        while (at < slots.length) {
            slots[at] = at % weights.length;
            at++;
        }
        return slots;
    }

    private record Result(double pairsPerSecond, Latencies in, Latencies out) {
    }

    /** Latencies of one kind of call, in microseconds, appended per thread and merged at the end. */
    static final class Latencies {
        private long[] micros = new long[1 << 16];
        private int size;

        void add(long nanos) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = nanos / 1_000;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.micros[i] * 1_000);
            }
        }

        double percentile(double p) {
            long[] sorted = Arrays.copyOf(micros, size);
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }
    }

    private interface Client {
        /** Checks a new visitor in, returning what checks them out. */
        Object in(int site, VisitorRef visitor) throws SQLException;

        void out(Object ticket) throws SQLException;
    }

    private static Result replay(String way, HikariDataSource pool, Directory directory, double[] weights, int clients,
            int seconds) throws Exception {
        Client client = switch (way) {
            case "together" -> gateClient(Gate.builder().directory(directory).verifier(verifier())
                    .ledger(JdbcLedger.of(pool, policy())).clock(Clock.systemUTC()).build());
            case "apart" -> gateClient(Gate.builder().directory(directory).verifier(verifier())
                    .ledger(JdbcLedger.countsOnly(pool, policy())).visitLog(JdbcVisitLog.of(pool))
                    .clock(Clock.systemUTC()).build());
            default -> floorClient(pool);
        };
        int[] slots = sampler(weights);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(seconds / 4).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicBoolean failed = new AtomicBoolean();
        Latencies[] ins = new Latencies[clients];
        Latencies[] outs = new Latencies[clients];
        long[] pairs = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            int thread = t;
            ins[t] = new Latencies();
            outs[t] = new Latencies();
            new Thread(() -> {
                SplittableRandom random = new SplittableRandom(42 + thread);
                ArrayDeque<Object> inside = new ArrayDeque<>();
                long visitor = (long) thread << 40;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        Object ticket = client.in(slots[random.nextInt(slots.length)],
                                VisitorRef.parse(String.format(Locale.ROOT, "%032x", visitor++)));
                        long t1 = System.nanoTime();
                        boolean measured = t0 >= warmupEnd;
                        if (measured) {
                            ins[thread].add(t1 - t0);
                        }
                        if (ticket != null) {
                            inside.add(ticket);
                        }
                        if (inside.size() > INSIDE_PER_CLIENT) {
                            long t2 = System.nanoTime();
                            client.out(inside.poll());
                            if (measured) {
                                outs[thread].add(System.nanoTime() - t2);
                                pairs[thread]++;
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failed.set(true);
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }, "client-" + t).start();
        }
        done.await();
        if (failed.get()) {
            throw new IllegalStateException("a client failed in " + way);
        }
        Latencies in = new Latencies();
        Latencies out = new Latencies();
        for (int t = 0; t < clients; t++) {
            in.addAll(ins[t]);
            out.addAll(outs[t]);
        }
        return new Result(Arrays.stream(pairs).sum() / (double) seconds, in, out);
    }

    private static Client gateClient(Gate gate) {
        return new Client() {
            @Override
            public Object in(int site, VisitorRef visitor) {
                Decision d = gate.walkIn(new WalkIn(SiteId.of("site-" + site), AGENCY, visitor, Role.GUEST,
                        Screening.of(36.5, true, true)));
                return d instanceof Decision.Admitted a ? a.ticket().id() : null;
            }

            @Override
            public void out(Object ticket) {
                gate.checkOut((TicketId) ticket);
            }
        };
    }

    /** The floor: one INSERT per check-in and one UPDATE per check-out, each committed, on a table like the log. */
    private static Client floorClient(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bare_visit (ticket_id uuid PRIMARY KEY, visitor_ref varchar(256) NOT NULL,"
                    + " site_id varchar(64) NOT NULL, checked_in timestamptz NOT NULL, checked_out timestamptz)");
        }
        return new Client() {
            @Override
            public Object in(int site, VisitorRef visitor) throws SQLException {
                UUID ticket = UUID.randomUUID();
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO bare_visit VALUES (?, ?, ?, clock_timestamp(), NULL)")) {
                    ps.setObject(1, ticket);
                    ps.setString(2, visitor.toText());
                    ps.setString(3, "site-" + site);
                    ps.executeUpdate();
                }
                return ticket;
            }

            @Override
            public void out(Object ticket) throws SQLException {
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "UPDATE bare_visit SET checked_out = clock_timestamp() WHERE ticket_id = ?")) {
                    ps.setObject(1, ticket);
                    ps.executeUpdate();
                }
            }
        };
    }

    static CapacityPolicy policy() {
        return CapacityPolicy.builder().defaultStay(Duration.ofHours(4)).build();
    }

    static Verifier verifier() {
        return Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build());
    }

    /** Bytes on disk per row of the visit log and of the stays, indexes included, after the replay. */
    private static void rowSizes(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE lawang_visit");
            s.execute("VACUUM ANALYZE lawang_stay");
            for (String table : List.of("lawang_visit", "lawang_stay")) {
                try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "'),"
                        + " pg_relation_size('" + table + "'), (SELECT count(*) FROM " + table + "),"
                        + " (SELECT avg(pg_column_size(t.*)) FROM " + table + " t)")) {
                    rs.next();
                    long rows = Math.max(1, rs.getLong(3));
                    // pg_column_size of a whole row counts its tuple header; the heap pads it to 8 bytes and adds a
                    // 4-byte line pointer.
                    double tuple = Math.ceil(rs.getDouble(4) / 8) * 8 + 4;
                    System.out.printf(Locale.ROOT, "%s: %,d rows; %.0f bytes per row in the heap (row %.0f);"
                            + " on disk %.0f bytes per row with indexes, %.0f in the table alone (churn included)%n",
                            table, rs.getLong(3), tuple, rs.getDouble(4), rs.getLong(1) / (double) rows,
                            rs.getLong(2) / (double) rows);
                }
            }
        }
    }

    /**
     * Thirty days of 20,000 closed visits each, written in bulk, with {@code JdbcVisitLog.purgeBefore} of a 14-day
     * retention and a plain {@code VACUUM} (what autovacuum does) after each day: the table's size from day 14 on.
     */
    private static void purgeKeepsTheTableSteady(DataSource pool) throws SQLException {
        JdbcVisitLog log = JdbcVisitLog.of(pool);
        Instant day0 = Instant.parse("2021-09-01T00:00:00Z");
        int perDay = 20_000;
        StringBuilder sizes = new StringBuilder();
        for (int day = 0; day < 30; day++) {
            Instant start = day0.plus(Duration.ofDays(day));
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in,"
                            + " checked_in_nanos, checked_out, checked_out_nanos) SELECT gen_random_uuid(),"
                            + " lpad(to_hex(g), 32, '0'), 'site-' || (g % 30000), 'front-desk', 'GUEST',"
                            + " ? + g * interval '4 seconds', 0, ? + g * interval '4 seconds' + interval '30 minutes',"
                            + " 0 FROM generate_series(1, ?) g")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
                ps.setObject(2, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
                ps.setInt(3, perDay);
                ps.executeUpdate();
            }
            log.purgeBefore(start.plus(Duration.ofDays(1)).minus(Duration.ofDays(14)));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM lawang_visit");
                try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('lawang_visit'),"
                        + " (SELECT count(*) FROM lawang_visit)")) {
                    rs.next();
                    if (day >= 13) {
                        sizes.append(String.format(Locale.ROOT, "day %d: %,d rows, %.1f MB%n", day + 1, rs.getLong(2),
                                rs.getLong(1) / 1e6));
                    }
                }
            }
        }
        System.out.print("The visit table under a 14-day purge (20,000 visits a day):\n" + sizes);
    }
}
