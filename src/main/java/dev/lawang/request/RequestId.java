package dev.lawang.request;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The number a {@link RequestBook} gives a request when it is submitted: 1 for the first, then 2, 3 and so on. It
 * prints as {@code R-} and the number, such as {@code R-12}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestId implements Comparable<RequestId> {
    private static final String PREFIX = "R-";

    private final long number;

    private RequestId(long number) {
        this.number = number;
    }

    /**
     * Returns the id with the given number.
     *
     * @param number the number, {@code >= 1}
     * @return the id
     * @throws IllegalArgumentException if {@code number < 1}
     */
    public static RequestId of(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("request number must be at least 1: " + number);
        }
        return new RequestId(number);
    }

    /**
     * Parses the printed form, such as {@code R-12}: the prefix {@code R-} and a number without leading zeros.
     *
     * @param text the printed form
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static RequestId parse(String text) {
        Objects.requireNonNull(text, "text");
        String digits = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : "";
        boolean wellFormed = !digits.isEmpty() && digits.length() <= 18 && digits.charAt(0) != '0'
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!wellFormed) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
            throw new IllegalArgumentException("request id must be R- and a number without leading zeros: '"
                    + shown + "'");
        }
        return new RequestId(Long.parseLong(digits));
    }

    /**
     * Returns the number.
     *
     * @return the number, {@code >= 1}
     */
    public long number() {
        return number;
    }

    @Override
    public int compareTo(RequestId other) {
        return Long.compare(number, other.number);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestId other && number == other.number;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number);
    }

    /**
     * Returns the printed form, {@code R-} and the number, which {@link #parse(String)} reads back.
     *
     * @return the printed form
     */
    @Override
    public String toString() {
        return PREFIX + number;
    }
}
