package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Payload format version 1, byte by byte as specified in docs/payload-format.md.
 *
 * <pre>
 * offset  size  field
 *      0     1  format version, 0x01
 *      1     8  key id: the first 8 bytes of SHA-256 over the raw 32-byte Ed25519 public key
 *      9    16  code id
 *     25     4  issued at, unsigned seconds since 1970-01-01T00:00:00Z, big-endian
 *     29     4  valid from, same encoding
 *     33     4  valid until, same encoding; greater than valid from and than issued at
 *     37     1  number of agencies N, 1 to 64
 *     38     L  site id then N agency ids in ascending order, 6-bit symbols (IdCodec), zero-padded to a byte
 *   38+L    64  Ed25519 signature over bytes [0, 38+L)
 * </pre>
 *
 * The text is {@code "LW1:"} followed by the Base45 encoding of those bytes.
 */
final class PayloadV1 {
    static final String PREFIX = "LW1:";
    static final int VERSION = 1;
    static final int KEY_ID_OFFSET = 1;
    static final int KEY_ID_LENGTH = 8;
    static final int CODE_ID_OFFSET = 9;
    static final int ISSUED_AT_OFFSET = 25;
    static final int VALID_FROM_OFFSET = 29;
    static final int VALID_UNTIL_OFFSET = 33;
    static final int COUNT_OFFSET = 37;
    static final int IDS_OFFSET = 38;
    static final int SIGNATURE_LENGTH = 64;
    /** The shortest ids section: a one-character site and a one-character agency, 24 bits. */
    static final int MIN_IDS_LENGTH = 3;
    /** The most characters a QR symbol holds at error correction M in alphanumeric mode (version 40). */
    static final int MAX_TEXT_LENGTH = 3391;
    /** The shortest payload: the fixed fields, the shortest ids section and the signature. */
    static final int MIN_LENGTH = IDS_OFFSET + MIN_IDS_LENGTH + SIGNATURE_LENGTH;
    /** The most digits a version in a prefix {@code LW<version>:} has. */
    static final int MAX_VERSION_DIGITS = 4;
    private static final int HEAD_LENGTH = 12;

    private PayloadV1() {}

    static int textLength(SharedCode code) {
        int ids = IdCodec.encode(code.site(), code.agencies()).length;
        return PREFIX.length() + Base45.encodedLength(IDS_OFFSET + ids + SIGNATURE_LENGTH);
    }

    /** The bytes the signature covers. */
    static byte[] signedPart(SharedCode code, byte[] keyId) {
        byte[] ids = IdCodec.encode(code.site(), code.agencies());
        byte[] out = new byte[IDS_OFFSET + ids.length];
        out[0] = VERSION;
        System.arraycopy(keyId, 0, out, KEY_ID_OFFSET, KEY_ID_LENGTH);
        code.id().writeTo(out, CODE_ID_OFFSET);
        putSeconds(out, ISSUED_AT_OFFSET, code.issuedAt());
        putSeconds(out, VALID_FROM_OFFSET, code.validFrom());
        putSeconds(out, VALID_UNTIL_OFFSET, code.validUntil());
        out[COUNT_OFFSET] = (byte) code.agencies().size();
        System.arraycopy(ids, 0, out, IDS_OFFSET, ids.length);
        return out;
    }

    static String text(byte[] signedPart, byte[] signature) {
        byte[] all = Arrays.copyOf(signedPart, signedPart.length + signature.length);
        System.arraycopy(signature, 0, all, signedPart.length, signature.length);
        StringBuilder out = new StringBuilder(PREFIX.length() + Base45.encodedLength(all.length));
        out.append(PREFIX);
        Base45.encode(all, out);
        return out.toString();
    }

    /**
     * Checks the prefix and decodes the payload bytes, trusting nothing in them yet beyond the version byte and the
     * overall length.
     *
     * @return the payload, or null with the reason ({@code MALFORMED} or {@code UNSUPPORTED_VERSION}) recorded in
     *     {@code refusal}
     */
    static byte @Nullable [] decode(String text, Refusal refusal) {
        if (text.isEmpty()) {
            refusal.malformed("empty text");
            return null;
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            refusal.malformed("text of " + text.length() + " characters is longer than any code (at most "
                    + MAX_TEXT_LENGTH + ")");
            return null;
        }
        if (!text.startsWith(PREFIX)) {
            int version = otherVersion(text);
            if (version > 0) {
                refusal.refuse(CodeException.Reason.UNSUPPORTED_VERSION, "payload format version " + version
                        + " is not supported; this library reads versions 1 (prefix " + PREFIX + ") and 2 (prefix "
                        + PayloadV2.CODE_PREFIX + ")");
                return null;
            }
            if (version == 0) {
                refusal.malformed(
                        "the version in '" + head(text) + "' is not a decimal number without leading zeros");
                return null;
            }
            String system = ForeignCodes.system(text);
            if (system != null) {
                refusal.refuse(CodeException.Reason.FOREIGN_CODE, "the text looks like " + system + " ('"
                        + head(text) + "'), not a Lawang code; register the poster if it is to admit");
                return null;
            }
            refusal.malformed("text does not start with " + PREFIX + " but with '" + head(text) + "'");
            return null;
        }
        byte[] bytes = Base45.decode(text, PREFIX.length(), refusal);
        if (bytes == null) {
            return null;
        }
        if (bytes.length < MIN_LENGTH) {
            refusal.malformed("payload of " + bytes.length + " bytes is shorter than the shortest code ("
                    + MIN_LENGTH + " bytes)");
            return null;
        }
        if (bytes[0] != VERSION) {
            refusal.malformed("prefix " + PREFIX + " but version byte " + (bytes[0] & 0xFF));
            return null;
        }
        return bytes;
    }

    /**
     * Reads the fields of a payload whose signature has been verified.
     *
     * @return the code, or null (with the reason {@code MALFORMED} recorded in {@code refusal}) if a field breaks a
     *     rule of docs/payload-format.md
     */
    static @Nullable SharedCode fields(byte[] bytes, Refusal refusal) {
        int signedLength = bytes.length - SIGNATURE_LENGTH;
        CodeId id = CodeId.fromBytes(bytes, CODE_ID_OFFSET);
        Instant issuedAt = seconds(bytes, ISSUED_AT_OFFSET);
        Instant validFrom = seconds(bytes, VALID_FROM_OFFSET);
        Instant validUntil = seconds(bytes, VALID_UNTIL_OFFSET);
        if (!validFrom.isBefore(validUntil)) {
            refusal.malformed("validity window [" + validFrom + ", " + validUntil + ") is empty or reversed");
            return null;
        }
        if (!issuedAt.isBefore(validUntil)) {
            refusal.malformed("issued at " + issuedAt + ", not before the end of validity " + validUntil);
            return null;
        }
        Ids ids = ids(bytes, COUNT_OFFSET, IDS_OFFSET, signedLength, refusal);
        if (ids == null) {
            return null;
        }
        return new SharedCode(id, ids.site(), ids.agencies(), issuedAt, validFrom, validUntil);
    }

    /** A site and its agencies read from an ids section. */
    record Ids(SiteId site, TreeSet<AgencyId> agencies) {}

    /**
     * Reads the agency count at {@code countAt} and the ids section {@code [from, to)} of a payload whose signature
     * has been verified, by the rules that versions 1 and 2 share.
     *
     * @return the ids, or null with the reason {@code MALFORMED} recorded in {@code refusal}
     */
    static @Nullable Ids ids(byte[] bytes, int countAt, int from, int to, Refusal refusal) {
        int count = bytes[countAt] & 0xFF;
        if (count < 1 || count > SharedCode.MAX_AGENCIES) {
            refusal.malformed("agency count " + count + " is outside 1 to " + SharedCode.MAX_AGENCIES);
            return null;
        }
        IdCodec.Decoded ids = IdCodec.decode(bytes, from, to, count, refusal);
        if (ids == null) {
            return null;
        }
        if (!SiteId.isValid(ids.site())) {
            refusal.malformed("site id '" + ids.site() + "' is not a valid slug");
            return null;
        }
        SiteId site = SiteId.of(ids.site());
        TreeSet<AgencyId> agencies = new TreeSet<>();
        @Nullable AgencyId previous = null;
        for (String value : ids.agencies()) {
            if (!AgencyId.isValid(value)) {
                refusal.malformed("agency id '" + value + "' is not a valid slug");
                return null;
            }
            AgencyId agency = AgencyId.of(value);
            if (previous != null && previous.compareTo(agency) >= 0) {
                refusal.malformed("agency ids are not in strictly ascending order at '" + value + "'");
                return null;
            }
            agencies.add(agency);
            previous = agency;
        }
        byte[] canonical = IdCodec.encode(site, agencies);
        if (!Arrays.equals(canonical, 0, canonical.length, bytes, from, to)) {
            refusal.malformed("the ids section is not the canonical (greedy) encoding of its ids");
            return null;
        }
        return new Ids(site, agencies);
    }

    static long keyId(byte[] bytes) {
        return longAt(bytes, KEY_ID_OFFSET);
    }

    static long longAt(byte[] bytes, int at) {
        long v = 0;
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            v = (v << 8) | (bytes[at + i] & 0xFF);
        }
        return v;
    }

    /**
     * The version of a text shaped like {@code "LW" version ":"} where the version is 1 to 4 decimal digits: its
     * value if it is written without leading zeros, 0 if it has a leading zero (or is 0), -1 for any other text.
     */
    private static int otherVersion(String text) {
        if (!text.startsWith("LW")) {
            return -1;
        }
        int i = 2;
        int version = 0;
        while (i < text.length() && i < 2 + MAX_VERSION_DIGITS && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            version = version * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == 2 || i == text.length() || text.charAt(i) != ':') {
            return -1;
        }
        return text.charAt(2) == '0' ? 0 : version;
    }

    /**
     * The start of a foreign text for a message: enough to recognise another system's prefix, too little to carry
     * the personal data such a code may hold; non-printable characters escaped.
     */
    static String head(String text) {
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < Math.min(HEAD_LENGTH, text.length()); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return text.length() > HEAD_LENGTH ? out + "..." : out.toString();
    }

    static void putSeconds(byte[] out, int at, Instant t) {
        long s = t.getEpochSecond();
        out[at] = (byte) (s >>> 24);
        out[at + 1] = (byte) (s >>> 16);
        out[at + 2] = (byte) (s >>> 8);
        out[at + 3] = (byte) s;
    }

    static Instant seconds(byte[] bytes, int at) {
        long s = ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
        return Instant.ofEpochSecond(s);
    }
}
