package dev.lawang.code;

import org.jspecify.annotations.Nullable;

/**
 * Base45 (RFC 9285): two bytes as three characters of the QR alphanumeric set, a final odd byte as two.
 *
 * <p>The decoder is strict, so every byte string has exactly one accepted text: it rejects characters outside the
 * alphabet, lengths that leave one character over, and groups whose value exceeds what two bytes (or, for a final
 * pair of characters, one byte) can hold.
 */
final class Base45 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base45() {}

    static int encodedLength(int bytes) {
        return bytes / 2 * 3 + (bytes % 2) * 2;
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(encodedLength(data.length));
        encode(data, out);
        return out.toString();
    }

    static void encode(byte[] data, StringBuilder out) {
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (i < data.length) {
            int n = data[i] & 0xFF;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
    }

    /**
     * Decodes the characters {@code [from, text.length())}.
     *
     * @return the bytes, or null (with the reason {@link CodeException.Reason#MALFORMED} recorded in
     *     {@code refusal}) if the text is not canonical Base45
     */
    static byte @Nullable [] decode(CharSequence text, int from, Refusal refusal) {
        int length = text.length() - from;
        if (length % 3 == 1) {
            refusal.malformed(
                    "Base45 text of " + length + " characters: the length must not leave one character over");
            return null;
        }
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c >= VALUES.length || VALUES[c] < 0) {
                refusal.malformed("character U+" + String.format("%04X", (int) c) + " at " + at
                        + " is not in the Base45 alphabet");
                return null;
            }
        }
        byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
        int o = 0;
        int i = from;
        for (; i + 2 < text.length(); i += 3) {
            int n = VALUES[text.charAt(i)] + VALUES[text.charAt(i + 1)] * 45 + VALUES[text.charAt(i + 2)] * 2025;
            if (n > 0xFFFF) {
                refusal.malformed(
                        "Base45 group at character " + (i - from) + " has value " + n + ", above 65535");
                return null;
            }
            out[o++] = (byte) (n >>> 8);
            out[o++] = (byte) n;
        }
        if (i < text.length()) {
            int n = VALUES[text.charAt(i)] + VALUES[text.charAt(i + 1)] * 45;
            if (n > 0xFF) {
                refusal.malformed(
                        "final Base45 pair at character " + (i - from) + " has value " + n + ", above 255");
                return null;
            }
            out[o] = (byte) n;
        }
        return out;
    }
}
