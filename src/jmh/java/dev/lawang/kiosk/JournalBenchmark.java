package dev.lawang.kiosk;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * An offline decision with its journal write, which returns only once the record is on disk: its latency at one
 * desk (sample mode, for p50 and p99), and decisions per second with four desks at one kiosk, where group commit
 * shares the disk's flushes; both for the journal's append alone and for a whole {@link Kiosk#walkIn} (the gate's
 * checks, the lease, the append). Each is measured next to a baseline in the same run: the same bytes written and forced
 * by a bare {@link FileChannel} (the least a durable write costs on this disk), and for four desks that bare write
 * behind one lock, one flush per decision (what group commit saves). The journal lives in the working directory's
 * {@code target/}, on the disk a kiosk would use, not in a RAM-backed temporary directory.
 *
 * <p>The disk's own cache decides most of these figures: docs/performance.md states the machine and file system.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class JournalBenchmark {
    /** Created by JMH. */
    public JournalBenchmark() {
    }

    static final SiteId SITE = SiteId.of("puskesmas-sragen");
    static final AgencyId AGENCY = AgencyId.of("dinkes");
    static final VisitorRef VISITOR = VisitorRef.pseudonymise("benchmark1",
            "the benchmark's pseudonym secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII));

    static OfflineDecision decision(long n) {
        return OfflineDecision.of(OfflineDecision.Kind.WALK_IN, Instant.ofEpochSecond(1_764_640_800L, n), SITE,
                AGENCY, VISITOR, Role.GUEST, TicketId.of(n, n), false);
    }

    static Path fresh(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "jmh-journal"));
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        return file;
    }

    /** A fresh journal, and a bare file for the baselines, per trial. */
    @State(Scope.Benchmark)
    public static class Disk {
        /** Created by JMH. */
        public Disk() {
        }

        Journal journal;
        Kiosk kiosk;
        FileChannel bare;
        final AtomicLong bareEnd = new AtomicLong();
        final AtomicLong next = new AtomicLong();
        final Object bareLock = new Object();
        final byte[] frame = JournalFormat.frame(1, decision(1));

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            journal = Journal.open(fresh("decisions.journal"));
            Instant now = Instant.now();
            dev.lawang.capacity.CapacityPolicy policy = dev.lawang.capacity.CapacityPolicy.unlimited();
            dev.lawang.capacity.OccupancyLedger central = dev.lawang.capacity.OccupancyLedger.inMemory(policy,
                    java.time.Clock.systemUTC());
            Lease lease = Lease.take(central, dev.lawang.visit.VisitLog.inMemory(),
                    new dev.lawang.capacity.AdmitRequest(TicketId.random(), VISITOR, SITE,
                            dev.lawang.directory.Site.DEFAULT_ZONE, AGENCY, Role.GUEST),
                    1, now, now.plus(java.time.Duration.ofDays(1)));
            kiosk = Kiosk.builder().directory(dev.lawang.directory.Directory.builder()
                    .agencies(dev.lawang.directory.Agency.of(AGENCY, "Dinas Kesehatan"))
                    .sites(dev.lawang.directory.Site.builder(SITE).name("Puskesmas")
                            .geofence(dev.lawang.geo.Geofence.circle(dev.lawang.geo.GeoPoint.of(-7.43, 111.02), 60))
                            .tenants(AGENCY).build())
                    .build()).policy(policy).journal(journal).leases(lease).trustedAsOf(now).build();
            bare = FileChannel.open(fresh("bare.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            journal.close();
            bare.close();
        }

        long decide() throws IOException {
            return journal.append(decision(next.incrementAndGet()));
        }

        boolean walkIn() throws IOException {
            VisitorRef visitor = VisitorRef.parse(String.format("%032x", next.incrementAndGet()));
            return kiosk.walkIn(new dev.lawang.WalkIn(SITE, AGENCY, visitor, Role.GUEST,
                    dev.lawang.Screening.of(36.5, true, true))) instanceof OfflineAnswer.Decided;
        }

        long bareWrite() throws IOException {
            ByteBuffer b = ByteBuffer.wrap(frame);
            long at = bareEnd.getAndAdd(frame.length);
            while (b.hasRemaining()) {
                at += bare.write(b, at);
            }
            bare.force(true);
            return at;
        }
    }

    /** One desk: a decision and its synced journal write. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long oneDesk_decision(Disk f) throws IOException {
        return f.decide();
    }

    /** One desk: a whole offline walk-in at a kiosk, with its synced journal write. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean oneDesk_kioskWalkIn(Disk f) throws IOException {
        return f.walkIn();
    }

    /** Four desks at one kiosk: whole offline walk-ins, sharing flushes. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public boolean fourDesks_kioskWalkIns(Disk f) throws IOException {
        return f.walkIn();
    }

    /** Baseline for one desk: the same bytes written and forced by a bare channel. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long oneDesk_bareWriteAndForce(Disk f) throws IOException {
        return f.bareWrite();
    }

    /** Four desks at one kiosk, sharing flushes. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public long fourDesks_decisions(Disk f) throws IOException {
        return f.decide();
    }

    /** Baseline for four desks: one flush per decision, one desk at a time. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public long fourDesks_flushPerDecision(Disk f) throws IOException {
        synchronized (f.bareLock) {
            return f.bareWrite();
        }
    }
}
