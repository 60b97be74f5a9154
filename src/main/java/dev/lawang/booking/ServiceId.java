package dev.lawang.booking;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of a bookable {@link Service}: 1 to 64 characters from {@code a-z}, {@code 0-9} and {@code -}, not
 * starting with a hyphen, such as {@code "ktp-el"}. Unique among the services of a {@link BookingDesk}; ids compare
 * by their characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceId implements Comparable<ServiceId> {
    /** The longest service id. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    private final String value;

    private ServiceId(String value) {
        this.value = value;
    }

    /**
     * Returns the id with the given text.
     *
     * @param value 1 to 64 lower-case letters, digits and hyphens, not starting with a hyphen
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not of that form; the message shows at most 40
     *     characters of it
     */
    public static ServiceId of(String value) {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
            throw new IllegalArgumentException("service id must be 1 to 64 characters of a-z, 0-9 and '-', not"
                    + " starting with '-': '" + shown + "'");
        }
        return new ServiceId(value);
    }

    /**
     * Tells whether a text is a well-formed service id.
     *
     * @param value the candidate
     * @return whether {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        return ID.matcher(Objects.requireNonNull(value, "value")).matches();
    }

    /**
     * Returns the text.
     *
     * @return the text, as given to {@link #of(String)}
     */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(ServiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ServiceId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the text.
     *
     * @return the text, the same as {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
