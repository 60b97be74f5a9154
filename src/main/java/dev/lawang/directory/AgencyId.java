package dev.lawang.directory;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of an agency: a slug of 1 to 64 characters from {@code a-z}, {@code 0-9} and
 * {@code -}, starting and ending with a letter or digit, such as {@code "diskominfo"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the slug
 */
public record AgencyId(String value) implements Comparable<AgencyId> {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /**
     * Validates the slug.
     *
     * @param value the slug
     * @throws IllegalArgumentException if {@code value} is not a valid slug
     */
    public AgencyId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("agency id must be 1 to 64 characters of a-z, 0-9 and '-', starting and"
                    + " ending with a letter or digit: '" + abbreviate(value) + "'");
        }
    }

    /**
     * Returns the id with the given slug.
     *
     * @param value the slug
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid slug
     */
    public static AgencyId of(String value) {
        return new AgencyId(value);
    }

    /**
     * Parses an id from text; the same as {@link #of(String)}.
     *
     * @param text the slug
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a valid slug
     */
    public static AgencyId parse(String text) {
        return new AgencyId(text);
    }

    /**
     * Tells whether a string is a valid slug for this id type.
     *
     * @param value the candidate
     * @return whether {@code of(value)} would succeed
     */
    public static boolean isValid(String value) {
        return value.length() <= 64 && SLUG.matcher(value).matches();
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...(" + value.length() + " chars)";
    }

    @Override
    public int compareTo(AgencyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
