package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.code.CodeException.Reason;
import dev.lawang.testing.Sragen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Verifier#check} refuses every kind of bad text without constructing a single exception, in this library or
 * in the JDK below it. JFR's {@code jdk.JavaExceptionThrow} event fires in the constructor of every
 * {@link Throwable}, so a recording around the checks sees any exception, caught or not.
 */
class CheckWithoutExceptionsTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");
    private static final KeyPair PAIR = Ed25519.pairFromSeed(HexFormat.of().parseHex(
            "a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0"));
    private static final Issuer ISSUER = Issuer.of(PAIR);
    private static final String URL = "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/";
    private static final KeyPair SCREEN = Ed25519.pairFromSeed(HexFormat.of().parseHex(
            "0101010101010101010101010101010101010101010101010101010101010101"));
    private static final Issuer SHORT_LIVED = Issuer.generate();

    @Test
    void check_constructsNoThrowableOnAnyRefusalPath(@TempDir Path dir) throws IOException {
        SharedCode code = SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS)
                .issuedAt(FROM.minus(Duration.ofDays(3))).validFrom(FROM).validUntil(UNTIL).build();
        SharedCode late = SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS.get(0))
                .issuedAt(FROM.plusSeconds(99)).validFrom(FROM).validUntil(UNTIL).build();
        String text = ISSUER.sign(code);
        DisplayGrant grant = ISSUER.grantDisplay(SCREEN.getPublic(), code, DisplayGrant.DEFAULT_STEP);
        KeyPair otherScreen = Ed25519.generate();
        DisplayGrant outliving = SHORT_LIVED.grantDisplay(otherScreen.getPublic(), SharedCode.builder(Sragen.SETDA)
                .covering(Sragen.SETDA_UNITS).validFrom(FROM).validUntil(UNTIL).build(), DisplayGrant.DEFAULT_STEP);
        TrustList trust = TrustList.builder().trust(ISSUER.publicKey()).revoke(late.id()).grant(grant)
                .trust(SHORT_LIVED.publicKey(), FROM, UNTIL.minusSeconds(1)).grant(outliving).build();
        Map<String, Reason> cases = cases(text, late, trust);
        Display display = Display.of(grant, SCREEN.getPrivate());
        cases.put(display.codeAt(NOW.minus(Duration.ofMinutes(10))), Reason.STALE);
        cases.put(display.codeAt(NOW.plus(Duration.ofMinutes(10))), Reason.FROM_THE_FUTURE);
        cases.put(Issuer.of(SCREEN).sign(code), Reason.KEY_MISUSED);
        cases.put(Display.of(outliving, otherScreen.getPrivate()).codeAt(NOW), Reason.GRANT_OUTLIVES_KEY);
        byte[] rotating = Base45.decode(display.codeAt(NOW), 4, new Refusal());
        rotating[rotating.length - 1] ^= 1;
        cases.put("LW2:" + Base45.encode(rotating), Reason.BAD_SIGNATURE);
        Verifier cold = Verifier.builder(trust).urlPrefix(URL).cacheSize(0).build();
        Verifier cached = Verifier.builder(trust).urlPrefix(URL).build();
        Verifier windowed = Verifier.builder(TrustList.builder().trust(ISSUER.publicKey(), FROM, NOW).build())
                .cacheSize(0).build();
        String lateText = ISSUER.sign(late);
        cached.check(text, NOW);
        cached.check(lateText, NOW);
        Instant[] times = {NOW, FROM.minusSeconds(1), UNTIL, FROM.plusSeconds(1)};

        for (int pass = 0; pass < 2; pass++) {
            // the first pass loads and links every class involved, which may throw inside the class loaders
            Recording recording = pass == 1 ? new Recording() : null;
            if (recording != null) {
                recording.enable("jdk.JavaExceptionThrow").withStackTrace();
                recording.start();
            }
            Set<Reason> seen = EnumSet.noneOf(Reason.class);
            for (Map.Entry<String, Reason> c : cases.entrySet()) {
                Verification.Rejected rejected = (Verification.Rejected) cold.check(c.getKey(), NOW);
                assertThat(rejected.reason()).as(c.getKey() + " " + rejected.detail()).isEqualTo(c.getValue());
                seen.add(rejected.reason());
            }
            for (Instant t : times) {
                for (String cachedText : List.of(text, lateText)) {
                    if (cached.check(cachedText, t) instanceof Verification.Rejected r) {
                        seen.add(r.reason());
                    }
                }
            }
            assertThat(windowed.check(text, NOW)).isInstanceOf(Verification.Rejected.class);
            assertThat(seen).isEqualTo(EnumSet.allOf(Reason.class));
            if (recording != null) {
                recording.stop();
                Path file = dir.resolve("check.jfr");
                recording.dump(file);
                recording.close();
                assertThat(throwablesOfThisThread(file)).isEmpty();
            }
        }
    }

    private static Map<String, Reason> cases(String text, SharedCode late, TrustList trust) {
        Map<String, Reason> out = new LinkedHashMap<>();
        byte[] payload = Payloads.of(text);
        out.put("", Reason.MALFORMED);
        out.put("x".repeat(20_000), Reason.MALFORMED);
        out.put("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO", Reason.FOREIGN_CODE);
        out.put("LW01:ABC", Reason.MALFORMED);
        out.put("LW3:ABC", Reason.UNSUPPORTED_VERSION);
        out.put("LW2:ABC", Reason.MALFORMED);
        out.put("LW1:ABCD", Reason.MALFORMED);
        out.put("LW1:abc", Reason.MALFORMED);
        out.put("LW1:::::", Reason.MALFORMED);
        out.put("LW1:ZZ", Reason.MALFORMED);
        out.put(text.substring(0, 100), Reason.MALFORMED);
        out.put(URL + "LW1:A%41B", Reason.MALFORMED);
        out.put(URL + "LW1:A B", Reason.MALFORMED);
        out.put(Payloads.text(change(payload, b -> b[0] = 2)), Reason.MALFORMED);
        out.put(Payloads.text(change(payload, b -> b[3] ^= 1)), Reason.UNKNOWN_KEY);
        out.put(Payloads.text(change(payload, b -> b[b.length - 1] ^= 1)), Reason.BAD_SIGNATURE);
        out.put(Payloads.text(change(payload, b -> b[b.length - 1] = (byte) 0xFF)), Reason.BAD_SIGNATURE);
        for (String r : List.of(Ed25519Vectors.SMALL_ORDER.get(6), Ed25519Vectors.NON_CANONICAL_SMALL_ORDER.get(0),
                "02" + "00".repeat(31), "ff".repeat(32))) {
            out.put(Payloads.text(change(payload, b -> System.arraycopy(HexFormat.of().parseHex(r), 0, b,
                    b.length - 64, 32))), Reason.BAD_SIGNATURE);
        }
        out.put(resigned(payload, b -> b[37] = 0), Reason.MALFORMED);
        out.put(resigned(payload, b -> System.arraycopy(b, 33, b, 25, 4)), Reason.MALFORMED);
        out.put(resigned(payload, b -> System.arraycopy(b, 29, b, 33, 4)), Reason.MALFORMED);
        out.put(resigned(payload, b -> b[b.length - 1] |= 1), Reason.MALFORMED);
        out.put(resigned(payload, b -> b[38] = 0), Reason.MALFORMED);
        out.put(ISSUER.sign(SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).validFrom(UNTIL)
                .validUntil(UNTIL.plusSeconds(60)).build()), Reason.NOT_YET_VALID);
        out.put(ISSUER.sign(SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS)
                .validFrom(FROM.minusSeconds(60)).validUntil(FROM).build()), Reason.EXPIRED);
        out.put(ISSUER.sign(SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).issuedAt(NOW.plusSeconds(1))
                .validFrom(FROM).validUntil(UNTIL).build()), Reason.NOT_YET_VALID);
        out.put(ISSUER.sign(late), Reason.REVOKED);
        out.put(Issuer.generate().sign(late), Reason.UNKNOWN_KEY);
        assertThat(trust.keys()).hasSize(2);
        return out;
    }

    private static byte[] change(byte[] payload, Consumer<byte[]> change) {
        byte[] out = payload.clone();
        change.accept(out);
        return out;
    }

    private static String resigned(byte[] payload, Consumer<byte[]> change) {
        byte[] signed = java.util.Arrays.copyOf(payload, payload.length - 64);
        change.accept(signed);
        return PayloadV1.text(signed, Ed25519.sign(PAIR.getPrivate(), signed));
    }

    private static List<String> throwablesOfThisThread(Path file) throws IOException {
        String thread = Thread.currentThread().getName();
        List<String> out = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getThread() != null && thread.equals(e.getThread().getJavaName())) {
                StringBuilder where = new StringBuilder(e.getClass("thrownClass").getName());
                if (e.getStackTrace() != null) {
                    for (RecordedFrame f : e.getStackTrace().getFrames()) {
                        where.append("\n  at ").append(f.getMethod().getType().getName()).append('.')
                                .append(f.getMethod().getName());
                    }
                }
                out.add(where.toString());
            }
        }
        Files.deleteIfExists(file);
        return out;
    }
}
