package dev.lawang.code;

import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Payload format version 2, byte by byte as specified in docs/payload-format.md: a display grant, signed by an
 * authority key, and the rotating codes a display signs with its own key.
 *
 * <pre>
 * grant                                   rotating code
 * offset  size  field                     offset  size  field
 *      0     1  version, 0x02                  0     1  version, 0x02
 *      1     1  kind, 'G' (0x47)               1     1  kind, 'R' (0x52)
 *      2     8  authority key id               2     8  display key id
 *     10    16  grant id                      10     4  step number, unsigned, big-endian
 *     26     4  valid from                    14    64  Ed25519 signature by the display key over [0, 14)
 *     30     4  valid until
 *     34     2  step in seconds, 15 to 1024
 *     36    32  display public key, raw
 *     68     1  number of agencies N, 1 to 64
 *     69     L  site id then N agency ids (as in version 1)
 *   69+L    64  Ed25519 signature by the authority key over [0, 69+L)
 * </pre>
 *
 * A grant's text is {@code "LW2G:"} and a code's {@code "LW2:"}, each followed by the Base45 encoding of its bytes.
 */
final class PayloadV2 {
    static final String CODE_PREFIX = "LW2:";
    static final String GRANT_PREFIX = "LW2G:";
    static final int VERSION = 2;
    static final byte GRANT_KIND = 'G';
    static final byte CODE_KIND = 'R';
    static final int KEY_ID_OFFSET = 2;
    static final int GRANT_ID_OFFSET = 10;
    static final int VALID_FROM_OFFSET = 26;
    static final int VALID_UNTIL_OFFSET = 30;
    static final int STEP_OFFSET = 34;
    static final int DISPLAY_KEY_OFFSET = 36;
    static final int COUNT_OFFSET = 68;
    static final int IDS_OFFSET = 69;
    static final int STEP_NUMBER_OFFSET = 10;
    static final int CODE_SIGNED_LENGTH = 14;
    static final int CODE_LENGTH = CODE_SIGNED_LENGTH + PayloadV1.SIGNATURE_LENGTH;
    static final int CODE_TEXT_LENGTH = CODE_PREFIX.length() + Base45.encodedLength(CODE_LENGTH);
    static final int MIN_GRANT_LENGTH = IDS_OFFSET + PayloadV1.MIN_IDS_LENGTH + PayloadV1.SIGNATURE_LENGTH;
    /** Bounds a grant before it is decoded: the longest version-1 code text and the grant's extra 31 bytes. */
    static final int MAX_GRANT_TEXT_LENGTH = PayloadV1.MAX_TEXT_LENGTH + 64;
    static final int MIN_STEP_SECONDS = 15;
    static final int MAX_STEP_SECONDS = 1024;

    private PayloadV2() {}

    /** The bytes of a grant that the authority's signature covers. */
    static byte[] grantSignedPart(SharedCode scope, int stepSeconds, byte[] displayKey, long authorityKeyId) {
        byte[] ids = IdCodec.encode(scope.site(), scope.agencies());
        byte[] out = new byte[IDS_OFFSET + ids.length];
        out[0] = VERSION;
        out[1] = GRANT_KIND;
        System.arraycopy(Ed25519.keyIdBytes(authorityKeyId), 0, out, KEY_ID_OFFSET, PayloadV1.KEY_ID_LENGTH);
        scope.id().writeTo(out, GRANT_ID_OFFSET);
        PayloadV1.putSeconds(out, VALID_FROM_OFFSET, scope.validFrom());
        PayloadV1.putSeconds(out, VALID_UNTIL_OFFSET, scope.validUntil());
        out[STEP_OFFSET] = (byte) (stepSeconds >>> 8);
        out[STEP_OFFSET + 1] = (byte) stepSeconds;
        System.arraycopy(displayKey, 0, out, DISPLAY_KEY_OFFSET, Ed25519.RAW_KEY_LENGTH);
        out[COUNT_OFFSET] = (byte) scope.agencies().size();
        System.arraycopy(ids, 0, out, IDS_OFFSET, ids.length);
        return out;
    }

    /** The bytes of a rotating code that the display's signature covers. */
    static byte[] codeSignedPart(long displayKeyId, long step) {
        byte[] out = new byte[CODE_SIGNED_LENGTH];
        out[0] = VERSION;
        out[1] = CODE_KIND;
        System.arraycopy(Ed25519.keyIdBytes(displayKeyId), 0, out, KEY_ID_OFFSET, PayloadV1.KEY_ID_LENGTH);
        out[STEP_NUMBER_OFFSET] = (byte) (step >>> 24);
        out[STEP_NUMBER_OFFSET + 1] = (byte) (step >>> 16);
        out[STEP_NUMBER_OFFSET + 2] = (byte) (step >>> 8);
        out[STEP_NUMBER_OFFSET + 3] = (byte) step;
        return out;
    }

    static String text(String prefix, byte[] signedPart, byte[] signature) {
        byte[] all = Arrays.copyOf(signedPart, signedPart.length + signature.length);
        System.arraycopy(signature, 0, all, signedPart.length, signature.length);
        StringBuilder out = new StringBuilder(prefix.length() + Base45.encodedLength(all.length));
        out.append(prefix);
        Base45.encode(all, out);
        return out.toString();
    }

    /**
     * Decodes a rotating code's bytes, trusting nothing in them beyond the version, the kind and the length.
     *
     * @return the 78 bytes, or null with the reason {@code MALFORMED} recorded in {@code refusal}
     */
    static byte @Nullable [] decodeCode(String text, Refusal refusal) {
        if (text.length() != CODE_TEXT_LENGTH) {
            refusal.malformed("a rotating code text has " + CODE_TEXT_LENGTH + " characters, not " + text.length());
            return null;
        }
        byte[] bytes = Base45.decode(text, CODE_PREFIX.length(), refusal);
        if (bytes == null) {
            return null;
        }
        if (bytes[0] != VERSION || bytes[1] != CODE_KIND) {
            refusal.malformed("prefix " + CODE_PREFIX + " but version byte " + (bytes[0] & 0xFF) + " and kind byte "
                    + (bytes[1] & 0xFF) + ", not 2 and 82 ('R')");
            return null;
        }
        return bytes;
    }

    /**
     * Decodes a grant's bytes, trusting nothing in them beyond the version, the kind and the length.
     *
     * @return the bytes, or null with the reason {@code MALFORMED} recorded in {@code refusal}
     */
    static byte @Nullable [] decodeGrant(String text, Refusal refusal) {
        if (!text.startsWith(GRANT_PREFIX)) {
            refusal.malformed("a display grant starts with " + GRANT_PREFIX + ", not with '" + PayloadV1.head(text)
                    + "'");
            return null;
        }
        if (text.length() > MAX_GRANT_TEXT_LENGTH) {
            refusal.malformed("grant text of " + text.length() + " characters is longer than any grant (at most "
                    + MAX_GRANT_TEXT_LENGTH + ")");
            return null;
        }
        byte[] bytes = Base45.decode(text, GRANT_PREFIX.length(), refusal);
        if (bytes == null) {
            return null;
        }
        if (bytes.length < MIN_GRANT_LENGTH) {
            refusal.malformed("grant of " + bytes.length + " bytes is shorter than the shortest grant ("
                    + MIN_GRANT_LENGTH + " bytes)");
            return null;
        }
        if (bytes[0] != VERSION || bytes[1] != GRANT_KIND) {
            refusal.malformed("prefix " + GRANT_PREFIX + " but version byte " + (bytes[0] & 0xFF) + " and kind byte "
                    + (bytes[1] & 0xFF) + ", not 2 and 71 ('G')");
            return null;
        }
        return bytes;
    }

    /** The step number of a rotating code's bytes. */
    static long step(byte[] code) {
        return ((code[STEP_NUMBER_OFFSET] & 0xFFL) << 24) | ((code[STEP_NUMBER_OFFSET + 1] & 0xFFL) << 16)
                | ((code[STEP_NUMBER_OFFSET + 2] & 0xFFL) << 8) | (code[STEP_NUMBER_OFFSET + 3] & 0xFFL);
    }

    static long keyId(byte[] bytes) {
        return PayloadV1.longAt(bytes, KEY_ID_OFFSET);
    }

    static int stepSeconds(byte[] grant) {
        return ((grant[STEP_OFFSET] & 0xFF) << 8) | (grant[STEP_OFFSET + 1] & 0xFF);
    }

    static Instant validFrom(byte[] grant) {
        return PayloadV1.seconds(grant, VALID_FROM_OFFSET);
    }

    static Instant validUntil(byte[] grant) {
        return PayloadV1.seconds(grant, VALID_UNTIL_OFFSET);
    }
}
