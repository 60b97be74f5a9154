package dev.lawang.capacity;

import dev.lawang.visit.Role;
import org.jspecify.annotations.Nullable;

/**
 * The counts of a place in {@link InMemoryLedger} (a site, or an agency at a site) and its limits in force today.
 * Counts are plain fields rather than arrays indexed by role, so that an admission at a site whose data is not in
 * the processor's cache touches as few cache lines as possible.
 *
 * <p>Mutable; guarded by the lock of the site.
 */
class Counts {
    static final int NONE = -1;
    static final int EVERYONE = Limit.bit(Role.STAFF) | Limit.bit(Role.GUEST);
    static final int GUESTS = Limit.bit(Role.GUEST);

    int presentStaff;
    int presentGuests;
    long admittedStaff;
    long admittedGuests;
    int limit = NONE;
    int limitMask = EVERYONE;
    int quota = NONE;
    int quotaMask = GUESTS;

    final void enter(Role role) {
        if (role == Role.STAFF) {
            presentStaff++;
            admittedStaff++;
        } else {
            presentGuests++;
            admittedGuests++;
        }
    }

    /** Counts one person present under another role, without a new admission. */
    final void swapPresent(Role from, Role to) {
        leave(from);
        if (to == Role.STAFF) {
            presentStaff++;
        } else {
            presentGuests++;
        }
    }

    /** Takes one admission off the day's count, for a place that was never used. */
    final void unadmit(Role role) {
        if (role == Role.STAFF) {
            admittedStaff = Math.max(0, admittedStaff - 1);
        } else {
            admittedGuests = Math.max(0, admittedGuests - 1);
        }
    }

    final void leave(Role role) {
        if (role == Role.STAFF) {
            presentStaff--;
        } else {
            presentGuests--;
        }
    }

    final long present(int mask) {
        return (long) ((mask & Limit.bit(Role.STAFF)) != 0 ? presentStaff : 0) + ((mask & GUESTS) != 0 ? presentGuests : 0);
    }

    final long admitted(int mask) {
        return ((mask & Limit.bit(Role.STAFF)) != 0 ? admittedStaff : 0) + ((mask & GUESTS) != 0 ? admittedGuests : 0);
    }

    final void startDay() {
        admittedStaff = 0;
        admittedGuests = 0;
    }

    final void limits(@Nullable Limit present,
            @Nullable Limit daily, int percent) {
        limit = present == null ? NONE : present.scaled(percent);
        limitMask = present == null ? EVERYONE : present.roleMask();
        quota = daily == null ? NONE : daily.scaled(percent);
        quotaMask = daily == null ? GUESTS : daily.roleMask();
    }

    final Occupancy occupancy() {
        Occupancy occupancy = Occupancy.of((int) present(limitMask), admitted(quotaMask));
        if (limit != NONE) {
            occupancy = occupancy.withLimit(limit);
        }
        if (quota != NONE) {
            occupancy = occupancy.withDailyQuota(quota);
        }
        return occupancy;
    }
}
