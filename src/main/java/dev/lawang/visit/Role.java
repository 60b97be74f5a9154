package dev.lawang.visit;

/**
 * Whether a person checks in as a member of staff or as a guest.
 *
 * <p>Capacity limits say which roles they count: by default a limit on people present at once counts everyone, and
 * a daily quota counts guests only, because face-to-face service quotas are about the public served, not the staff
 * who serve them.
 */
public enum Role {
    /** A member of staff of an agency at the site. */
    STAFF,
    /** A visitor: a member of the public or a guest of an agency. */
    GUEST
}
