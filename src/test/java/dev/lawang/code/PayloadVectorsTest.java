package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test vectors of docs/payload-format.md. The texts were generated once and are committed here; each is checked
 * three ways: the library signs the documented fields into exactly this text, the library verifies it back into the
 * documented fields, and an independent reader written from the document alone (its own Base45 decoder, offsets and
 * symbol tables, and the JDK's Ed25519 directly) finds the documented fields and a valid signature.
 */
class PayloadVectorsTest {
    record Vector(String name, String seed, String publicKey, String keyId, String codeId, String site,
            List<String> agencies, String issuedAt, String validFrom, String validUntil, String signed,
            String signature, String text) {}

    static final Vector V1 = new Vector("1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "21fe31dfa154a261",
            "000102030405060708090a0b0c0d0e0f", "setda-complex", List.of("diskominfo"),
            "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z",
            "0121fe31dfa154a261000102030405060708090a0b0c0d0e0f6b0e0e006b0e0e006b36ec8001"
                    + "ffd9433cd40c1580042532cf37b18f00",
            "9ad905f61ce1fd5f56df7e4e41ad7e1cc73fc2d4aade21065764795947c360f8"
                    + "61d8671e4fcf8b27956f45f270d985f6cf687680647a4e143630e55d09b2f900",
            "LW1:J6036W9CSLVA$BCX507H0QS00+0J61%H1CT1W.1/Y1H20/Y1H20K.698GMFWMM8E QEW2QN02J6$17N3I-PJ-X0DT3I1W9:AO/FSD8J.FM8PGSO2RL*7472BFFFB39TBCSGCS1D14ASQH5+I-$8:BE4.G-9Q6:ERVC8*9C%6$:S7A1OLV");

    static final Vector V2 = new Vector("2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "39f713d0a644253f",
            "6c61776116e67d2d7365746461000001", "setda-complex",
            List.of("bagian-administrasi-pembangunan", "bagian-hukum", "bagian-kesejahteraan-rakyat",
                    "bagian-organisasi", "bagian-pemerintahan", "bagian-pengadaan-barang-dan-jasa",
                    "bagian-perekonomian", "bagian-perencanaan-dan-keuangan",
                    "bagian-protokol-dan-komunikasi-pimpinan", "bagian-umum", "bappeda-litbang", "bpkpd",
                    "diskominfo", "dpmptsp"),
            "2026-11-25T08:30:00Z", "2026-12-01T00:00:00Z", "2027-06-01T00:00:00Z",
            "0139f713d0a644253f6c61776116e67d2d73657464610000016b069c886b0e0e006bfdff000e"
                    + "ffd9433cd40c158026fc097f0409bf1c09bf125fc5026fc6026fc2026fc997f2affcb026fc3026fcfbff4009bf32"
                    + "ffcd97f3809bf200ffe97ffc00902d01001094cb3cdec63c01103505134000",
            "ed806a88fa846c13a4ad2e05bded0cb8900617f524ba6ac83a2cdb4779a06afb"
                    + "978d2cda3e76de61b51317b63f1473331e1dc0c3b61903560f18dc865fd1f205",
            "LW1:/60QAV:GQUR8 08LECECCA6TPX57$C2VC000380R$03BH/Y1H20/4WE00MFWMM8E QEW2Z-4191/M097OKA1NE2Y+O*5E%D0VNO.5EI9J7BM4CMU*VZ-4Q%VD48V7OAFWJ9JSBGWQU%FW48G9301V5G00L ICV7X2P260SV6NJ2C50OAGBEHFXGXL29+LTW0O/T/ENTY0Q:UMPN3EP8U5R19QCKC V5%HPQRA1F%FCRI2Z1NFQ2 K6BY3HXOD73Q*AJ63J:GGOQ50");

    static final Vector V3 = new Vector("3",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8", "56475aa75463474c",
            "ffeeddccbbaa99887766554433221100", "kecamatan-gemolong",
            List.of("kecamatan-gemolong", "puskesmas-gemolong-2", "upt-pendidikan-3"),
            "2026-11-20T01:02:03Z", "2026-11-25T17:00:00Z", "2026-11-26T17:00:00Z",
            "0156475aa75463474cffeeddccbbaa998877665544332211006aff9c0b6b0714106b08659003"
                    + "a8714d3cc3f102a1c534f30fc40b4714d3cc3f195d01541497f4a57800",
            "aac41c5fcb230b0b896912838d3d11f461a73c14f2d998e5cb99f8e7e8c85a2e"
                    + "063666d5f871617de743bc8b6eee8ec0758dd36c80e74d503902a8b5c8879108",
            "LW1:R70-09-6LZOC1X9*8UV*PNPLFBH7.C:R8 D4G206EW/J1C+0I32Y21C9IBDLHY9VYO/E0*-OXWUCZOG:8+YQ//74YBESAK9JF-KZ30TZO/4CGJ4SK1XCDHSGIW7B+UH6L7T2*MRC2T-KJDETZEP$ 5L*6B2R0FEB-FFP89SH57U*EO$-HBWD%ATH6A5F06:MA6H80");

    static final String V3_URL_PREFIX = "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/";
    static final String V3_URL =
            "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/LW1:R70-09-6LZOC1X9*8UV*PNPLFBH7.C:R8%20D4G206EW/J1C+0I32Y21C9IBDLHY9VYO/E0*-OXWUCZOG:8+YQ//74YBESAK9JF-KZ30TZO/4CGJ4SK1XCDHSGIW7B+UH6L7T2*MRC2T-KJDETZEP$%205L*6B2R0FEB-FFP89SH57U*EO$-HBWD%25ATH6A5F06:MA6H80";

    static Stream<Vector> vectors() {
        return Stream.of(V1, V2, V3);
    }

    static Issuer issuerFromSeed(String seedHex) {
        return Issuer.fromPkcs8(HexFormat.of().parseHex("302e020100300506032b657004220420" + seedHex));
    }

    static SharedCode fields(Vector v) {
        List<AgencyId> agencies = v.agencies().stream().map(AgencyId::of).toList();
        return SharedCode.builder(SiteId.of(v.site())).id(CodeId.parse(v.codeId())).covering(agencies)
                .issuedAt(Instant.parse(v.issuedAt())).validFrom(Instant.parse(v.validFrom()))
                .validUntil(Instant.parse(v.validUntil())).build();
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void issuer_signsTheDocumentedFieldsIntoTheCommittedText(Vector v) {
        Issuer issuer = issuerFromSeed(v.seed());

        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(issuer.publicKeyX509(), 12, 44)))
                .isEqualTo(v.publicKey());
        assertThat(issuer.keyId()).isEqualTo(v.keyId());
        assertThat(issuer.sign(fields(v))).isEqualTo(v.text());
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void verifier_readsTheDocumentedFieldsFromTheCommittedText(Vector v) {
        Verifier verifier = Verifier.of(TrustList.builder().trust(rawPublicKey(v.publicKey())).build());

        SharedCode code = verifier.verify(v.text(), Instant.parse(v.validFrom()));

        assertThat(code).isEqualTo(fields(v));
        assertThat(code.agencies()).extracting(AgencyId::value).containsExactlyElementsOf(v.agencies());
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void independentReader_findsTheDocumentedFieldsAndAValidSignature(Vector v) throws Exception {
        assertThat(v.text()).startsWith("LW1:");
        byte[] p = base45(v.text().substring(4));
        int signed = p.length - 64;

        assertThat(p[0]).isEqualTo((byte) 1);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(v.publicKey()));
        assertThat(HexFormat.of().formatHex(p, 1, 9)).isEqualTo(v.keyId()).isEqualTo(
                HexFormat.of().formatHex(digest, 0, 8));
        assertThat(HexFormat.of().formatHex(p, 9, 25)).isEqualTo(v.codeId());
        assertThat(seconds(p, 25)).isEqualTo(Instant.parse(v.issuedAt()).getEpochSecond());
        assertThat(seconds(p, 29)).isEqualTo(Instant.parse(v.validFrom()).getEpochSecond());
        assertThat(seconds(p, 33)).isEqualTo(Instant.parse(v.validUntil()).getEpochSecond());
        assertThat(p[37] & 0xFF).isEqualTo(v.agencies().size());
        List<String> ids = symbols(p, 38, signed, 1 + v.agencies().size());
        assertThat(ids.get(0)).isEqualTo(v.site());
        assertThat(ids.subList(1, ids.size())).containsExactlyElementsOf(v.agencies());

        assertThat(HexFormat.of().formatHex(p, 0, signed)).isEqualTo(v.signed());
        assertThat(HexFormat.of().formatHex(p, signed, p.length)).isEqualTo(v.signature());

        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(rawPublicKey(v.publicKey()));
        ed.update(p, 0, signed);
        assertThat(ed.verify(p, signed, 64)).isTrue();
    }

    @Test
    void urlForm_ofVector3IsTheCommittedUrlAndVerifies() {
        Issuer issuer = issuerFromSeed(V3.seed());
        assertThat(issuer.signAsUrl(fields(V3), V3_URL_PREFIX)).isEqualTo(V3_URL);

        Verifier verifier = Verifier.builder(TrustList.builder().trust(issuer.publicKey()).build())
                .urlPrefix(V3_URL_PREFIX).build();
        assertThat(verifier.verify(V3_URL, Instant.parse(V3.validFrom()))).isEqualTo(fields(V3));
    }

    @Test
    void document_quotesEveryCommittedText() throws IOException {
        String doc = Files.readString(Path.of("docs/payload-format.md"), StandardCharsets.UTF_8);
        for (String text : List.of(V1.text(), V2.text(), V3.text(), V3_URL)) {
            assertThat(doc).contains("\n" + text + "\n");
        }
    }

    /** Each vector's section quotes the signed bytes and then the signature, in code spans that may wrap. */
    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectors")
    void document_quotesThePayloadAndTheSignatureOfEveryVector(Vector v) throws IOException {
        String doc = Files.readString(Path.of("docs/payload-format.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf("### Vector " + v.name() + ":");
        int to = doc.indexOf("\n#", from + 1);
        assertThat(from).isPositive();
        String section = doc.substring(from, to < 0 ? doc.length() : to);
        StringBuilder spans = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`\n]*)`").matcher(section);
        while (m.find()) {
            spans.append(m.group(1).replace(" ", ""));
        }

        assertThat(spans).contains(v.signed() + v.signature());
        assertThat(section).contains("payload (" + (v.signed().length() / 2 + 64) + " bytes)");
    }

    // ---- an independent reader, written from docs/payload-format.md ----

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final String[] P = {"bagian-", "dinas-", "badan-", "kantor-", "kecamatan-", "kelurahan-", "desa-",
        "puskesmas-", "sekretariat-", "-dan-", "an", "ng", "pe", "ra", "ka", "ta", "si", "ma", "ke", "ba", "er", "in",
        "en", "la", "da"};
    private static final String[] S = {"administrasi", "pembangunan", "pemerintahan", "perekonomian", "kesejahteraan",
        "rakyat", "organisasi", "hukum", "umum", "pengadaan", "barang", "jasa", "protokol", "komunikasi", "pimpinan",
        "perencanaan", "keuangan", "informatika", "pendidikan", "kebudayaan", "kesehatan", "sosial", "tenaga", "kerja",
        "perhubungan", "lingkungan", "hidup", "kependudukan", "pencatatan", "sipil", "pertanian", "perikanan",
        "pariwisata", "perdagangan", "perindustrian", "koperasi", "penanaman", "modal", "pelayanan", "terpadu",
        "daerah", "pekerjaan", "perumahan", "permukiman", "pemuda", "olahraga", "perpustakaan", "kearsipan", "pangan",
        "kepegawaian", "pengembangan", "sumber", "manusia", "bencana", "penanggulangan", "kesatuan", "bangsa",
        "politik", "inspektorat", "pendapatan", "kabupaten", "setda", "bappeda", "litbang"};

    private static byte[] base45(String s) {
        byte[] out = new byte[s.length() / 3 * 2 + (s.length() % 3 == 2 ? 1 : 0)];
        int o = 0;
        for (int i = 0; i < s.length(); i += 3) {
            if (i + 2 < s.length()) {
                int n = ALPHABET.indexOf(s.charAt(i)) + ALPHABET.indexOf(s.charAt(i + 1)) * 45
                        + ALPHABET.indexOf(s.charAt(i + 2)) * 2025;
                out[o++] = (byte) (n / 256);
                out[o++] = (byte) (n % 256);
            } else {
                out[o++] = (byte) (ALPHABET.indexOf(s.charAt(i)) + ALPHABET.indexOf(s.charAt(i + 1)) * 45);
            }
        }
        return out;
    }

    private static long seconds(byte[] p, int at) {
        return new BigInteger(1, Arrays.copyOfRange(p, at, at + 4)).longValueExact();
    }

    private static List<String> symbols(byte[] p, int from, int to, int count) {
        StringBuilder bits = new StringBuilder();
        for (int i = from; i < to; i++) {
            bits.append(String.format("%8s", Integer.toBinaryString(p[i] & 0xFF)).replace(' ', '0'));
        }
        List<String> ids = new ArrayList<>();
        StringBuilder id = new StringBuilder();
        int at = 0;
        while (ids.size() < count) {
            int sym = Integer.parseInt(bits.substring(at, at + 6), 2);
            at += 6;
            if (sym == 0) {
                ids.add(id.toString());
                id.setLength(0);
            } else if (sym <= 26) {
                id.append((char) ('a' + sym - 1));
            } else if (sym <= 36) {
                id.append((char) ('0' + sym - 27));
            } else if (sym == 37) {
                id.append('-');
            } else if (sym <= 62) {
                id.append(P[sym - 38]);
            } else {
                id.append(S[Integer.parseInt(bits.substring(at, at + 6), 2)]);
                at += 6;
            }
        }
        assertThat(bits.length() - at).as("padding bits").isLessThan(8);
        assertThat(bits.substring(at)).matches("0*");
        return ids;
    }

    private static PublicKey rawPublicKey(String hex) {
        try {
            byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + hex);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
