package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
 * Rotating codes (payload version 2): a fresh code (a new step of a display whose grant is registered, so one
 * signature verification) against the baseline, the JDK's own Ed25519 verification of the same 14 signed bytes; a
 * re-scan within a step (a cache hit); and many displays rotating through a bounded cache, where every scan is a new
 * step of one of {@code displays} displays. The targets: fresh at most 1.1 times the baseline's time, re-scan
 * at least 2 M/s, and the cache's size fixed whatever the number of displays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RotatingBenchmark {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");

    /** How many displays rotate through one verifier's cache of the default size. */
    @Param({"4096"})
    public int displays;

    private Verifier verifier;
    private Verifier many;
    private String[] fresh;
    private Instant[] freshAt;
    private int next;
    private String current;
    private byte[] payload;
    private PublicKey displayKey;
    private String[] manyCodes;
    private int manyNext;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public RotatingBenchmark() {}

    @Setup
    public void setUp() {
        Issuer authority = Issuer.generate();
        KeyPair screen = Ed25519.generate();
        SharedCode scope = SharedCode.builder(SiteId.of("setda-complex")).covering(AgencyId.of("diskominfo"))
                .validFrom(FROM).validUntil(FROM.plus(Duration.ofDays(365))).build();
        DisplayGrant grant = authority.grantDisplay(screen.getPublic(), scope, DisplayGrant.MIN_STEP);
        Display display = Display.of(grant, screen.getPrivate());
        TrustList trust = TrustList.builder().trust(authority.publicKey()).grant(grant).build();
        verifier = Verifier.of(trust);
        // distinct steps, each scanned at its own time, more than the cache holds so that each is verified afresh
        fresh = new String[1 << 14];
        freshAt = new Instant[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            freshAt[i] = NOW.plusSeconds(15L * i);
            fresh[i] = display.codeAt(freshAt[i]);
        }
        current = display.codeAt(NOW);
        verifier.verify(current, NOW);
        payload = Objects.requireNonNull(Base45.decode(current, 4, new Refusal()));
        displayKey = screen.getPublic();

        TrustList.Builder b = TrustList.builder().trust(authority.publicKey());
        manyCodes = new String[displays];
        for (int d = 0; d < displays; d++) {
            KeyPair k = Ed25519.generate();
            DisplayGrant g = authority.grantDisplay(k.getPublic(), SharedCode.builder(SiteId.of("site-" + d))
                    .covering(AgencyId.of("unit")).validFrom(FROM).validUntil(FROM.plus(Duration.ofDays(365)))
                    .build(), DisplayGrant.DEFAULT_STEP);
            b.grant(g);
            manyCodes[d] = Display.of(g, k.getPrivate()).codeAt(NOW);
        }
        many = Verifier.of(b.build());
    }

    /** A new step of a display whose grant is registered: one Ed25519 verification plus the checks. */
    @Benchmark
    public Verification freshStep() {
        Verification out = verifier.check(fresh[next], freshAt[next]);
        next = (next + 1) & (fresh.length - 1);
        return out;
    }

    /** The baseline: the JDK verifying the code's signature over its 14 bytes. */
    @Benchmark
    public boolean rawJdkVerify() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(displayKey);
        s.update(payload, 0, PayloadV2.CODE_SIGNED_LENGTH);
        return s.verify(payload, PayloadV2.CODE_SIGNED_LENGTH, 64);
    }

    /** Another visitor scanning the same screen within the step: a cache hit and the live checks. */
    @Benchmark
    public Verification rescanWithinStep() {
        return verifier.check(current, NOW);
    }

    /** Scans at {@code displays} displays in turn through a cache of the default size: bounded, mostly misses. */
    @Benchmark
    public Verification manyDisplays() {
        Verification out = many.check(manyCodes[manyNext], NOW);
        manyNext = manyNext + 1 == manyCodes.length ? 0 : manyNext + 1;
        return out;
    }
}
