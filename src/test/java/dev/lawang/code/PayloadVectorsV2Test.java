package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The version-2 test vectors of docs/payload-format.md: a display grant and two successive rotating codes. The texts
 * were generated once and are committed here; each is checked three ways: the library makes exactly this text from
 * the documented fields and keys, the library verifies it, and an independent reader written from the document alone
 * (its own Base45 decoder and offsets, and the JDK's Ed25519 directly) finds the documented fields and valid
 * signatures. The keys are the first two secret keys of RFC 8032, section 7.1; the ids section is that of version-1
 * vector 1, which covers the same site and agency.
 */
class PayloadVectorsV2Test {
    static final String AUTHORITY_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String AUTHORITY_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String DISPLAY_SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String DISPLAY_KEY = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    static final String GRANT_HEX = "024721fe31dfa154a2610f0e0d0c0b0a090807060504030201006b0e0e006b36ec80003c"
            + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c01ffd943"
            + "3cd40c1580042532cf37b18f0086c8c2dda09669b9c8b921dbc129af7449932ae52b86b6"
            + "6ca1516cd4ccc187ffb624fbead1b5b37fb3b2f8512ebcc46053f7df14e00d0bde821abe"
            + "65756d970c";
    static final String GRANT_TEXT = "LW2G:/C0HD4WD6ZHKYNKT+1AT1 H1H61/*0OS05H0V501ODTY1-ODJ+TF10KX7803EGTHGHT"
            + "OIRF1TX9:0G%ZJ-T52-5K1J$GO-%AGJ5O+CGB0:KR2V7XN1C8GRV4$8Q5KM:204HP 0SU0J+"
            + "LN8IN7ZR6C5OVE9RIW/SG1H:WD9DAQ+Q/KOWEWHU4%UTU/ML6G6SM$BA*%N:7C5FVYS29T1$"
            + "5S6H38$CK%DC0";
    static final Instant CODE_AT = Instant.parse("2026-12-15T09:30:00Z");
    static final String CODE_HEX = "025239f713d0a644253f01c9157a3cf88b357b62661330028b8005a0b5c2885ac9b6a928"
            + "3f3be5a1528cfe329fb548c2ce220a93aeef43541aef2ca91c78d8bd6be4303526057b87"
            + "826813d03405";
    static final String CODE_TEXT = "LW2:9D0YE7WM2*0L+V47A08W2%V7.QH-QFV+C536RSH0W00:MVAHNMPEHLW:7F1TRJA46WP8"
            + "K-89U2Q7F185M1N8AI33T5/Q30IRZSDB46D 4XRF*LGWM2.P6";
    static final String NEXT_CODE_HEX = "025239f713d0a644253f01c9157b9b6d94f66467587070a54f3dac3e45201077a8dd79d3"
            + "989c547fabc6185d452e0a4aa9ca69a87d2ba83a3b69d6fc4e75c962bd7e422831acccc8"
            + "baccbb316d09";
    static final String NEXT_CODE_TEXT = "LW2:9D0YE7WM2*0L+V47A09W29TJJ$I8VC58B$AEZ0A*YLBX8U32TFL2IF8DJVUA9WLR33PX"
            + "8OD1-KL3GD3$F1CL:M718RF-9TKP0/NGG8QC6:*PURN-TNDZD";

    private static final HexFormat HEX = HexFormat.of();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static Issuer authority() {
        return Issuer.fromPkcs8(HEX.parseHex("302e020100300506032b657004220420" + AUTHORITY_SEED));
    }

    private static java.security.KeyPair display() {
        return Ed25519.pairFromSeed(HEX.parseHex(DISPLAY_SEED));
    }

    private static SharedCode scope() {
        return SharedCode.builder(SiteId.of("setda-complex")).covering(AgencyId.of("diskominfo"))
                .id(CodeId.parse("0f0e0d0c0b0a09080706050403020100"))
                .validFrom(Instant.parse("2026-12-01T00:00:00Z")).validUntil(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
    }

    @Test
    void library_makesExactlyTheDocumentedGrantAndCodes() {
        DisplayGrant grant = authority().grantDisplay(display().getPublic(), scope(), Duration.ofSeconds(60));
        Display screen = Display.of(grant, display().getPrivate());

        assertThat(grant.text()).isEqualTo(GRANT_TEXT);
        assertThat(screen.codeAt(CODE_AT)).isEqualTo(CODE_TEXT);
        assertThat(screen.codeAt(CODE_AT.plusSeconds(59))).isEqualTo(CODE_TEXT);
        assertThat(screen.codeAt(CODE_AT.plusSeconds(60))).isEqualTo(NEXT_CODE_TEXT);
    }

    @Test
    void library_verifiesTheDocumentedCodesUnderTheDocumentedGrant() {
        TrustList trust = TrustList.builder().trust(authority().publicKey()).grant(DisplayGrant.parse(GRANT_TEXT))
                .build();
        Verifier verifier = Verifier.of(trust);

        assertThat(verifier.check(CODE_TEXT, CODE_AT)).isEqualTo(new Verification.Verified(
                SharedCode.builder(SiteId.of("setda-complex")).covering(AgencyId.of("diskominfo"))
                        .id(CodeId.parse("0f0e0d0c0b0a09080706050403020100"))
                        .validFrom(Instant.parse("2026-12-01T00:00:00Z"))
                        .validUntil(Instant.parse("2027-01-01T00:00:00Z")).build(),
                Verification.Channel.ROTATING_CODE));
        assertThat(verifier.check(NEXT_CODE_TEXT, CODE_AT.plusSeconds(60)))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void independentReader_findsTheDocumentedGrantFields() throws Exception {
        assertThat(GRANT_TEXT).startsWith("LW2G:");
        byte[] g = base45(GRANT_TEXT.substring(5));
        assertThat(HEX.formatHex(g)).isEqualTo(GRANT_HEX);
        assertThat(g[0]).isEqualTo((byte) 2);
        assertThat(g[1]).isEqualTo((byte) 'G');
        assertThat(HEX.formatHex(g, 2, 10)).isEqualTo(keyId(AUTHORITY_KEY)).isEqualTo("21fe31dfa154a261");
        assertThat(HEX.formatHex(g, 10, 26)).isEqualTo("0f0e0d0c0b0a09080706050403020100");
        assertThat(Instant.ofEpochSecond(uint(g, 26, 4))).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Instant.ofEpochSecond(uint(g, 30, 4))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(uint(g, 34, 2)).isEqualTo(60);
        assertThat(HEX.formatHex(g, 36, 68)).isEqualTo(DISPLAY_KEY);
        assertThat(g[68]).isEqualTo((byte) 1);
        // the ids section of version-1 vector 1 (setda-complex, diskominfo), bytes 38 to 53 of its payload
        assertThat(HEX.formatHex(g, 69, g.length - 64)).isEqualTo("ffd9433cd40c1580042532cf37b18f00");
        assertThat(verifies(AUTHORITY_KEY, g)).isTrue();
    }

    @Test
    void independentReader_findsTheDocumentedCodeFieldsAndTheDisplaysSignature() throws Exception {
        long step = CODE_AT.getEpochSecond() / 60;
        for (String[] v : new String[][] {{CODE_TEXT, CODE_HEX, "0"}, {NEXT_CODE_TEXT, NEXT_CODE_HEX, "1"}}) {
            assertThat(v[0]).startsWith("LW2:").hasSize(121);
            byte[] c = base45(v[0].substring(4));
            assertThat(HEX.formatHex(c)).isEqualTo(v[1]);
            assertThat(c).hasSize(78);
            assertThat(c[0]).isEqualTo((byte) 2);
            assertThat(c[1]).isEqualTo((byte) 'R');
            assertThat(HEX.formatHex(c, 2, 10)).isEqualTo(keyId(DISPLAY_KEY)).isEqualTo("39f713d0a644253f");
            assertThat(uint(c, 10, 4)).isEqualTo(step + Long.parseLong(v[2])).isIn(29955450L, 29955451L);
            assertThat(verifies(DISPLAY_KEY, c)).isTrue();
            assertThat(verifies(AUTHORITY_KEY, c)).isFalse();
        }
    }

    private static byte[] base45(String text) {
        byte[] out = new byte[text.length() / 3 * 2 + (text.length() % 3 == 2 ? 1 : 0)];
        int o = 0;
        for (int i = 0; i < text.length(); i += 3) {
            int c = ALPHABET.indexOf(text.charAt(i)) + ALPHABET.indexOf(text.charAt(i + 1)) * 45;
            if (i + 2 < text.length()) {
                int n = c + ALPHABET.indexOf(text.charAt(i + 2)) * 45 * 45;
                out[o++] = (byte) (n >> 8);
                out[o++] = (byte) n;
            } else {
                out[o++] = (byte) c;
            }
        }
        return out;
    }

    private static long uint(byte[] b, int at, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static String keyId(String rawKeyHex) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(rawKeyHex));
        return HEX.formatHex(Arrays.copyOf(digest, 8));
    }

    private static boolean verifies(String rawKeyHex, byte[] payload) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HEX.parseHex("302a300506032b6570032100" + rawKeyHex)));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(payload, 0, payload.length - 64);
        return s.verify(payload, payload.length - 64, 64);
    }
}
