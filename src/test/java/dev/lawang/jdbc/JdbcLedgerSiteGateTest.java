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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One instance sends at most {@link JdbcLedger#SITE_CONCURRENCY} admissions at one site to the database at once;
 * the others wait in the JVM. Watched from the server: the sessions running {@code lawang_check_in} at any moment.
 */
class JdbcLedgerSiteGateTest {
    private static final SiteId HOT = SiteId.of("setda-complex");
    private static final AgencyId AGENCY = AgencyId.of("diskominfo");
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final byte[] SECRET = "the site gate test's secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final int THREADS = 8;
    private static final int PER_THREAD = 60;

    @Test
    void admissionsAtOneSite_reachTheDatabaseAtMostTwoAtATime() throws Exception {
        String database = TestDatabase.createQuickDatabase();
        try (HikariDataSource pool = TestDatabase.pool(database, THREADS);
                HikariDataSource watcher = TestDatabase.pool(database, 1)) {
            JdbcLedger ledger = JdbcLedger.of(pool, CapacityPolicy.builder().maxPresent(HOT, 100_000).build());
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger samples = new AtomicInteger();
            AtomicInteger admitted = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
            try {
                Future<?> watch = executor.submit(() -> {
                    try (Connection c = watcher.getConnection(); PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND state = 'active' AND query LIKE '%lawang_check_in(%' AND pid <> pg_backend_pid()")) {
                        while (!done.get()) {
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                most.accumulateAndGet(rs.getInt(1), Math::max);
                                samples.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(executor.submit(() -> {
                        for (int i = 0; i < PER_THREAD; i++) {
                            Admission a = ledger.admit(new AdmitRequest(TicketId.random(),
                                    VisitorRef.pseudonymise("v" + thread + "x" + i, SECRET), HOT, WIB, AGENCY,
                                    Role.GUEST));
                            if (a instanceof Admission.Admitted) {
                                admitted.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get(120, TimeUnit.SECONDS);
                }
                done.set(true);
                watch.get(30, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
            assertThat(admitted.get()).isEqualTo(THREADS * PER_THREAD);
            assertThat(samples.get()).as("samples taken").isPositive();
            assertThat(most.get()).as("admissions seen running at once").isBetween(1, JdbcLedger.SITE_CONCURRENCY);
            assertThat(ledger.read(HOT, WIB).present()).isEqualTo(THREADS * PER_THREAD);
        }
    }
}
