package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Admit + release pairs on {@link InMemoryLedger}: one site with one thread, one hot site with two threads, and two
 * threads spread over 10,000 sites. Each is measured next to two baselines in the same run: a bare
 * {@link ConcurrentHashMap#merge} counter per site (the least any shared count costs), and the same ledger behind
 * one global lock (what the per-site locks save). One operation is one pair.
 *
 * <p>Each admission passes the site limit, the agency limit and the agency's daily guest quota, so every check runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerBenchmark {
    /** Created by JMH. */
    public LedgerBenchmark() {
    }

    static final int SITES = 10_000;
    static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final byte[] SECRET = "the benchmark's pseudonym secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII);

    /** The shared ledgers and counters, fresh for each benchmark. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** Created by JMH. */
        public Shared() {
        }

        final SiteId[] sites = new SiteId[SITES];
        InMemoryLedger ledger;
        CapacityPolicy policy;
        final Object globalLock = new Object();
        final ConcurrentHashMap<SiteId, Long> counters = new ConcurrentHashMap<>();
        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Trial)
        public void setUp() {
            CapacityPolicy.Builder policy = CapacityPolicy.builder();
            for (int i = 0; i < SITES; i++) {
                sites[i] = SiteId.of("site-" + i);
                policy.maxPresent(sites[i], 1_000).maxPresent(sites[i], DUKCAPIL, 500)
                        .dailyQuota(sites[i], DUKCAPIL, Limit.MAX);
            }
            this.policy = policy.build();
            ledger = InMemoryLedger.of(this.policy, Clock.systemUTC());
        }
    }

    /** One thread's visitors: keys cycle, so a visitor comes back only after checking out. */
    @State(Scope.Thread)
    public static class Visitors {
        /** Created by JMH. */
        public Visitors() {
        }

        final VisitorRef[] keys = new VisitorRef[1024];
        long thread;
        long next;
        int site;
        /** A ledger of this thread alone, for the baseline that shares nothing between threads. */
        InMemoryLedger own;
        final SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            thread = shared.threads.incrementAndGet();
            for (int i = 0; i < keys.length; i++) {
                keys[i] = VisitorRef.pseudonymise("visitor" + thread + "x" + i, SECRET);
            }
            site = (int) (thread * 7919 % SITES);
            own = InMemoryLedger.of(shared.policy, Clock.systemUTC());
        }

        AdmitRequest next(SiteId site) {
            long n = next++;
            TicketId ticket = TicketId.of(scramble(n * 0x9E3779B97F4A7C15L + thread), n);
            return new AdmitRequest(ticket, keys[(int) (n & (keys.length - 1))], site, WIB, DUKCAPIL, Role.GUEST);
        }

        /**
         * Murmur3's 64-bit finaliser, a bijection: visit ids look random, as a host's would, instead of two counters
         * whose hashes could fall into the same index segments at the same moments.
         */
        static long scramble(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }

        SiteId spread(Shared shared) {
            site = site + 1 == SITES ? 0 : site + 1;
            return shared.sites[site];
        }

        /** The next site of this thread's half of the sites: no site is used by both threads. */
        SiteId ownHalf(Shared shared) {
            site = site + 1 == SITES ? 0 : site + 1;
            int half = SITES / 2;
            return shared.sites[(int) ((thread - 1) & 1) * half + site % half];
        }

        /** A site drawn at random. */
        SiteId random(Shared shared) {
            return shared.sites[random.nextInt(SITES)];
        }
    }

    private static Optional<Departure> pair(OccupancyLedger ledger, AdmitRequest request) {
        Admission admission = ledger.admit(request);
        return ledger.release(((Admission.Admitted) admission).ticket().id());
    }

    private static Optional<Departure> pairUnderGlobalLock(Shared shared, AdmitRequest request) {
        synchronized (shared.globalLock) {
            return pair(shared.ledger, request);
        }
    }

    private static Long counterPair(Shared shared, SiteId site) {
        shared.counters.merge(site, 1L, Long::sum);
        return shared.counters.merge(site, -1L, Long::sum);
    }

    @Benchmark
    @Threads(1)
    public Optional<Departure> oneSite1Thread_ledger(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(shared.sites[0]));
    }

    @Benchmark
    @Threads(1)
    public Long oneSite1Thread_baselineCounter(Shared shared) {
        return counterPair(shared, shared.sites[0]);
    }

    @Benchmark
    @Threads(2)
    public Optional<Departure> oneSite2Threads_ledger(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(shared.sites[0]));
    }

    @Benchmark
    @Threads(2)
    public Long oneSite2Threads_baselineCounter(Shared shared) {
        return counterPair(shared, shared.sites[0]);
    }

    @Benchmark
    @Threads(2)
    public Optional<Departure> sites10000Threads2_ledger(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(visitors.spread(shared)));
    }

    @Benchmark
    @Threads(2)
    public Long sites10000Threads2_baselineCounter(Shared shared, Visitors visitors) {
        return counterPair(shared, visitors.spread(shared));
    }

    @Benchmark
    @Threads(1)
    public Optional<Departure> sites10000Thread1_ledger(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(visitors.spread(shared)));
    }

    /** What the benchmark itself spends per operation: the next site, a visit id and a request. */
    @Benchmark
    @Threads(2)
    public AdmitRequest sites10000Threads2_baselineRequestOnly(Shared shared, Visitors visitors) {
        return visitors.next(visitors.spread(shared));
    }

    /** Two threads on one ledger, each at sites of its own half, as when requests are routed to threads by site. */
    @Benchmark
    @Threads(2)
    public Optional<Departure> sites10000Threads2_ledgerOwnHalf(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(visitors.ownHalf(shared)));
    }

    /** Two threads on one ledger, each at sites drawn at random. */
    @Benchmark
    @Threads(2)
    public Optional<Departure> sites10000Threads2_ledgerRandomSites(Shared shared, Visitors visitors) {
        return pair(shared.ledger, visitors.next(visitors.random(shared)));
    }

    /**
     * Each thread admits into a ledger of its own: the same work, with nothing in the ledger shared between the two
     * threads. The most two threads can reach on the machine; the shared ledger is measured against it.
     */
    @Benchmark
    @Threads(2)
    public Optional<Departure> sites10000Threads2_baselineLedgerPerThread(Shared shared, Visitors visitors) {
        return pair(visitors.own, visitors.next(visitors.spread(shared)));
    }

    @Benchmark
    @Threads(2)
    public Optional<Departure> sites10000Threads2_baselineGlobalLock(Shared shared, Visitors visitors) {
        return pairUnderGlobalLock(shared, visitors.next(visitors.spread(shared)));
    }
}
