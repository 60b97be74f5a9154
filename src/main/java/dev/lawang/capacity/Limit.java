package dev.lawang.capacity;

import dev.lawang.visit.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A nominal limit and the roles it counts: people present at once, or admissions per local day.
 *
 * <p>The nominal value is what the policy states; the effective value on a day is the nominal value scaled by the
 * percentage of the {@link LevelSchedule} in force that day, rounded down: {@code floor(nominal * percent / 100)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Limit {
    /** The largest nominal value accepted: larger values are taken as an overflow in the caller's arithmetic. */
    public static final int MAX = 1_000_000_000;

    private final int nominal;
    private final int roleMask;

    private Limit(int nominal, int roleMask) {
        this.nominal = nominal;
        this.roleMask = roleMask;
    }

    /**
     * Returns a limit.
     *
     * @param nominal the nominal value, from 0 (nobody) to {@link #MAX}
     * @param roles the roles it counts; not empty
     * @return the limit
     * @throws IllegalArgumentException if {@code nominal} is negative or above {@link #MAX}, or {@code roles} is
     *     empty
     */
    public static Limit of(int nominal, Set<Role> roles) {
        if (nominal < 0 || nominal > MAX) {
            throw new IllegalArgumentException("limit must be from 0 to " + MAX + ": " + nominal);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a limit must count at least one role");
        }
        int mask = 0;
        for (Role role : roles) {
            mask |= bit(role);
        }
        return new Limit(nominal, mask);
    }

    /**
     * Returns the nominal value, before any level percentage.
     *
     * @return the nominal value
     */
    public int nominal() {
        return nominal;
    }

    /**
     * Returns the roles this limit counts.
     *
     * @return an unmodifiable, non-empty set
     */
    public Set<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (counts(role)) {
                roles.add(role);
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    /**
     * Tells whether this limit counts people of a role.
     *
     * @param role the role
     * @return whether people of {@code role} count towards this limit
     */
    public boolean counts(Role role) {
        return (roleMask & bit(Objects.requireNonNull(role, "role"))) != 0;
    }

    /**
     * Returns the effective value under a level percentage: {@code floor(nominal * percent / 100)}.
     *
     * @param percent the percentage from 0 to 100
     * @return the effective value, from 0 to {@link #nominal()}
     * @throws IllegalArgumentException if {@code percent} is outside 0 to 100
     */
    public int scaled(int percent) {
        LevelSchedule.checkPercent(percent);
        return (int) ((long) nominal * percent / 100);
    }

    int roleMask() {
        return roleMask;
    }

    /** The bit of a role in a role mask: 1 for staff, 2 for guests (the schema's masks use the same bits). */
    static int bit(Role role) {
        return role == Role.STAFF ? 1 : 2;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Limit other && nominal == other.nominal && roleMask == other.roleMask;
    }

    @Override
    public int hashCode() {
        return 31 * nominal + roleMask;
    }

    @Override
    public String toString() {
        return nominal + " " + roles();
    }
}
