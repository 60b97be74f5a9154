package dev.lawang.capacity;

import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The counts of a site, or of an agency at a site, at one moment: people present, the limit in force, admissions
 * today and today's quota.
 *
 * <p>{@link #present()} counts the open visits of the roles the limit counts (everyone when there is no limit);
 * {@link #admittedToday()} counts today's admissions of the roles the daily quota counts (guests when there is no
 * quota). Today is the site's local calendar day. Limits are the effective ones, after the day's level percentage.
 * After a limit is lowered, {@code present} may exceed {@code limit}: nobody is evicted.
 *
 * <p>Immutable and thread-safe.
 */
public final class Occupancy {
    private static final int NONE = -1;

    private final int present;
    private final int limit;
    private final long admittedToday;
    private final int dailyQuota;

    private Occupancy(int present, int limit, long admittedToday, int dailyQuota) {
        this.present = present;
        this.limit = limit;
        this.admittedToday = admittedToday;
        this.dailyQuota = dailyQuota;
    }

    /**
     * Returns counts without a limit or a quota.
     *
     * @param present the people present, not negative
     * @param admittedToday the admissions today, not negative
     * @return the occupancy
     * @throws IllegalArgumentException if a count is negative
     */
    public static Occupancy of(int present, long admittedToday) {
        if (present < 0 || admittedToday < 0) {
            throw new IllegalArgumentException("counts must not be negative: present " + present
                    + ", admitted today " + admittedToday);
        }
        return new Occupancy(present, NONE, admittedToday, NONE);
    }

    /**
     * Returns a copy with an effective limit on people present.
     *
     * @param limit the limit, from 0 to {@link Limit#MAX}
     * @return the occupancy
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Occupancy withLimit(int limit) {
        return new Occupancy(present, checked(limit), admittedToday, dailyQuota);
    }

    /**
     * Returns a copy with an effective daily quota.
     *
     * @param quota the quota, from 0 to {@link Limit#MAX}
     * @return the occupancy
     * @throws IllegalArgumentException if {@code quota} is out of range
     */
    public Occupancy withDailyQuota(int quota) {
        return new Occupancy(present, limit, admittedToday, checked(quota));
    }

    private static int checked(int value) {
        if (value < 0 || value > Limit.MAX) {
            throw new IllegalArgumentException("limit must be from 0 to " + Limit.MAX + ": " + value);
        }
        return value;
    }

    /**
     * Returns the people present.
     *
     * @return a count, not negative; may exceed the limit after the limit was lowered
     */
    public int present() {
        return present;
    }

    /**
     * Returns the effective limit on people present.
     *
     * @return the limit, or empty if there is none
     */
    public OptionalInt limit() {
        return limit == NONE ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Returns the admissions since the start of the site's local day.
     *
     * @return a count, not negative
     */
    public long admittedToday() {
        return admittedToday;
    }

    /**
     * Returns today's effective quota of admissions.
     *
     * @return the quota, or empty if there is none
     */
    public OptionalInt dailyQuota() {
        return dailyQuota == NONE ? OptionalInt.empty() : OptionalInt.of(dailyQuota);
    }

    /**
     * Returns how crowded the place is, from people present and the limit; see {@link CrowdLevel} for the bands.
     * Without a limit it is {@link CrowdLevel#QUIET}; with a limit of 0 it is {@link CrowdLevel#FULL}.
     *
     * @return the crowd level
     */
    public CrowdLevel crowdLevel() {
        return CrowdLevel.of(present, limit);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Occupancy other && present == other.present && limit == other.limit
                && admittedToday == other.admittedToday && dailyQuota == other.dailyQuota;
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, limit, admittedToday, dailyQuota);
    }

    @Override
    public String toString() {
        return "Occupancy[present=" + present + (limit == NONE ? "" : " of " + limit) + ", admittedToday="
                + admittedToday + (dailyQuota == NONE ? "" : " of " + dailyQuota) + "]";
    }
}
