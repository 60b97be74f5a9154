package dev.lawang.visit;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of one visit, printed on the visitor's ticket and used to check out: 128 bits, written as 32
 * lowercase hexadecimal digits.
 *
 * <p>A ticket id identifies a visit; it is not a credential. A host that lets visitors check out by ticket id
 * authorises the request itself (for example, by the visitor's session). Immutable and thread-safe.
 */
public final class TicketId implements Comparable<TicketId> {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long high;
    private final long low;

    private TicketId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /**
     * Returns the ticket id made of two 64-bit halves.
     *
     * @param high the first 64 bits
     * @param low the last 64 bits
     * @return the ticket id
     */
    public static TicketId of(long high, long low) {
        return new TicketId(high, low);
    }

    /**
     * Returns a ticket id drawn from a {@link SecureRandom}.
     *
     * @return a fresh random ticket id
     */
    public static TicketId random() {
        return new TicketId(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /**
     * Parses a ticket id from its text form.
     *
     * @param text exactly 32 lowercase hexadecimal digits
     * @return the ticket id
     * @throws IllegalArgumentException if {@code text} is not 32 lowercase hexadecimal digits
     */
    public static TicketId parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return new TicketId(VisitorRef.parseHex(text, "ticket id", 0), VisitorRef.parseHex(text, "ticket id", 16));
    }

    /**
     * Returns the first 64 bits.
     *
     * @return the high half
     */
    public long high() {
        return high;
    }

    /**
     * Returns the last 64 bits.
     *
     * @return the low half
     */
    public long low() {
        return low;
    }

    /**
     * Returns the same 128 bits as a UUID, for storage in a database column of type {@code uuid}.
     *
     * @return the UUID
     */
    public UUID toUuid() {
        return new UUID(high, low);
    }

    @Override
    public int compareTo(TicketId other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TicketId other && high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    /**
     * Returns the text form: 32 lowercase hexadecimal digits, accepted by {@link #parse(CharSequence)}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return VisitorRef.toHex(high, low);
    }
}
