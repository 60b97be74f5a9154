package dev.lawang.booking;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of a {@link Booking}: a random UUID, chosen when the place is held or the walk-in registered. It
 * prints in the canonical lower-case form of 36 characters, such as {@code 3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c44}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BookingId implements Comparable<BookingId> {
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final UUID value;

    private BookingId(UUID value) {
        this.value = value;
    }

    /**
     * Returns a fresh random id.
     *
     * @return the id, from a cryptographically strong random UUID
     */
    public static BookingId random() {
        return new BookingId(UUID.randomUUID());
    }

    /**
     * Returns the id with the given UUID.
     *
     * @param value the UUID, as stored
     * @return the id
     */
    public static BookingId of(UUID value) {
        return new BookingId(Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses the printed form: the canonical lower-case UUID of 36 characters. Unlike {@link UUID#fromString}, it
     * accepts no shortened groups and no upper case, so that one id has one text.
     *
     * @param text the printed form
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not of that form; the message shows at most 40 characters
     *     of it
     */
    public static BookingId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!CANONICAL.matcher(text).matches()) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
            throw new IllegalArgumentException("booking id must be a lower-case UUID of 36 characters: '" + shown
                    + "'");
        }
        return new BookingId(UUID.fromString(text));
    }

    /**
     * Returns the UUID.
     *
     * @return the UUID, as stored
     */
    public UUID toUuid() {
        return value;
    }

    /** Orders ids as their UUIDs compare ({@link UUID#compareTo}), which makes listings of bookings repeatable. */
    @Override
    public int compareTo(BookingId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BookingId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the printed form.
     *
     * @return the canonical lower-case UUID, which {@link #parse} reads back
     */
    @Override
    public String toString() {
        return value.toString();
    }
}
