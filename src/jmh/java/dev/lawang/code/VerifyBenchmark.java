package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a 14-agency Setda code: a re-scan served by the cache, a cold verification (cache off), and the baseline,
 * the JDK's own Ed25519 verification of the same payload bytes, all in one run. The cold path does what the baseline
 * does plus Base45, the prefix, the key lookup and the field parsing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {
    private Verifier cached;
    private Verifier cold;
    private String text;
    private char[] chars;
    private byte[] payload;
    private PublicKey key;
    private Instant now;
    private TrustList trust;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public VerifyBenchmark() {}

    @Setup
    public void setUp() {
        Issuer issuer = Issuer.generate();
        List<AgencyId> units = new ArrayList<>();
        for (String s : List.of("dpmptsp", "bpkpd", "bappeda-litbang", "diskominfo", "bagian-umum", "bagian-hukum",
                "bagian-organisasi", "bagian-perekonomian", "bagian-pemerintahan", "bagian-kesejahteraan-rakyat",
                "bagian-pengadaan-barang-dan-jasa", "bagian-protokol-dan-komunikasi-pimpinan",
                "bagian-administrasi-pembangunan", "bagian-perencanaan-dan-keuangan")) {
            units.add(AgencyId.of(s));
        }
        SharedCode code = SharedCode.builder(SiteId.of("setda-complex")).covering(units)
                .validFrom(Instant.parse("2026-12-01T00:00:00Z")).validUntil(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
        text = issuer.sign(code);
        chars = text.toCharArray();
        key = issuer.publicKey();
        payload = Base45.decode(text, 4);
        now = Instant.parse("2026-12-15T09:30:00Z");
        trust = TrustList.builder().trust(key).revoke(CodeId.random()).build();
        cached = Verifier.of(trust);
        cold = Verifier.builder(trust).cacheSize(0).build();
        cached.verify(text, now);
    }

    /** A re-scan of the same poster: the text was seen before. */
    @Benchmark
    public SharedCode cachedVerify() {
        return cached.verify(text, now);
    }

    /** A re-scan that arrives as a new String, as it does from a camera: includes copying and hashing the text. */
    @Benchmark
    public SharedCode cachedVerifyFreshString() {
        return cached.verify(new String(chars), now);
    }

    /** A first scan: the full strict parse and the signature check. */
    @Benchmark
    public SharedCode coldVerify() {
        return cold.verify(text, now);
    }

    /**
     * Everything a cold verification does besides the signature check: bound, prefix, Base45, key lookup, field
     * parsing with the canonical re-encoding of the ids, and the live checks. Its cost over {@link #rawJdkEd25519Verify}
     * is the overhead of a cold verification, measured without the noise of the signature itself.
     */
    @Benchmark
    public SharedCode coldPathWithoutSignature() {
        byte[] bytes = PayloadV1.decode(text);
        if (trust.key(PayloadV1.keyId(bytes)) == null) {
            throw new IllegalStateException("key not found");
        }
        SharedCode code = PayloadV1.fields(bytes);
        if (!code.isValidAt(now) || trust.isRevoked(code)) {
            throw new IllegalStateException("code not live");
        }
        return code;
    }

    /** Baseline: the JDK's Ed25519 verification of the same bytes, nothing else. */
    @Benchmark
    public boolean rawJdkEd25519Verify() throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(payload, 0, payload.length - 64);
        return signature.verify(payload, payload.length - 64, 64);
    }
}
