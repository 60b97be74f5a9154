package dev.lawang;

import dev.lawang.capacity.CapacityRefusal;
import dev.lawang.code.CodeException;

/**
 * Why a gate refused a check-in or a walk-in. docs/check-in.md says what a host should tell the visitor for each.
 *
 * <p>The first seven mirror {@link CodeException.Reason}: the scanned code itself was refused.
 */
public enum RefusalReason {
    /** The scanned text is not a Lawang code (another system's code, a damaged or truncated scan). */
    MALFORMED,
    /** The code has a format version this library does not know. */
    UNSUPPORTED_VERSION,
    /** The code is signed by a key the gate does not trust. */
    UNKNOWN_KEY,
    /** The code's signature does not match: forged or altered. */
    BAD_SIGNATURE,
    /** The code is not valid yet. */
    NOT_YET_VALID,
    /** The code is no longer valid. */
    EXPIRED,
    /** The code was revoked. */
    REVOKED,
    /** The code's site, or the walk-in's site, is not in the directory. */
    UNKNOWN_SITE,
    /** The code does not cover the agency the visitor came for; for a walk-in, the agency does not work at the site. */
    AGENCY_NOT_COVERED,
    /** The health rule needs a status and none was given. */
    STATUS_REQUIRED,
    /** The health rule refuses the visitor's status. */
    STATUS_REFUSED,
    /** The location rule needs a position and none was given. */
    LOCATION_REQUIRED,
    /** The phone's operating system flagged the position as mocked. */
    LOCATION_SUSPICIOUS,
    /** The position was taken too long before the check-in (or too far in the future). */
    LOCATION_STALE,
    /** The position is outside the site's geofence. */
    OUTSIDE_GEOFENCE,
    /** The position is too imprecise to tell whether it is inside the geofence. */
    LOCATION_UNCERTAIN,
    /** A walk-in did not pass the manual screening. */
    SCREENING_FAILED,
    /** The site has as many people present as its limit allows. */
    SITE_FULL,
    /** The agency has as many people present at the site as its limit allows. */
    AGENCY_FULL,
    /** Today's face-to-face quota is used up. */
    DAILY_QUOTA_REACHED;

    static RefusalReason of(CodeException.Reason reason) {
        return switch (reason) {
            case MALFORMED -> MALFORMED;
            case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case NOT_YET_VALID -> NOT_YET_VALID;
            case EXPIRED -> EXPIRED;
            case REVOKED -> REVOKED;
        };
    }

    static RefusalReason of(CapacityRefusal refusal) {
        return switch (refusal) {
            case SITE_FULL -> SITE_FULL;
            case AGENCY_FULL -> AGENCY_FULL;
            case DAILY_QUOTA_REACHED -> DAILY_QUOTA_REACHED;
        };
    }

    /**
     * Tells whether the scanned code itself was refused, as opposed to the visitor or the moment.
     *
     * @return whether this is one of the seven code reasons
     */
    public boolean isCodeProblem() {
        return switch (this) {
            case MALFORMED, UNSUPPORTED_VERSION, UNKNOWN_KEY, BAD_SIGNATURE, NOT_YET_VALID, EXPIRED, REVOKED -> true;
            default -> false;
        };
    }
}
