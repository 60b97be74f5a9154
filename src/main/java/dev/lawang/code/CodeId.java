package dev.lawang.code;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of a shared code: 128 random bits, written as 32 lower-case hexadecimal digits.
 *
 * <p>Revocation lists refer to codes by this id. Immutable and thread-safe.
 */
public final class CodeId implements Comparable<CodeId> {
    /** Length of an id in bytes. */
    static final int BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final long high;
    private final long low;

    private CodeId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /**
     * Returns a fresh id from a cryptographically strong random source.
     *
     * @return the id
     */
    public static CodeId random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return fromBytes(bytes, 0);
    }

    /**
     * Parses an id from its 32 lower-case hexadecimal digits.
     *
     * @param text the digits
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not 32 lower-case hexadecimal digits
     */
    public static CodeId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a code id is 32 lower-case hex digits: '" + abbreviate(text) + "'");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException("a code id is 32 lower-case hex digits: '" + text + "'");
            }
        }
        return fromBytes(HEX.parseHex(text), 0);
    }

    static CodeId fromBytes(byte[] bytes, int offset) {
        return new CodeId(longAt(bytes, offset), longAt(bytes, offset + 8));
    }

    void writeTo(byte[] target, int offset) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (high >>> (56 - 8 * i));
            target[offset + 8 + i] = (byte) (low >>> (56 - 8 * i));
        }
    }

    private static long longAt(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...(" + s.length() + " chars)";
    }

    @Override
    public int compareTo(CodeId other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CodeId other && high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    /**
     * Returns the 32 lower-case hexadecimal digits.
     *
     * @return the digits
     */
    @Override
    public String toString() {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
