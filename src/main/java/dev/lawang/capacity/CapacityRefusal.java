package dev.lawang.capacity;

/**
 * The limit that refused an admission.
 *
 * <p>When several limits are exhausted at once, the ledger names the first in this order: the site, the agency, then
 * the daily quota (the site's quota before the agency's).
 */
public enum CapacityRefusal {
    /** The people present at the site, counted by the site's limit, already reach it. */
    SITE_FULL,
    /** The people present for the agency at the site, counted by the agency's limit, already reach it. */
    AGENCY_FULL,
    /** Today's admissions, counted by a daily quota of the site or of the agency, already reach it. */
    DAILY_QUOTA_REACHED
}
