package dev.lawang.directory;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of an agency: a slug of 1 to 64 characters from {@code a-z}, {@code 0-9} and {@code -}, starting and
 * ending with a letter or digit, such as {@code "diskominfo"}. Ids compare by their slugs' characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class AgencyId implements Comparable<AgencyId> {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private final String value;

    private AgencyId(String value) {
        this.value = value;
    }

    /**
     * Returns the id with the given slug.
     *
     * @param value the slug: 1 to 64 characters of {@code a-z}, {@code 0-9} and {@code -}, starting and ending with a
     *     letter or digit
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid slug; the message shows at most 80 characters
     *     of it
     */
    public static AgencyId of(String value) {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("agency id must be 1 to 64 characters of a-z, 0-9 and '-', starting and"
                    + " ending with a letter or digit: '" + abbreviate(value) + "'");
        }
        return new AgencyId(value);
    }

    /**
     * Tells whether a string is a valid slug for this id type.
     *
     * @param value the candidate
     * @return whether {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        return value.length() <= 64 && SLUG.matcher(value).matches();
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...(" + value.length() + " chars)";
    }

    /**
     * Returns the slug.
     *
     * @return the slug, as given to {@link #of(String)}
     */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(AgencyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AgencyId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the slug.
     *
     * @return the slug, the same as {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
