package dev.lawang.visit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A visitor, known only by a pseudonym: a keyed hash (HMAC-SHA256, truncated to 128 bits) of their national id.
 *
 * <p>The raw national id is turned into a {@code VisitorRef} at the edge, by {@link #pseudonymise(CharSequence,
 * byte[])}, and never enters any other part of the library. Without the secret, the pseudonym cannot be reversed by
 * trying every possible national id, which a plain hash would allow: national ids are short and structured. The
 * same id and the same secret always give the same pseudonym, so one visitor's visits can be found again for contact
 * tracing. Hosts that persist visits store {@link #toText()} and read it back with {@link #parse(CharSequence)}.
 *
 * <p>{@link #toString()} never shows the pseudonym, so a visitor reference that ends up in a log line reveals
 * nothing. Immutable and thread-safe.
 */
public final class VisitorRef {
    /** The shortest secret accepted, in bytes: the output size of SHA-256. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The longest national id accepted, in characters after normalisation. */
    public static final int MAX_ID_LENGTH = 64;

    private static final byte[] DOMAIN = "lawang-visitor-v1:".getBytes(StandardCharsets.US_ASCII);
    private static final int TEXT_LENGTH = 32;

    private final long high;
    private final long low;
    private final String text;

    private VisitorRef(long high, long low) {
        this.high = high;
        this.low = low;
        // Kept because the occupancy ledger keys visitors by text on every admission.
        this.text = toHex(high, low);
    }

    /**
     * Pseudonymises a national id with a secret.
     *
     * <p>The id is normalised first: whitespace, {@code '-'} and {@code '.'} are removed and ASCII letters are
     * upper-cased, so {@code "3314 0101-0101 0001"} and {@code "3314010101010001"} give the same pseudonym. What
     * remains must be 1 to {@value #MAX_ID_LENGTH} ASCII letters or digits. The pseudonym is the first 16 bytes of
     * {@code HMAC-SHA256(secret, "lawang-visitor-v1:" + normalisedId)} (the id as ASCII); docs/privacy.md has test
     * vectors. Error messages never contain the id or the secret.
     *
     * @param nationalId the visitor's national id (NIK) or another personal identifier
     * @param secret the host's secret key (a "pepper"), at least {@value #MIN_SECRET_BYTES} bytes; keep it out of
     *     the database that stores pseudonyms
     * @return the pseudonym
     * @throws IllegalArgumentException if the normalised id is empty, too long or has other characters, or the
     *     secret is too short
     */
    public static VisitorRef pseudonymise(CharSequence nationalId, byte[] secret) {
        Objects.requireNonNull(nationalId, "nationalId");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "secret must be at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        byte[] message = normalise(nationalId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(DOMAIN);
            byte[] digest = mac.doFinal(message);
            return new VisitorRef(readLong(digest, 0), readLong(digest, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        } finally {
            java.util.Arrays.fill(message, (byte) 0);
        }
    }

    /**
     * Reads a pseudonym back from its text form, as written by {@link #toText()}.
     *
     * @param text exactly 32 lowercase hexadecimal digits
     * @return the visitor reference
     * @throws IllegalArgumentException if {@code text} is not 32 lowercase hexadecimal digits; the message does not
     *     repeat the text
     */
    public static VisitorRef parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return new VisitorRef(parseHex(text, "visitor pseudonym", 0), parseHex(text, "visitor pseudonym", 16));
    }

    /**
     * Returns the pseudonym as text: 32 lowercase hexadecimal digits, for hosts that persist it.
     *
     * @return the text form, accepted by {@link #parse(CharSequence)}
     */
    public String toText() {
        return text;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VisitorRef other && high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high ^ low);
    }

    /**
     * Returns a fixed text that does not reveal the pseudonym; use {@link #toText()} to persist it.
     *
     * @return {@code "VisitorRef[redacted]"}
     */
    @Override
    public String toString() {
        return "VisitorRef[redacted]";
    }

    private static byte[] normalise(CharSequence id) {
        byte[] out = new byte[Math.min(id.length(), MAX_ID_LENGTH + 1)];
        int n = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '.') {
                continue;
            }
            boolean digit = c >= '0' && c <= '9';
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lower = c >= 'a' && c <= 'z';
            if (!(digit || upper || lower)) {
                java.util.Arrays.fill(out, (byte) 0);
                throw new IllegalArgumentException("national id may contain only ASCII letters and digits"
                        + " (and spaces, '-' or '.' as separators)");
            }
            if (n == MAX_ID_LENGTH) {
                java.util.Arrays.fill(out, (byte) 0);
                throw new IllegalArgumentException(
                        "national id must have at most " + MAX_ID_LENGTH + " letters or digits");
            }
            out[n++] = (byte) (lower ? c - ('a' - 'A') : c);
        }
        if (n == 0) {
            throw new IllegalArgumentException("national id must have at least one letter or digit");
        }
        byte[] exact = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.fill(out, (byte) 0);
        return exact;
    }

    private static long readLong(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    static long parseHex(CharSequence text, String what, int offset) {
        if (text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be " + TEXT_LENGTH + " lowercase hexadecimal digits, got " + text.length()
                            + " characters");
        }
        long v = 0;
        for (int i = offset; i < offset + 16; i++) {
            char c = text.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else {
                throw new IllegalArgumentException(
                        what + " must be " + TEXT_LENGTH + " lowercase hexadecimal digits; character " + i
                                + " is not one");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    static String toHex(long high, long low) {
        char[] out = new char[TEXT_LENGTH];
        writeHex(out, 0, high);
        writeHex(out, 16, low);
        return new String(out);
    }

    private static void writeHex(char[] out, int offset, long v) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
    }
}
