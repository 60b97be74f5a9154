package dev.lawang;

import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full check-in and check-out pair through the gate: a code already seen (the verifier's cache answers), a
 * 64-vertex polygon geofence, the in-memory ledger and visit log. Compared in the same run with the same pair
 * verifying the Ed25519 signature on every scan (cache off), and with the ledger's admit and release alone.
 *
 * <p>Visits pile up in the visit log; like a host, the benchmark calls {@link Gate#expireStays()} regularly, every
 * {@link #purgeEvery} pairs, with a retention of one millisecond, so the log holds at most that many visits. That cost
 * is included; the two values show what a larger log costs (a larger hash table, more cache misses).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GateBenchmark {
    private static final SiteId SITE = SiteId.of("setda-complex");
    private static final AgencyId AGENCY = AgencyId.of("diskominfo");
    private static final GeoPoint CENTRE = GeoPoint.of(-7.4270, 111.0190);
    private static final int VISITORS = 1024;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private Gate cached;
    private Gate verifying;
    private OccupancyLedger ledger;
    private String code;
    private Fix fix;
    private final List<VisitorRef> visitors = new ArrayList<>();
    private int next;

    /** How many pairs run between two calls of {@link Gate#expireStays()}: a power of two. */
    @Param({"4096", "65536"})
    public int purgeEvery;

    /** For JMH. */
    public GateBenchmark() {
        // State is set up in setUp().
    }

    @Setup
    public void setUp() {
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            double a = 2 * Math.PI * i / 64;
            double r = 0.0012 * (1 + 0.15 * Math.sin(5 * a));
            ring.add(GeoPoint.of(CENTRE.latitude() + r * Math.sin(a), CENTRE.longitude() + r * Math.cos(a)));
        }
        Directory directory = Directory.builder().agencies(Agency.of(AGENCY, "Diskominfo"))
                .sites(Site.builder(SITE).name("Kompleks Setda").geofence(Geofence.polygon(ring)).tenants(AGENCY)
                        .build())
                .build();
        Issuer issuer = Issuer.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        code = issuer.sign(SharedCode.builder(SITE).covering(AGENCY).validFrom(now.minus(Duration.ofDays(1)))
                .validUntil(now.plus(Duration.ofDays(30))).build());
        TrustList trust = TrustList.builder().trust(issuer.publicKey()).build();
        cached = Gate.builder().directory(directory).verifier(Verifier.of(trust)).retention(Duration.ofMillis(1))
                .build();
        verifying = Gate.builder().directory(directory).verifier(Verifier.builder(trust).cacheSize(0).build())
                .retention(Duration.ofMillis(1)).build();
        ledger = OccupancyLedger.inMemory(CapacityPolicy.unlimited(), Clock.systemUTC());
        fix = Fix.of(CENTRE, 10);
        byte[] secret = "benchmark secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < VISITORS; i++) {
            VisitorRef v = VisitorRef.pseudonymise(String.format("3314%012d", i), secret);
            visitors.add(v);
        }
    }

    private Object pair(Gate gate) {
        int i = next++;
        Decision d = gate.checkIn(new CheckIn(code, visitors.get(i & (VISITORS - 1)), AGENCY, Role.GUEST, fix,
                null));
        if (!(d instanceof Decision.Admitted admitted)) {
            throw new IllegalStateException("benchmark check-in refused: " + d);
        }
        Object out = gate.checkOut(admitted.ticket().id()).orElseThrow();
        if ((i & (purgeEvery - 1)) == 0) {
            gate.expireStays();
        }
        return out;
    }

    /**
     * Check-in and check-out with a code the verifier has seen.
     *
     * @return the closed visit
     */
    @Benchmark
    public Object checkInCheckOutCachedCode() {
        return pair(cached);
    }

    /**
     * Check-in and check-out verifying the signature on every scan.
     *
     * @return the closed visit
     */
    @Benchmark
    public Object checkInCheckOutVerifyEveryScan() {
        return pair(verifying);
    }

    /**
     * The ledger alone: admit and release, the counting part of the pair.
     *
     * @return the departure
     */
    @Benchmark
    public Object ledgerAdmitReleaseOnly() {
        int i = next++;
        TicketId id = TicketId.of(0x4c57L, i);
        ledger.admit(new AdmitRequest(id, visitors.get(i & (VISITORS - 1)), SITE, WIB, AGENCY, Role.GUEST));
        return ledger.release(id).orElseThrow();
    }
}
