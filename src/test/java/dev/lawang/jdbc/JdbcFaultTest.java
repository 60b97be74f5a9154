package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Faults while admissions and releases run: backends killed in mid-transaction, the server restarted. Operations
 * may fail with {@link DatabaseUnavailableException}; a caller then repeats them, as the documentation says. At the
 * end, and at every sample along the way, the counts equal the open visits, no limit or quota is exceeded, every
 * admission that succeeded is open or released, none is counted twice, and no check-out is lost.
 */
class JdbcFaultTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcFaultTest.class);
    static final SiteId HOT = SiteId.of("dispendukcapil-office");
    static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    static final int LIMIT = 6;
    static final int QUOTA = 150;
    static final int WORKERS = 6;
    static final int STEPS = 70;
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final byte[] SECRET = "the fault test's pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    static CapacityPolicy policy() {
        return CapacityPolicy.builder().maxPresent(HOT, LIMIT).dailyQuota(HOT, QUOTA).build();
    }

    @Test
    void backendsKilledMidTransaction_neitherOverAdmitNorLoseOrDoubleAVisit() throws Exception {
        String database = TestDatabase.createDatabase(TestDatabase.server());
        AtomicInteger killed = new AtomicInteger();
        try (HikariDataSource pool = TestDatabase.pool(database, WORKERS);
                HikariDataSource admin = TestDatabase.pool("postgres", 2)) {
            Workload workload = new Workload(pool);
            workload.run(() -> {
                Random random = new Random(7);
                // Bounded: 200 attempts, one every 10 to 40 ms, stopping after 60 kills; the workers go on meanwhile.
                for (int i = 0; i < 200 && killed.get() < 60; i++) {
                    Thread.sleep(10 + random.nextInt(30));
                    killed.addAndGet(terminateOneBackend(admin, database));
                }
            });
            LOG.info("{} backends killed", killed.get());
            assertThat(killed.get()).as("backends killed").isPositive();
            workload.settleAndCheck();
            assertThat(workload.ledger.retries()).as("attempts repeated after a lost connection").isPositive();
        }
    }

    @Test
    void serverRestartedMidRun_neitherOverAdmitsNorLosesOrDoublesAVisit() throws Exception {
        Path data = Files.createTempDirectory("lawang-restart");
        EmbeddedPostgres[] server = {start(data, 0)};
        int port = server[0].getPort();
        try (Connection c = server[0].getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE restart");
        }
        String url = server[0].getJdbcUrl("postgres", "restart");
        JdbcSchema.create(server[0].getDatabase("postgres", "restart"));
        try (HikariDataSource pool = TestDatabase.poolAt(url, WORKERS, 1_000)) {
            Workload workload = new Workload(pool);
            AtomicInteger before = new AtomicInteger();
            AtomicInteger after = new AtomicInteger();
            workload.run(() -> {
                while (workload.admitted.size() < 30) {
                    Thread.sleep(10);
                }
                before.set(workload.admitted.size());
                server[0].close();
                Thread.sleep(500);
                server[0] = start(data, port);
                // The workers go on until this returns: wait (bounded) until calls succeed on the new server.
                int mark = workload.succeeded.get();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (workload.succeeded.get() < mark + 20 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                after.set(workload.succeeded.get() - mark);
            });
            assertThat(before.get()).as("admitted before the restart").isPositive();
            assertThat(after.get()).as("calls that succeeded after the restart").isGreaterThanOrEqualTo(20);
            workload.settleAndCheck();
        } finally {
            server[0].close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = TestDatabase.builder().setDataDirectory(data).setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    static int terminateOneBackend(DataSource admin, String database) throws SQLException {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM (SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid() AND state <> 'idle'"
                        + " ORDER BY random() LIMIT 1) busy")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A fault to inject while the workers run; they go on until it returns. */
    interface Fault {
        void inject() throws Exception;
    }

    /** Workers admitting fresh guests and releasing them at one hot site, and what they learned. */
    static final class Workload {
        final HikariDataSource pool;
        final JdbcLedger ledger;
        /** Visits the workers know are open: admitted, not yet released. */
        final Set<TicketId> open = ConcurrentHashMap.newKeySet();
        /** Visits the workers know were admitted at some point. */
        final Set<TicketId> admitted = ConcurrentHashMap.newKeySet();
        /** Admissions whose outcome is unknown: the call failed. */
        final Set<AdmitRequest> unknownAdmissions = ConcurrentHashMap.newKeySet();
        /** Releases whose outcome is unknown. */
        final Set<TicketId> unknownReleases = ConcurrentHashMap.newKeySet();
        final AtomicInteger failures = new AtomicInteger();
        /** Calls (admissions, refusals included, and releases) that returned without an exception. */
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger samples = new AtomicInteger();
        final AtomicBoolean faultDone = new AtomicBoolean();

        Workload(HikariDataSource pool) {
            this.pool = pool;
            this.ledger = JdbcLedger.of(pool, policy());
        }

        void run(Fault fault) throws Exception {
            ExecutorService executor = Executors.newFixedThreadPool(WORKERS + 2);
            AtomicBoolean stop = new AtomicBoolean();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    workers.add(executor.submit(() -> {
                        work(worker);
                        return null;
                    }));
                }
                Future<?> faults = executor.submit(() -> {
                    try {
                        fault.inject();
                    } finally {
                        faultDone.set(true);
                    }
                    return null;
                });
                Future<?> monitor = executor.submit(() -> {
                    while (!stop.get()) {
                        sample();
                        Thread.sleep(20);
                    }
                    return null;
                });
                for (Future<?> f : workers) {
                    f.get(180, TimeUnit.SECONDS);
                }
                stop.set(true);
                faults.get(60, TimeUnit.SECONDS);
                monitor.get(60, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
        }

        private void work(int worker) {
            Random random = new Random(worker);
            List<TicketId> mine = new ArrayList<>();
            // At least STEPS operations, and on until the fault is over; at most 50 times as many.
            for (int step = 0; (step < STEPS || !faultDone.get()) && step < 50 * STEPS; step++) {
                if (!mine.isEmpty() && random.nextInt(2) == 0) {
                    TicketId id = mine.remove(random.nextInt(mine.size()));
                    try {
                        ledger.release(id);
                        open.remove(id);
                        succeeded.incrementAndGet();
                    } catch (DatabaseUnavailableException e) {
                        failures.incrementAndGet();
                        unknownReleases.add(id);
                    }
                    continue;
                }
                AdmitRequest request = new AdmitRequest(TicketId.random(),
                        VisitorRef.pseudonymise("w" + worker + "x" + step, SECRET), HOT, WIB, DUKCAPIL, Role.GUEST);
                try {
                    Admission a = ledger.admit(request);
                    succeeded.incrementAndGet();
                    if (a instanceof Admission.Admitted ok) {
                        assertThat(ok.repeat()).isFalse();
                        record(request.ticket());
                        mine.add(request.ticket());
                    }
                } catch (DatabaseUnavailableException e) {
                    failures.incrementAndGet();
                    unknownAdmissions.add(request);
                }
            }
        }

        private void record(TicketId id) {
            assertThat(admitted.add(id)).as("admitted once").isTrue();
            open.add(id);
        }

        /** One snapshot: the counters match the open visits and stay within the limit. */
        private void sample() {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT (SELECT present_staff + present_guest FROM lawang_site"
                            + " WHERE site_id = '" + HOT + "'), (SELECT count(*) FROM lawang_stay),"
                            + " (SELECT max(admitted_guest) FROM lawang_admitted WHERE agency_id = '')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("present counter").isEqualTo(rs.getLong(2))
                        .isLessThanOrEqualTo(LIMIT);
                assertThat(rs.getLong(3)).as("admitted today").isLessThanOrEqualTo(QUOTA);
                samples.incrementAndGet();
            } catch (SQLException e) {
                // The fault may take the connection or the server away; the next sample tries again.
            }
        }

        /** Repeats every call whose outcome was unknown, as a caller would, then checks the database. */
        void settleAndCheck() throws SQLException {
            LOG.info("{} admitted, {} failed calls ({} admissions and {} releases of unknown outcome), {} samples",
                    admitted.size(), failures.get(), unknownAdmissions.size(), unknownReleases.size(), samples.get());
            for (AdmitRequest request : unknownAdmissions) {
                Admission a = ledger.admit(request);
                if (a instanceof Admission.Admitted ok) {
                    record(request.ticket());
                }
            }
            for (TicketId id : unknownReleases) {
                ledger.release(id);
                open.remove(id);
            }
            assertThat(samples.get()).as("samples taken").isPositive();
            Set<TicketId> stays = new HashSet<>();
            long guestsToday;
            long present;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT visit_id FROM lawang_stay")) {
                    while (rs.next()) {
                        stays.add(Rows.ticketId(rs, "visit_id"));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT (SELECT present_staff + present_guest FROM lawang_site),"
                        + " (SELECT sum(admitted_guest) FROM lawang_admitted WHERE agency_id = '')")) {
                    rs.next();
                    present = rs.getLong(1);
                    guestsToday = rs.getLong(2);
                }
            }
            assertThat(stays).as("open visits: none lost, none left over").isEqualTo(open);
            assertThat(present).isEqualTo(stays.size()).isLessThanOrEqualTo(LIMIT);
            assertThat(guestsToday).as("each admission counted once").isEqualTo(admitted.size());
            assertThat(ledger.read(HOT, WIB).present()).isEqualTo(open.size());
        }
    }
}
