package dev.lawang.capacity;

/**
 * How crowded a place is, in the bands of Singapore's "Space Out" service.
 *
 * <p>With {@code present} people counted and an effective limit {@code limit}, the level is {@link #FULL} when
 * {@code present >= limit}; otherwise the whole percentage {@code p = floor(100 * present / limit)} (computed in
 * {@code long} arithmetic) decides: {@link #QUIET} for {@code p < 50}, {@link #MODERATE} for {@code 50 <= p <= 75},
 * {@link #BUSY} for {@code 76 <= p <= 99}. So 49.9 % is quiet, 75.9 % is moderate and 99.9 % is busy. A limit of
 * {@code 0} admits nobody, so it is always {@link #FULL}; without a limit the level is always {@link #QUIET}, because
 * nothing restricts admission.
 */
public enum CrowdLevel {
    /** Below half of the limit. */
    QUIET,
    /** From half to three quarters of the limit. */
    MODERATE,
    /** Above three quarters of the limit but not yet at it. */
    BUSY,
    /** At or above the limit: new admissions counted by the limit are refused. */
    FULL;

    static CrowdLevel of(long present, int limit) {
        if (limit < 0) {
            return QUIET;
        }
        if (present >= limit) {
            return FULL;
        }
        long percent = 100 * present / limit;
        if (percent < 50) {
            return QUIET;
        }
        return percent <= 75 ? MODERATE : BUSY;
    }
}
