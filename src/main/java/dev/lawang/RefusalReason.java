package dev.lawang;

import dev.lawang.capacity.Admission;
import dev.lawang.code.CodeException;

/**
 * Why a gate refused a check-in or a walk-in, each with its one plain English {@linkplain #sentence() sentence}.
 * {@code docs/check-in.md} says what a host should tell the visitor for each.
 *
 * <p>The first twelve are the reasons a scanned code itself is refused ({@link CodeException.Reason}), the last
 * three the limits of the capacity rules ({@link Admission.Reason}); their sentences are those reasons' sentences.
 */
public enum RefusalReason {
    /** See {@link CodeException.Reason#MALFORMED}. */
    MALFORMED(CodeException.Reason.MALFORMED.sentence()),
    /** See {@link CodeException.Reason#UNSUPPORTED_VERSION}. */
    UNSUPPORTED_VERSION(CodeException.Reason.UNSUPPORTED_VERSION.sentence()),
    /** See {@link CodeException.Reason#UNKNOWN_KEY}. */
    UNKNOWN_KEY(CodeException.Reason.UNKNOWN_KEY.sentence()),
    /** See {@link CodeException.Reason#BAD_SIGNATURE}. */
    BAD_SIGNATURE(CodeException.Reason.BAD_SIGNATURE.sentence()),
    /** See {@link CodeException.Reason#NOT_YET_VALID}. */
    NOT_YET_VALID(CodeException.Reason.NOT_YET_VALID.sentence()),
    /** See {@link CodeException.Reason#EXPIRED}. */
    EXPIRED(CodeException.Reason.EXPIRED.sentence()),
    /** See {@link CodeException.Reason#REVOKED}. */
    REVOKED(CodeException.Reason.REVOKED.sentence()),
    /** See {@link CodeException.Reason#STALE}. */
    STALE(CodeException.Reason.STALE.sentence()),
    /** See {@link CodeException.Reason#FROM_THE_FUTURE}. */
    FROM_THE_FUTURE(CodeException.Reason.FROM_THE_FUTURE.sentence()),
    /** See {@link CodeException.Reason#FOREIGN_CODE}. */
    FOREIGN_CODE(CodeException.Reason.FOREIGN_CODE.sentence()),
    /** See {@link CodeException.Reason#KEY_MISUSED}. */
    KEY_MISUSED(CodeException.Reason.KEY_MISUSED.sentence()),
    /** See {@link CodeException.Reason#GRANT_OUTLIVES_KEY}. */
    GRANT_OUTLIVES_KEY(CodeException.Reason.GRANT_OUTLIVES_KEY.sentence()),
    /**
     * The site requires rotating codes from its display ({@code Site#requiresRotatingCode()}), and the code scanned
     * is a printed poster or a registered foreign poster.
     */
    ROTATING_CODE_REQUIRED("This site admits only with the code on its screen, not with a printed poster."),
    /** The code's site, or the walk-in's site, is not in the directory. */
    UNKNOWN_SITE("The site is not in the directory."),
    /** The code does not cover the agency the visitor came for; for a walk-in, the agency does not work at the site. */
    AGENCY_NOT_COVERED("The agency is not covered here."),
    /** The health rule needs a status and none was given. */
    STATUS_REQUIRED("A health status is required."),
    /** The health rule refuses the visitor's status. */
    STATUS_REFUSED("The visitor's health status is refused here."),
    /** The location rule needs a position and none was given. */
    LOCATION_REQUIRED("A position is required."),
    /** The phone's operating system flagged the position as mocked. */
    LOCATION_SUSPICIOUS("The position is flagged as mocked."),
    /** The position was taken too long before the check-in (or too far in the future). */
    LOCATION_STALE("The position is too old."),
    /** The position is outside the site's geofence. */
    OUTSIDE_GEOFENCE("The position is outside the site's geofence."),
    /** The position is too imprecise to tell whether it is inside the geofence. */
    LOCATION_UNCERTAIN("The position is too imprecise to tell whether it is inside the site."),
    /** A walk-in did not pass the manual screening. */
    SCREENING_FAILED("The manual screening did not pass."),
    /** See {@link Admission.Reason#SITE_FULL}. */
    SITE_FULL(Admission.Reason.SITE_FULL.sentence()),
    /** See {@link Admission.Reason#AGENCY_FULL}. */
    AGENCY_FULL(Admission.Reason.AGENCY_FULL.sentence()),
    /** See {@link Admission.Reason#DAILY_QUOTA_REACHED}. */
    DAILY_QUOTA_REACHED(Admission.Reason.DAILY_QUOTA_REACHED.sentence());

    private final String sentence;

    RefusalReason(String sentence) {
        this.sentence = sentence;
    }

    /**
     * Returns the reason in one plain English sentence, the start of every {@link Decision.Refused#detail()} with
     * this reason.
     *
     * @return the sentence
     */
    public String sentence() {
        return sentence;
    }

    /**
     * Tells whether the scanned code itself was refused, as opposed to the visitor or the moment.
     *
     * @return whether this is one of the twelve {@link CodeException.Reason}s
     */
    public boolean isCodeProblem() {
        return switch (this) {
            case MALFORMED, UNSUPPORTED_VERSION, UNKNOWN_KEY, BAD_SIGNATURE, NOT_YET_VALID, EXPIRED, REVOKED, STALE,
                    FROM_THE_FUTURE, FOREIGN_CODE, KEY_MISUSED, GRANT_OUTLIVES_KEY -> true;
            default -> false;
        };
    }

    /**
     * Returns the refusal for a code that did not verify, as a gate gives it; an offline kiosk decides with it too.
     *
     * @param reason why the code was rejected
     * @return the refusal reason of the same name
     */
    public static RefusalReason of(CodeException.Reason reason) {
        return switch (reason) {
            case MALFORMED -> MALFORMED;
            case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case NOT_YET_VALID -> NOT_YET_VALID;
            case EXPIRED -> EXPIRED;
            case REVOKED -> REVOKED;
            case STALE -> STALE;
            case FROM_THE_FUTURE -> FROM_THE_FUTURE;
            case FOREIGN_CODE -> FOREIGN_CODE;
            case KEY_MISUSED -> KEY_MISUSED;
            case GRANT_OUTLIVES_KEY -> GRANT_OUTLIVES_KEY;
        };
    }

    static RefusalReason of(Admission.Reason reason) {
        return switch (reason) {
            case SITE_FULL -> SITE_FULL;
            case AGENCY_FULL -> AGENCY_FULL;
            case DAILY_QUOTA_REACHED -> DAILY_QUOTA_REACHED;
        };
    }

    /** This reason's sentence, then what is particular to one refusal: the one place a refusal is worded. */
    String detail(String particulars) {
        return particulars.isEmpty() ? sentence() : sentence() + " " + particulars;
    }

    /** What a capacity refusal adds to its reason's sentence: the count and the limit. */
    static String particulars(Admission.Refused refused) {
        return refused.reason() == Admission.Reason.DAILY_QUOTA_REACHED
                ? refused.count() + " admitted today, quota " + refused.limit() + "."
                : refused.count() + " present, limit " + refused.limit() + ".";
    }
}
