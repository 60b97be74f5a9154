package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Packs the site id and the agency ids of a payload into 6-bit symbols (docs/payload-format.md, "Identifiers").
 *
 * <p>Symbol 0 ends an id; 1 to 26 are {@code a} to {@code z}; 27 to 36 are {@code 0} to {@code 9}; 37 is {@code -};
 * 38 to 62 stand for the 25 {@link #PRIMARY} fragments; 63 is followed by a 6-bit index into the 64
 * {@link #SECONDARY} words. Ids are encoded greedily, always taking the longest table entry that matches, so that
 * each list of ids has exactly one encoding; the tables hold words that recur in the names of Indonesian regional
 * government units, which is what keeps a code for the 14 units of a regional secretariat within QR version 10.
 */
final class IdCodec {
    static final List<String> PRIMARY = List.of(
            "bagian-", "dinas-", "badan-", "kantor-", "kecamatan-", "kelurahan-", "desa-", "puskesmas-",
            "sekretariat-", "-dan-", "an", "ng", "pe", "ra", "ka", "ta", "si", "ma", "ke", "ba", "er", "in", "en",
            "la", "da");

    static final List<String> SECONDARY = List.of(
            "administrasi", "pembangunan", "pemerintahan", "perekonomian", "kesejahteraan", "rakyat", "organisasi",
            "hukum", "umum", "pengadaan", "barang", "jasa", "protokol", "komunikasi", "pimpinan", "perencanaan",
            "keuangan", "informatika", "pendidikan", "kebudayaan", "kesehatan", "sosial", "tenaga", "kerja",
            "perhubungan", "lingkungan", "hidup", "kependudukan", "pencatatan", "sipil", "pertanian", "perikanan",
            "pariwisata", "perdagangan", "perindustrian", "koperasi", "penanaman", "modal", "pelayanan", "terpadu",
            "daerah", "pekerjaan", "perumahan", "permukiman", "pemuda", "olahraga", "perpustakaan", "kearsipan",
            "pangan", "kepegawaian", "pengembangan", "sumber", "manusia", "bencana", "penanggulangan", "kesatuan",
            "bangsa", "politik", "inspektorat", "pendapatan", "kabupaten", "setda", "bappeda", "litbang");

    private static final int END = 0;
    private static final int HYPHEN = 37;
    private static final int FIRST_PRIMARY = 38;
    private static final int ESCAPE = 63;
    private static final int MAX_ID_LENGTH = 64;

    /** A table entry: its text, its symbol, and for secondary words the 6-bit index after the escape, else -1. */
    private record Entry(String text, int symbol, int index) {}

    /** Table entries by first character, longest first, so that the first match is the greedy choice. */
    private static final Entry[][] BY_FIRST_CHAR = byFirstChar();

    private IdCodec() {}

    private static Entry[][] byFirstChar() {
        List<List<Entry>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            lists.add(new ArrayList<>());
        }
        for (int p = 0; p < PRIMARY.size(); p++) {
            lists.get(PRIMARY.get(p).charAt(0)).add(new Entry(PRIMARY.get(p), FIRST_PRIMARY + p, -1));
        }
        for (int s = 0; s < SECONDARY.size(); s++) {
            lists.get(SECONDARY.get(s).charAt(0)).add(new Entry(SECONDARY.get(s), ESCAPE, s));
        }
        Entry[][] out = new Entry[128][];
        for (int c = 0; c < 128; c++) {
            List<Entry> list = lists.get(c);
            list.sort((a, b) -> Integer.compare(b.text.length(), a.text.length()));
            out[c] = list.isEmpty() ? null : list.toArray(Entry[]::new);
        }
        return out;
    }

    /** Encodes the site and the agencies (in their iteration order, which the caller keeps ascending). */
    static byte[] encode(SiteId site, Set<AgencyId> agencies) {
        BitWriter out = new BitWriter();
        encodeId(site.value(), out);
        for (AgencyId agency : agencies) {
            encodeId(agency.value(), out);
        }
        return out.toByteArray();
    }

    private static void encodeId(String id, BitWriter out) {
        int i = 0;
        while (i < id.length()) {
            Entry match = null;
            char first = id.charAt(i);
            Entry[] candidates = first < BY_FIRST_CHAR.length ? BY_FIRST_CHAR[first] : null;
            if (candidates != null) {
                for (Entry candidate : candidates) {
                    if (id.startsWith(candidate.text, i)) {
                        match = candidate;
                        break;
                    }
                }
            }
            if (match == null) {
                out.write(literal(first), 6);
                i++;
            } else {
                out.write(match.symbol, 6);
                if (match.index >= 0) {
                    out.write(match.index, 6);
                }
                i += match.text.length();
            }
        }
        out.write(END, 6);
    }

    private static int literal(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1 + c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 27 + c - '0';
        }
        if (c == '-') {
            return HYPHEN;
        }
        throw new IllegalArgumentException("not a slug character: " + c);
    }

    /** What the ids section holds; the caller checks the slugs and the order. */
    record Decoded(String site, List<String> agencies) {}

    /**
     * Decodes a site id and {@code agencyCount} agency ids from {@code bytes[from, to)}.
     *
     * @return what the section holds, or null (with the reason {@link CodeException.Reason#MALFORMED} recorded in
     *     {@code refusal}) if the symbols run past the section, an id is empty or grows beyond 64 characters, or more
     *     than the zero padding follows the last id
     */
    static @Nullable Decoded decode(byte[] bytes, int from, int to, int agencyCount, Refusal refusal) {
        BitReader in = new BitReader(bytes, from, to);
        String site = decodeId(in, refusal);
        if (site == null) {
            return null;
        }
        List<String> agencies = new ArrayList<>(agencyCount);
        for (int i = 0; i < agencyCount; i++) {
            String agency = decodeId(in, refusal);
            if (agency == null) {
                return null;
            }
            agencies.add(agency);
        }
        String padding = in.paddingProblem();
        if (padding != null) {
            refusal.malformed(padding);
            return null;
        }
        return new Decoded(site, agencies);
    }

    private static @Nullable String decodeId(BitReader in, Refusal refusal) {
        StringBuilder id = new StringBuilder(24);
        while (true) {
            int symbol = in.read6();
            if (symbol < 0) {
                refusal.malformed("the ids section ends inside an identifier");
                return null;
            }
            if (symbol == END) {
                if (id.length() == 0) {
                    refusal.malformed("empty identifier in the ids section");
                    return null;
                }
                return id.toString();
            }
            if (symbol <= 26) {
                id.append((char) ('a' + symbol - 1));
            } else if (symbol <= 36) {
                id.append((char) ('0' + symbol - 27));
            } else if (symbol == HYPHEN) {
                id.append('-');
            } else if (symbol < ESCAPE) {
                id.append(PRIMARY.get(symbol - FIRST_PRIMARY));
            } else {
                int word = in.read6();
                if (word < 0) {
                    refusal.malformed("the ids section ends inside an identifier");
                    return null;
                }
                id.append(SECONDARY.get(word));
            }
            if (id.length() > MAX_ID_LENGTH) {
                refusal.malformed("identifier longer than " + MAX_ID_LENGTH + " characters in the ids section");
                return null;
            }
        }
    }

    private static final class BitWriter {
        private byte[] bytes = new byte[64];
        private int bits;

        void write(int value, int width) {
            for (int b = width - 1; b >= 0; b--) {
                if (bits / 8 == bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
                }
                if (((value >>> b) & 1) != 0) {
                    bytes[bits / 8] |= (byte) (0x80 >>> (bits % 8));
                }
                bits++;
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, (bits + 7) / 8);
        }
    }

    private static final class BitReader {
        private final byte[] bytes;
        private final int end;
        private int position;

        BitReader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.position = from * 8;
            this.end = to * 8;
        }

        /** The next 6 bits, or -1 if fewer than 6 are left. */
        int read6() {
            if (position + 6 > end) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < 6; i++) {
                value = (value << 1) | ((bytes[position / 8] >>> (7 - position % 8)) & 1);
                position++;
            }
            return value;
        }

        /** Null if fewer than 8 bits are left and all of them are zero, else what is wrong with them. */
        @Nullable String paddingProblem() {
            if (end - position >= 8) {
                return "trailing bytes after the last identifier";
            }
            while (position < end) {
                if (((bytes[position / 8] >>> (7 - position % 8)) & 1) != 0) {
                    return "padding bits after the last identifier are not zero";
                }
                position++;
            }
            return null;
        }
    }
}
