package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    private String foreign;

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
        payload = Objects.requireNonNull(Base45.decode(text, 4, new Refusal()));
        foreign = "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IUKRG*I.I5BROCWAAT4V22F/8X*G3M9JUPY0BX/KR96R/S09T./0LWTKD3"
                + "3236J3TA3M*4VV2 73-E3GG396B-43O058YIB73A*G3W19UEBY5:PI0EGSP4*2DN43U*0CEBQ/GXQFY73CIBC:G 7376BXBJBAJ UNF"
                + "MJCRN0H3PQN*E33H3OA70M3FMJIJN523.K5QZ4A+2XEN QT QTHC31M3+E32R44$28A9H0D3ZCL4JMYAZ+S-A5$XKX6T2YC 35H/IT"
                + "X8FNLQI7NQ9-CIT+4Q0IW:4ETOPZLTAG8WLJ4S:DN7AEBF5:NM2IFFBYQ97KS39XQB8F/RF8KA%43K94PEJ4BA2OK5K*9MF5C7NK";
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

    /** A re-scan through the non-throwing check, which returns the cached outcome. */
    @Benchmark
    public Verification cachedCheck() {
        return cached.check(text, now);
    }

    /** A scan of another system's code (an EU certificate), refused as a value without an exception. */
    @Benchmark
    public Verification foreignCodeCheck() {
        return cached.check(foreign, now);
    }

    /** Baseline for {@link #foreignCodeCheck()}: the same refusal through verify, which throws a CodeException. */
    @Benchmark
    public CodeException.Reason foreignCodeVerifyThrows() {
        try {
            cached.verify(foreign, now);
            throw new IllegalStateException("a foreign code verified");
        } catch (CodeException e) {
            return e.reason();
        }
    }

    /** A first scan: the full strict parse and the signature check. */
    @Benchmark
    public SharedCode coldVerify() {
        return cold.verify(text, now);
    }

    /**
     * Everything a cold verification does besides the JDK's signature equation: bound, prefix, Base45, key lookup,
     * the checks of R and S, field parsing with the canonical re-encoding of the ids, and the live checks. Its cost
     * over {@link #rawJdkEd25519Verify} is the overhead of a cold verification, measured without the noise of the
     * signature itself.
     */
    @Benchmark
    public SharedCode coldPathWithoutSignature() {
        Refusal refusal = new Refusal();
        byte[] bytes = Objects.requireNonNull(PayloadV1.decode(text, refusal));
        if (trust.keys(PayloadV1.keyId(bytes)).length == 0) {
            throw new IllegalStateException("key not found");
        }
        if (Edwards25519.signatureProblem(bytes, bytes.length - 64) != null) {
            throw new IllegalStateException("signature refused");
        }
        SharedCode code = Objects.requireNonNull(PayloadV1.fields(bytes, refusal));
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
