package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.TrustList;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.kiosk.Journal;
import dev.lawang.kiosk.Lease;
import dev.lawang.kiosk.OfflineDecision;
import dev.lawang.kiosk.Reconciliation;
import dev.lawang.kiosk.Sync;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sync of one kiosk's 10,000 offline decisions to {@link JdbcLedger#of} on an embedded PostgreSQL 17 server with
 * synchronous commit (issue 14's target: at most 5 s): 8,000 walk-ins admitted under a lease of 8,000 places and
 * 2,000 of them checked out, uploaded in one {@link Sync#upload}: batches of 100 decisions, each one statement
 * and one transaction.
 * Single-shot: before every iteration the database is emptied and the lease taken afresh (not measured).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class JdbcSyncBenchmark {
    static final int ADMISSIONS = 8_000;
    static final int CHECK_OUTS = 2_000;
    static final SiteId SITE = SiteId.of("puskesmas-sragen");
    static final AgencyId AGENCY = AgencyId.of("dinkes");
    private static final byte[] SECRET = "the sync benchmark's pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    /** Created by JMH. */
    public JdbcSyncBenchmark() {
    }

    /** The database, the ledger, the lease and the kiosk's decisions. */
    @State(Scope.Benchmark)
    public static class Shared {
        HikariDataSource pool;
        JdbcLedger ledger;
        Directory directory;
        Lease lease;
        List<Journal.Entry> entries;

        /** Created by JMH. */
        public Shared() {
        }

        @Setup(Level.Trial)
        public void setUp() {
            pool = TestDatabase.pool(TestDatabase.createDatabase(TestDatabase.server()), 4);
            ledger = JdbcLedger.of(pool, CapacityPolicy.builder().defaultStay(Duration.ofHours(8)).build());
            directory = Directory.builder().agencies(Agency.of(AGENCY, "Dinas Kesehatan"))
                    .sites(Site.builder(SITE).name("Puskesmas Sragen")
                            .geofence(Geofence.circle(GeoPoint.of(-7.43, 111.02), 60)).tenants(AGENCY).build())
                    .build();
        }

        @Setup(Level.Iteration)
        public void takeLease() {
            TestDatabase.clean(pool);
            Instant now = Instant.now();
            lease = Lease.take(ledger, ledger.visitLog().orElseThrow(), new AdmitRequest(TicketId.random(),
                    VisitorRef.pseudonymise("nobody", SECRET), SITE, Site.DEFAULT_ZONE, AGENCY, Role.GUEST),
                    ADMISSIONS, now, now.plus(Duration.ofHours(4)));
            if (lease.places() != ADMISSIONS) {
                throw new IllegalStateException("lease of " + lease.places() + " places");
            }
            entries = new ArrayList<>(ADMISSIONS + CHECK_OUTS);
            List<OfflineDecision> admitted = new ArrayList<>(ADMISSIONS);
            long sequence = 0;
            for (int i = 0; i < ADMISSIONS; i++) {
                OfflineDecision d = OfflineDecision.of(OfflineDecision.Kind.WALK_IN, now.plusMillis(i), SITE, AGENCY,
                        VisitorRef.pseudonymise("v" + i, SECRET), Role.GUEST, TicketId.random(), false);
                admitted.add(d);
                entries.add(new Journal.Entry(++sequence, d));
            }
            for (int i = 0; i < CHECK_OUTS; i++) {
                OfflineDecision in = admitted.get(i * (ADMISSIONS / CHECK_OUTS));
                entries.add(new Journal.Entry(++sequence, OfflineDecision.of(OfflineDecision.Kind.CHECK_OUT,
                        in.at().plusSeconds(600), SITE, AGENCY, in.visitor(), Role.GUEST, in.ticket(), false)));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    /**
     * Uploads the kiosk's 10,000 decisions.
     *
     * @param shared the database and decisions
     * @return the report
     */
    @Benchmark
    public Reconciliation sync(Shared shared) {
        Reconciliation report = Sync.of(shared.ledger, shared.ledger.visitLog().orElseThrow(), shared.directory,
                TrustList.builder().build(), Clock.systemUTC())
                .upload("kiosk-1", shared.entries, List.of(shared.lease), false);
        if (report.applied() != ADMISSIONS + CHECK_OUTS || !report.conflicts().isEmpty()) {
            throw new IllegalStateException("unexpected report: " + report.applied() + " applied, "
                    + report.conflicts().size() + " conflicts");
        }
        return report;
    }
}
