package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory per open visit in {@link InMemoryLedger}: the heap in use after a full collection, before and after opening
 * 1,000,000 visits, divided by the number of visits. Everything the ledger keeps is counted, the visitors'
 * pseudonyms included ({@code VisitorRef}s, as a gate passes them); the program keeps nothing of its own. The result is the secondary metric {@code bytesPerOpenVisit}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class LedgerMemory {
    /** Created by JMH. */
    public LedgerMemory() {
    }

    static final int VISITS = 1_000_000;
    static final int SITES = 1_000;
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** The figure, reported by JMH next to the time taken to open the visits. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Bytes {
        /** Created by JMH. */
        public Bytes() {
        }

        /** Heap bytes per open visit. */
        public long bytesPerOpenVisit;
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime runtime = Runtime.getRuntime();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    @Benchmark
    public int openMillionVisits(Bytes bytes) throws InterruptedException {
        SiteId[] sites = new SiteId[SITES];
        CapacityPolicy.Builder policy = CapacityPolicy.builder();
        AgencyId agency = AgencyId.of("dispendukcapil");
        for (int i = 0; i < SITES; i++) {
            sites[i] = SiteId.of("site-" + i);
            policy.maxPresent(sites[i], 10_000).dailyQuota(sites[i], agency, 10_000);
        }
        CapacityPolicy rules = policy.build();
        long before = usedAfterGc();
        InMemoryLedger ledger = InMemoryLedger.of(rules, Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(1);
        byte[] hash = new byte[32];
        for (int i = 0; i < VISITS; i++) {
            for (int b = 0; b < hash.length; b += 8) {
                long r = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    hash[b + k] = (byte) (r >>> (8 * k));
                }
            }
            AdmitRequest request = new AdmitRequest(TicketId.of(random.nextLong(), random.nextLong()),
                    VisitorRef.parse(HexFormat.of().formatHex(hash, 0, 16)), sites[i % SITES], WIB, agency,
                    Role.GUEST);
            if (!ledger.admit(request).isAdmitted()) {
                throw new IllegalStateException("refused: " + request);
            }
        }
        long after = usedAfterGc();
        int open = ledger.openVisits();
        Reference.reachabilityFence(ledger);
        bytes.bytesPerOpenVisit = (after - before) / open;
        System.out.printf("%n%d open visits, %d bytes of heap, %d bytes per open visit%n", open, after - before,
                bytes.bytesPerOpenVisit);
        return open;
    }
}
