package dev.lawang.directory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A government agency: a regional agency (OPD), a section of one, a health centre, a sub-district office and so on,
 * optionally nested under a parent agency (the sections of the regional secretariat under {@code setda}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier
 * @param name the display name: not blank, at most {@value #MAX_NAME_LENGTH} characters, no control characters
 * @param parent the parent agency, or {@code null} for a top-level agency
 */
public record Agency(AgencyId id, String name, @Nullable AgencyId parent) {
    /** The longest name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * Validates the agency.
     *
     * @param id the identifier
     * @param name the display name
     * @param parent the parent agency, or {@code null}
     * @throws IllegalArgumentException if the name is blank, too long or has control characters, or the agency is
     *     its own parent
     */
    public Agency {
        Objects.requireNonNull(id, "id");
        name = checkName(name, "agency " + id);
        if (id.equals(parent)) {
            throw new IllegalArgumentException("agency " + id + " cannot be its own parent");
        }
    }

    /**
     * Returns a top-level agency.
     *
     * @param id the identifier slug, such as {@code "diskominfo"}
     * @param name the display name
     * @return the agency
     * @throws IllegalArgumentException if the id is not a valid slug or the name is not acceptable
     */
    public static Agency of(String id, String name) {
        return new Agency(AgencyId.of(id), name, null);
    }

    /**
     * Returns a top-level agency.
     *
     * @param id the identifier
     * @param name the display name
     * @return the agency
     * @throws IllegalArgumentException if the name is not acceptable
     */
    public static Agency of(AgencyId id, String name) {
        return new Agency(id, name, null);
    }

    /**
     * Returns a copy of this agency nested under a parent.
     *
     * @param parentId the parent agency
     * @return the new agency
     * @throws IllegalArgumentException if {@code parentId} is this agency's own id
     */
    public Agency withParent(AgencyId parentId) {
        return new Agency(id, name, Objects.requireNonNull(parentId, "parentId"));
    }

    /**
     * Returns a copy of this agency without a parent.
     *
     * @return the new agency
     */
    public Agency withoutParent() {
        return new Agency(id, name, null);
    }

    static String checkName(@Nullable String name, String owner) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name of " + owner + " must be 1 to " + MAX_NAME_LENGTH
                    + " characters, not blank, without control characters: '" + AgencyId.abbreviate(name) + "'");
        }
        return name.strip();
    }
}
