package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.CodeException.Reason;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.Sragen;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal says what failed and where, in words an operator can act on, and boundaries hold on both sides. */
class RefusalDetailTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");
    private static final KeyPair PAIR = Ed25519.pairFromSeed(HexFormat.of().parseHex(
            "a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0"));
    private static final Issuer ISSUER = Issuer.of(PAIR);
    private static final String URL = "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/";
    private static final Verifier VERIFIER = Verifier.builder(TrustList.builder().trust(ISSUER.publicKey()).build())
            .urlPrefix(URL).cacheSize(0).build();
    private static final byte[] BASE = PayloadV1.signedPart(SharedCode.builder(Sragen.SETDA)
            .covering(Sragen.DPMPTSP).validFrom(FROM).validUntil(UNTIL).build(),
            Ed25519.keyIdBytes(Ed25519.keyId(ISSUER.publicKey())));

    @Test
    void ids_refusalsNameWhatIsWrong() {
        assertThat(ids(1, symbols(0, 2, 0))).isEqualTo("empty identifier in the ids section");
        assertThat(ids(1, symbols(1, 0, 0))).isEqualTo("empty identifier in the ids section");
        assertThat(ids(1, symbols(1, 0, 2, 2, 2))).isEqualTo("the ids section ends inside an identifier");
        assertThat(ids(1, symbols(1, 0, 63))).isEqualTo("the ids section ends inside an identifier");
        assertThat(ids(1, java.util.Arrays.copyOf(symbols(1, 0, 2, 0), 4)))
                .isEqualTo("trailing bytes after the last identifier");
        byte[] dirty = symbols(1, 2, 0, 3, 0);
        dirty[dirty.length - 1] |= 1;
        assertThat(ids(1, dirty)).isEqualTo("padding bits after the last identifier are not zero");
        assertThat(ids(2, symbols(1, 0, 2, 0, 2, 0)))
                .isEqualTo("agency ids are not in strictly ascending order at 'b'");
        assertThat(ids(1, symbols(1, 0, 2, 37, 0))).isEqualTo("agency id 'b-' is not a valid slug");
        assertThat(ids(1, symbols(37, 0, 2, 0))).isEqualTo("site id '-' is not a valid slug");
        int[] longId = new int[2 + 66];
        longId[0] = 1;
        java.util.Arrays.fill(longId, 2, 67, 1);
        assertThat(ids(1, symbols(longId))).isEqualTo("identifier longer than 64 characters in the ids section");
        assertThat(ids(1, symbols(19, 5, 20, 4, 1, 0, 2, 0)))
                .isEqualTo("the ids section is not the canonical (greedy) encoding of its ids");
        assertThat(ids(0, symbols(1, 0, 0))).isEqualTo("agency count 0 is outside 1 to 64");
        assertThat(ids(65, symbols(1, 0, 2, 0))).isEqualTo("agency count 65 is outside 1 to 64");
    }

    @Test
    void ids_ofSixtyFourCharactersAndEveryLiteralSymbolVerify() {
        SiteId site = SiteId.of("z9" + "w".repeat(62));
        SharedCode code = SharedCode.builder(site).covering(AgencyId.of("a0-z9"), AgencyId.of("y".repeat(64)))
                .validFrom(FROM).validUntil(UNTIL).build();

        assertThat(VERIFIER.verify(ISSUER.sign(code), NOW)).isEqualTo(code);
        SharedCode sixtyFour = SharedCode.builder(Sragen.SETDA).covering(Sragen.WITH_A_REQUEST).validFrom(FROM)
                .validUntil(UNTIL).build();
        assertThat(VERIFIER.verify(ISSUER.sign(sixtyFour), NOW).agencies()).hasSize(64);
    }

    @Test
    void fields_refusalsNameTheValues() {
        byte[] reversed = BASE.clone();
        System.arraycopy(BASE, 33, reversed, 29, 4);
        System.arraycopy(BASE, 29, reversed, 33, 4);
        assertThat(detail(signed(reversed)))
                .isEqualTo("validity window [" + UNTIL + ", " + FROM + ") is empty or reversed");
    }

    @Test
    void textAndUrl_refusalsNameWhatIsWrongAndWhere() {
        assertThat(detail("")).isEqualTo("empty text");
        assertThat(detail("LW1:" + "0".repeat(3388))).isEqualTo("text of 3392 characters is longer than any code"
                + " (at most 3391)");
        assertThat(detail("LW:ABC")).isEqualTo("text does not start with LW1: but with 'LW:ABC'");
        assertThat(detail("LW2")).isEqualTo("text does not start with LW1: but with 'LW2'");
        assertThat(detail("LW12345:A")).isEqualTo("text does not start with LW1: but with 'LW12345:A'");
        assertThat(detail("LW1:\u0080BC")).isEqualTo("character U+0080 at 4 is not in the Base45 alphabet");
        assertThat(detail("LW1:BB8:::")).isEqualTo("Base45 group at character 3 has value 91124, above 65535");
        assertThat(detail("LW1:BB8")).isEqualTo("payload of 2 bytes is shorter than the shortest code (105 bytes)");
        assertThat(detail(URL + "LW1:A B")).isEqualTo("raw space at 39 in a code URL");
        assertThat(detail(URL + "LW1:A%41B")).isEqualTo("percent escape at 39 in a code URL is neither %20 nor %25");
        assertThat(detail(URL + "LW1:A%2")).isEqualTo("percent escape at 39 in a code URL is neither %20 nor %25");
        assertThat(detail(URL + "x".repeat(10_208 - URL.length())))
                .isEqualTo("text of 10208 characters is longer than any code (at most 10207)");
    }

    @Test
    void keys_refusalsNameTheKeyIdAndTheWindows() {
        String text = ISSUER.sign(SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).validFrom(FROM)
                .validUntil(UNTIL).build());
        byte[] payload = Payloads.of(text);
        payload[payload.length - 1] ^= 1;
        Verifier windowed = Verifier.of(TrustList.builder().trust(ISSUER.publicKey(), FROM, NOW).build());

        Verification.Rejected outside = (Verification.Rejected) windowed.check(Payloads.text(payload), NOW);
        assertThat(outside.reason()).as("a bad signature under a key not trusted now").isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(outside.detail()).isEqualTo("key id " + ISSUER.keyId() + " is trusted only in [" + FROM + ", "
                + NOW + "), not at " + NOW);
        assertThat(detail(Payloads.text(payload))).isEqualTo("the signature does not match the payload for key id "
                + ISSUER.keyId());
        assertThat(detail(Issuer.generate().sign(SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS)
                .validFrom(FROM).validUntil(UNTIL).build()))).startsWith("no trusted key has the key id ");
    }

    @Test
    void cacheSize_acceptsZeroToTwoToTheTwentieth() {
        TrustList trust = TrustList.builder().build();

        assertThat(Verifier.builder(trust).cacheSize(0).build().toString()).contains("cacheSize=0");
        assertThat(Verifier.builder(trust).cacheSize(1 << 20).build().toString()).contains("cacheSize=1048576");
        assertThatThrownBy(() -> Verifier.builder(trust).cacheSize((1 << 20) + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1048577");
        assertThatThrownBy(() -> Verifier.builder(trust).cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustList_toBuilderKeepsRevocationsAndTheVersionBoundHolds() {
        CodeId revoked = CodeId.random();
        TrustList list = TrustList.builder().version(1).revoke(revoked).revokeSiteBefore(Sragen.SETDA, NOW).build();
        TrustList next = list.toBuilder().build();
        SharedCode code = SharedCode.builder(Sragen.SETDA).id(revoked).covering(Sragen.SETDA_UNITS).issuedAt(NOW)
                .validFrom(FROM).validUntil(UNTIL).build();

        assertThat(next.isRevoked(code)).isTrue();
        assertThat(next.revokedBefore(Sragen.SETDA)).contains(NOW);
        assertThat(next.version()).isEqualTo(2);
        assertThat(TrustList.builder().version(7).build().version()).isEqualTo(7);
        assertThat(TrustList.builder().build().isRevoked(code)).isFalse();
        assertThat(list.toString()).isEqualTo("TrustList[version=1, keys=0, revokedCodes=1, revokedSites=["
                + Sragen.SETDA + "]]");
    }

    @Test
    void codeId_ordersByUnsignedValueAndParsesOnlyLowerCaseHex() {
        CodeId low = CodeId.parse("00000000000000000000000000000001");
        CodeId high = CodeId.parse("80000000000000000000000000000000");
        CodeId mid = CodeId.parse("00000000000000010000000000000000");

        assertThat(List.of(high, low, mid).stream().sorted().toList()).containsExactly(low, mid, high);
        assertThat(low.compareTo(low)).isZero();
        assertThat(low.hashCode()).isNotEqualTo(mid.hashCode());
        assertThat(CodeId.parse("0123456789abcdef0123456789abcdef").toString())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        for (char c : new char[] {'g', '/', ':', '`', 'A', '@'}) {
            assertThatThrownBy(() -> CodeId.parse("0".repeat(31) + c)).as("%s", c)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CodeId.parse("x".repeat(40))).hasMessageContaining("'" + "x".repeat(40) + "'");
        assertThatThrownBy(() -> CodeId.parse("x".repeat(41))).hasMessageContaining("...(41 chars)");
    }

    @Test
    void sharedCode_equalsOnlyTheSameCodeAndPrintsItsFields() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).validFrom(FROM)
                .validUntil(UNTIL);
        SharedCode a = b.build();
        SharedCode other = b.build();

        assertThat(a).isNotEqualTo(other).isNotEqualTo("a code");
        assertThat(a).isEqualTo(b.id(a.id()).build()).hasSameHashCodeAs(b.id(a.id()).build());
        assertThat(a.toString()).contains(a.id().toString(), "setda-complex", FROM.toString(), UNTIL.toString());
        assertThatThrownBy(() -> SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).validFrom(FROM)
                .build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS).validUntil(UNTIL)
                .build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.issuedAt(Instant.EPOCH.minusSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("issuedAt ");
    }

    @Test
    void pem_refusesBlocksWithoutTheirEnd() {
        String pem = Issuer.generate().toPem();
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> Issuer.fromPem(pem.replace(end, ""))).hasMessage("no PEM block labelled"
                + " 'PRIVATE KEY'");
        assertThatThrownBy(() -> Issuer.fromPem(end + "\n" + pem.replace(end, "")))
                .hasMessage("no PEM block labelled 'PRIVATE KEY'");
        assertThat(Issuer.fromPem(begin + pem.substring(begin.length())).keyId()).hasSize(16);
    }

    // ---- helpers ----

    private static String detail(String text) {
        Verification outcome = VERIFIER.check(text, NOW);
        assertThat(outcome).as(text).isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected) outcome).detail();
    }

    private static String ids(int count, byte[] ids) {
        byte[] signed = java.util.Arrays.copyOf(BASE, 38 + ids.length);
        signed[37] = (byte) count;
        System.arraycopy(ids, 0, signed, 38, ids.length);
        Verification.Rejected r = (Verification.Rejected) VERIFIER.check(signed(signed), NOW);
        assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
        return r.detail();
    }

    private static String signed(byte[] signed) {
        return PayloadV1.text(signed, Ed25519.sign(PAIR.getPrivate(), signed));
    }

    private static byte[] symbols(int... symbols) {
        List<Integer> list = new ArrayList<>();
        for (int s : symbols) {
            list.add(s);
        }
        byte[] out = new byte[(list.size() * 6 + 7) / 8];
        int at = 0;
        for (int s : list) {
            for (int b = 5; b >= 0; b--) {
                if (((s >> b) & 1) != 0) {
                    out[at / 8] |= (byte) (0x80 >>> (at % 8));
                }
                at++;
            }
        }
        return out;
    }
}
