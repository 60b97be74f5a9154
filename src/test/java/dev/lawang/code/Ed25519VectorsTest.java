package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Ed25519 rules of docs/payload-format.md, section 4, against published edge-case vectors: the Wycheproof set
 * and the vectors of "Taming the many EdDSAs" (both written down as data under
 * {@code src/test/resources/dev/lawang/code/ed25519}, with their sources), and the small-order points.
 *
 * <p>A signature is accepted when the key passes the trust-time check ({@link Edwards25519#publicKeyProblem}), the
 * signature passes the shape check ({@link Edwards25519#signatureProblem}) and the JDK's equation holds
 * ({@link Ed25519#verify}): the three steps the trust list and the verifier run.
 */
class Ed25519VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wycheproof_everyVectorGetsTheExpectedResult() throws IOException {
        String pk = null;
        int valid = 0;
        int invalid = 0;
        for (String line : lines("wycheproof-ed25519.txt")) {
            String[] f = line.split(" ");
            if (f[0].equals("pk")) {
                pk = f[1];
                assertThat(Edwards25519.publicKeyProblem(HEX.parseHex(pk))).as("key %s", pk).isNull();
                continue;
            }
            boolean expected = f[1].equals("valid");
            assertThat(accepts(Objects.requireNonNull(pk), bytes(f[2]), bytes(f[3])))
                    .as("Wycheproof tcId %s (%s)", f[0], f[4]).isEqualTo(expected);
            if (expected) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid + invalid).isEqualTo(151);
        assertThat(invalid).isEqualTo(63);
    }

    @Test
    void wycheproof_invalidVectorsAreRefusedBeforeTheJdkWhereTheJdkWouldThrow() throws IOException {
        String pk = null;
        for (String line : lines("wycheproof-ed25519.txt")) {
            String[] f = line.split(" ");
            if (f[0].equals("pk")) {
                pk = f[1];
                continue;
            }
            byte[] sig = bytes(f[3]);
            if (sig.length != 64 || f[1].equals("valid")) {
                continue;
            }
            byte[] all = concat(bytes(f[2]), sig);
            if (Edwards25519.signatureProblem(all, all.length - 64) == null) {
                assertThat(jdkVerifies(Objects.requireNonNull(pk), bytes(f[2]), sig)).as("tcId %s", f[0])
                        .isEqualTo("invalid");
            }
        }
    }

    /**
     * Vectors 0 to 8 tell cofactored from cofactorless verification: the JDK, on JDK 17 and 25, accepts exactly those
     * that pass {@code [S]B = R + [k]A}, small-order keys included, and refuses S above L and non-canonical R or A by
     * throwing. Every one of them is refused here, most because of the key.
     */
    @Test
    void speccheck_jdkIsCofactorlessAndAcceptsSmallOrderPointsThatThisLibraryRefuses() throws IOException {
        List<String[]> vectors = new ArrayList<>();
        for (String line : lines("speccheck-ed25519.txt")) {
            vectors.add(line.split(" "));
        }
        assertThat(vectors).hasSize(15);
        List<String> jdk = new ArrayList<>();
        for (String[] v : vectors) {
            jdk.add(jdkVerifies(v[1], bytes(v[2]), bytes(v[3])));
            assertThat(accepts(v[1], bytes(v[2]), bytes(v[3]))).as("vector %s", v[0]).isFalse();
        }
        assertThat(jdk.subList(0, 9)).containsExactly("invalid", "valid", "invalid", "valid", "invalid", "valid",
                "valid", "invalid", "invalid");
        assertThat(jdk.subList(9, 15)).allMatch(r -> r.startsWith("threw"));
    }

    @Test
    void speccheck_keysAreRefusedForTheReasonTheirConditionStates() throws IOException {
        List<@Nullable String> problems = new ArrayList<>();
        List<@Nullable String> shapes = new ArrayList<>();
        for (String line : lines("speccheck-ed25519.txt")) {
            String[] v = line.split(" ");
            problems.add(Edwards25519.publicKeyProblem(HEX.parseHex(v[1])));
            byte[] sig = bytes(v[3]);
            shapes.add(Edwards25519.signatureProblem(sig, 0));
        }
        for (int i : new int[] {0, 1, 2, 3}) {
            assertThat(problems.get(i)).as("vector %d, A small", i).contains("small order");
        }
        for (int i : new int[] {4, 5, 6, 7, 8, 11, 12}) {
            assertThat(problems.get(i)).as("vector %d, A mixed", i).contains("not in the subgroup of prime order");
        }
        for (int i : new int[] {9, 10}) {
            assertThat(problems.get(i)).as("vector %d", i).isNull();
            assertThat(shapes.get(i)).as("vector %d, S > L", i).contains("S is not below");
        }
        for (int i : new int[] {13, 14}) {
            assertThat(problems.get(i)).as("vector %d, A non-canonical", i).contains("not the canonical encoding");
        }
        for (int i : new int[] {0, 1, 4, 5}) {
            assertThat(shapes.get(i)).as("vector %d, R small", i).contains("R is a point of small order");
        }
        for (int i : new int[] {2, 3, 6, 7}) {
            assertThat(shapes.get(i)).as("vector %d, R mixed", i).isNull();
        }
        for (int i : new int[] {11, 12}) {
            assertThat(shapes.get(i)).as("vector %d, R non-canonical", i).contains("R is not the canonical encoding");
        }
    }

    /**
     * The torsion subgroup has 8 points, since the curve's group is the product of it and the subgroup of prime
     * order; 8 distinct encodings of points whose order divides 8 are therefore all of them.
     */
    @Test
    void smallOrderPoints_areEightAndTheirOtherEncodingsAreNotCanonical() {
        Set<String> distinct = new HashSet<>();
        for (String hex : Ed25519Vectors.SMALL_ORDER) {
            Edwards25519.Point p = Edwards25519.decode(HEX.parseHex(hex), 0);
            assertThat(p).as(hex).isNotNull();
            assertThat(p.hasSmallOrder()).as(hex).isTrue();
            assertThat(Edwards25519.publicKeyProblem(HEX.parseHex(hex))).as(hex).contains("small order");
            distinct.add(hex);
        }
        assertThat(distinct).hasSize(8);
        for (String hex : Ed25519Vectors.NON_CANONICAL_SMALL_ORDER) {
            assertThat(Edwards25519.decode(HEX.parseHex(hex), 0)).as(hex).isNull();
        }
    }

    @Test
    void primeOrderPoints_haveNoSmallOrderAndTimesLAreTheIdentity() {
        byte[] rfcKey = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Edwards25519.Point a = Edwards25519.decode(rfcKey, 0);

        assertThat(a).isNotNull();
        assertThat(a.hasSmallOrder()).isFalse();
        assertThat(a.times(Edwards25519.L).isIdentity()).isTrue();
        assertThat(a.times(Edwards25519.L.subtract(java.math.BigInteger.ONE)).isIdentity()).isFalse();
        assertThat(a.plus(Edwards25519.Point.IDENTITY).times(java.math.BigInteger.TWO).isIdentity()).isFalse();
    }

    @Test
    void trust_refusesKeysOfSmallOrderWithATorsionComponentOrNotCanonical() throws GeneralSecurityException {
        for (String hex : List.of("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0200000000000000000000000000000000000000000000000000000000000000")) {
            PublicKey key = jdkKey(hex);
            assertThatThrownBy(() -> TrustList.builder().trust(key)).as(hex)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be trusted")
                    .hasMessageContaining(hex);
            assertThatThrownBy(() -> TrustList.builder().trust(key, java.time.Instant.EPOCH,
                    java.time.Instant.EPOCH.plusSeconds(1))).as(hex).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TrustList.publicKeyFromX509(key.getEncoded())).as(hex)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("can be trusted");
        }
    }

    // ---- the three steps, and the JDK alone ----

    private static boolean accepts(String pk, byte[] msg, byte[] sig) {
        if (Edwards25519.publicKeyProblem(HEX.parseHex(pk)) != null) {
            return false;
        }
        byte[] all = concat(msg, sig);
        // the payload format takes the last 64 bytes as the signature, whatever length a foreign one had
        if (all.length < 64) {
            return false;
        }
        int signedLength = all.length - 64;
        return Edwards25519.signatureProblem(all, signedLength) == null
                && Ed25519.verify(Ed25519.publicFromX509(HEX.parseHex("302a300506032b6570032100" + pk)), all,
                        signedLength);
    }

    private static String jdkVerifies(String pk, byte[] msg, byte[] sig) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(jdkKey(pk));
            s.update(msg);
            return s.verify(sig) ? "valid" : "invalid";
        } catch (GeneralSecurityException e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }

    private static PublicKey jdkKey(String hex) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(HEX.parseHex("302a300506032b6570032100" + hex)));
    }

    private static byte[] bytes(String hexOrDash) {
        return hexOrDash.equals("-") ? new byte[0] : HEX.parseHex(hexOrDash);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = Ed25519VectorsTest.class.getResourceAsStream("ed25519/" + name)) {
            Objects.requireNonNull(in, name);
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        }
    }
}
