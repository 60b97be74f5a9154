package dev.lawang.capacity;

/**
 * Whether a person checks in as a member of staff or as a guest.
 *
 * <p>Each limit says which roles it counts. By default a limit on people present at once counts everyone, and a
 * daily quota counts guests only, because face-to-face service quotas are about the public served, not the staff who
 * serve them.
 */
public enum Role {
    /** A member of staff of an agency at the site. */
    STAFF(0),
    /** A visitor: a member of the public or a guest of an agency. */
    GUEST(1);

    private final int index;

    Role(int index) {
        this.index = index;
    }

    /** The bit of this role in a role mask. */
    int bit() {
        return 1 << index;
    }
}
