package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Limit;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Check-ins through {@link JdbcLedger} on an embedded PostgreSQL 17 server with synchronous commit, 8 client threads
 * on a pool of 8 connections, next to two baselines in the same run: {@link NaiveLedger} (read the counts, then
 * write) and a bare one-row update per check-in (the floor set by the commit and the row lock).
 *
 * <ul>
 *   <li>{@code checkIn}: one admission of a new guest (site limit, agency limit and daily quota all checked, none
 *       reached), on one hot site or spread over 1,000 sites. Throughput and latency percentiles.</li>
 *   <li>{@code checkInAndOut}: admission and release on one hot site whose limit (4) is always contended; the naive
 *       ledger's over-admissions (a commit that leaves more than 4 present) are counted and printed at the end.</li>
 * </ul>
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx1g"})
@Threads(8)
public class JdbcLedgerBenchmark {
    static final int CLIENTS = 8;
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final int SPREAD = 1_000;
    static final int HOT_LIMIT = 4;
    static final AgencyId[] AGENCIES = {AgencyId.of("dispendukcapil"), AgencyId.of("bappeda"),
        AgencyId.of("diskominfo")};

    /** Created by JMH. */
    public JdbcLedgerBenchmark() {
    }

    /** The database and the ledger under test, fresh for each benchmark. */
    @State(Scope.Benchmark)
    public static class Shared {
        /**
         * Which ledger: Lawang's, which records each visit with its stay ({@code JdbcLedger.of}); Lawang's keeping
         * counts only ({@code JdbcLedger.countsOnly}, the work 0.1's {@code JdbcLedger.of} did); the naive baseline;
         * or the floor: one bare {@code UPDATE counter SET n = n + 1} per check-in in auto-commit, which no correct
         * ledger can beat (no stay recorded, no limit checked).
         */
        @Param({"lawang", "counts-only", "naive", "bare-update"})
        public String ledger;

        /** Where the check-ins go: one hot site, or spread over 1,000 sites. */
        @Param({"hot", "spread"})
        public String sites;

        final SiteId[] siteIds = new SiteId[SPREAD];
        HikariDataSource pool;
        JdbcLedger lawang;
        JdbcLedger countsOnly;
        NaiveLedger naive;
        final AtomicInteger threads = new AtomicInteger();

        /** Created by JMH. */
        public Shared() {
        }

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            String database = TestDatabase.createDatabase(TestDatabase.server());
            pool = TestDatabase.pool(database, CLIENTS);
            CapacityPolicy.Builder policy = CapacityPolicy.builder();
            for (int i = 0; i < SPREAD; i++) {
                siteIds[i] = SiteId.of("site-" + i);
                policy.maxPresent(siteIds[i], Limit.MAX).dailyQuota(siteIds[i], Limit.MAX);
                for (AgencyId agency : AGENCIES) {
                    policy.maxPresent(siteIds[i], agency, Limit.MAX);
                }
            }
            policy.maxPresent(siteIds[0], HOT_LIMIT);
            CapacityPolicy rules = policy.build();
            lawang = JdbcLedger.of(pool, rules);
            countsOnly = JdbcLedger.countsOnly(pool, rules);
            naive = NaiveLedger.create(pool, rules);
            try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bare_counter (site_id varchar(64) PRIMARY KEY, n bigint NOT NULL);"
                        + " INSERT INTO bare_counter SELECT 'site-' || i, 0 FROM generate_series(0, " + (SPREAD - 1)
                        + ") i");
            }
            if (ledger.equals("naive")) {
                naive.prepare(java.util.Arrays.asList(siteIds), java.util.Arrays.asList(AGENCIES));
            } else if (ledger.equals("lawang") || ledger.equals("counts-only")) {
                prepareLawang();
            }
        }

        /** The counter rows a ledger that has run for a while has: sites, agencies, and the days around today. */
        private void prepareLawang() throws SQLException {
            StringBuilder agencies = new StringBuilder("''");
            for (AgencyId agency : AGENCIES) {
                agencies.append(", '").append(agency.value()).append('\'');
            }
            try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("INSERT INTO lawang_site (site_id) SELECT 'site-' || i FROM generate_series(0, "
                        + (SPREAD - 1) + ") i;"
                        + " INSERT INTO lawang_agency (site_id, agency_id) SELECT s.site_id, a FROM lawang_site s,"
                        + " unnest(ARRAY[" + agencies + "]) a WHERE a <> '';"
                        + " INSERT INTO lawang_admitted (site_id, day, agency_id) SELECT s.site_id,"
                        + " current_date + d, a FROM lawang_site s, generate_series(-1, 1) d,"
                        + " unnest(ARRAY[" + agencies + "]) a");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (naive.checked.get() > 0) {
                System.out.printf("%n[naive] over-admissions: %d of %d admissions at the hot site's limit of %d"
                        + " (%.2f %%)%n", naive.overAdmitted.get(), naive.checked.get(), HOT_LIMIT,
                        100.0 * naive.overAdmitted.get() / naive.checked.get());
            }
            pool.close();
        }

        Object admit(AdmitRequest request) {
            return switch (ledger) {
                case "lawang" -> lawang.admit(request);
                case "counts-only" -> countsOnly.admit(request);
                case "naive" -> naive.admit(request);
                default -> bareUpdate(request.site());
            };
        }

        private Object bareUpdate(SiteId site) {
            try (java.sql.Connection c = pool.getConnection();
                    java.sql.PreparedStatement ps = c.prepareStatement(
                            "UPDATE bare_counter SET n = n + 1 WHERE site_id = ?")) {
                ps.setString(1, site.value());
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void release(TicketId visit) {
            if (ledger.equals("lawang")) {
                lawang.release(visit);
            } else if (ledger.equals("counts-only")) {
                countsOnly.release(visit);
            } else if (ledger.equals("naive")) {
                naive.release(visit);
            }
        }
    }

    /** One client's visitors: a new one for every check-in. */
    @State(Scope.Thread)
    public static class Client {
        long thread;
        final AtomicLong next = new AtomicLong();

        /** Created by JMH. */
        public Client() {
        }

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            thread = shared.threads.incrementAndGet();
        }

        AdmitRequest request(Shared shared, boolean hotSiteWithLimit) {
            SiteId site;
            if (hotSiteWithLimit) {
                site = shared.siteIds[0];
            } else {
                site = shared.sites.equals("hot") ? shared.siteIds[1]
                        : shared.siteIds[ThreadLocalRandom.current().nextInt(SPREAD)];
            }
            AgencyId agency = AGENCIES[ThreadLocalRandom.current().nextInt(AGENCIES.length)];
            VisitorRef visitor = VisitorRef.parse(String.format("%016x%016x", thread, next.incrementAndGet()));
            return new AdmitRequest(TicketId.random(), visitor, site, WIB, agency, Role.GUEST);
        }
    }

    /**
     * One check-in of a new guest that every limit admits.
     *
     * @param shared the ledger
     * @param client the client
     * @return the admission
     */
    @Benchmark
    public Object checkIn(Shared shared, Client client) {
        return shared.admit(client.request(shared, false));
    }

    /**
     * A check-in at the hot site with limit 4, and the check-out if admitted.
     *
     * @param shared the ledger
     * @param client the client
     * @return the admission
     */
    @Benchmark
    public Object checkInAndOut(Shared shared, Client client) {
        Object a = shared.admit(client.request(shared, true));
        if (a instanceof Admission.Admitted ok) {
            shared.release(ok.ticket().id());
        }
        return a;
    }
}
