package dev.lawang;

import dev.lawang.geo.Containment;
import dev.lawang.geo.Fix;
import dev.lawang.geo.Geofence;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a gate checks that the visitor is at the site: the phone's {@link Fix} against the site's geofence.
 *
 * <p>{@link #requireInside()}, the default, admits only a fix that is {@link Containment#INSIDE} the geofence at the
 * confidence of {@link Geofence#locate(Fix, double)}; {@link #allowUncertain()} also admits
 * {@link Containment#UNCERTAIN} (a large accuracy circle straddling the fence); {@link #ignore()} checks nothing. The
 * two checking rules refuse, in this order: no fix ({@link RefusalReason#LOCATION_REQUIRED}); a fix the phone's
 * operating system flagged as mocked ({@link RefusalReason#LOCATION_SUSPICIOUS}); a fix taken more than
 * {@link #maxFixAge()} before the check-in ({@link RefusalReason#LOCATION_STALE}; a fix without a time counts as
 * taken now, and a fix up to that age in the future is accepted as clock skew); then
 * {@link RefusalReason#OUTSIDE_GEOFENCE} or {@link RefusalReason#LOCATION_UNCERTAIN}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LocationRule {
    /** The default greatest age of a fix: two minutes. */
    public static final Duration DEFAULT_MAX_FIX_AGE = Duration.ofMinutes(2);

    private enum Mode { INSIDE, UNCERTAIN_ALLOWED, IGNORE }

    private final Mode mode;
    private final Duration maxFixAge;
    private final double confidence;

    private LocationRule(Mode mode, Duration maxFixAge, double confidence) {
        this.mode = mode;
        this.maxFixAge = maxFixAge;
        this.confidence = confidence;
    }

    /**
     * Returns the rule that admits only fixes inside the geofence.
     *
     * @return the rule
     */
    public static LocationRule requireInside() {
        return new LocationRule(Mode.INSIDE, DEFAULT_MAX_FIX_AGE, Geofence.DEFAULT_CONFIDENCE);
    }

    /**
     * Returns the rule that admits fixes inside the geofence or too imprecise to tell.
     *
     * @return the rule
     */
    public static LocationRule allowUncertain() {
        return new LocationRule(Mode.UNCERTAIN_ALLOWED, DEFAULT_MAX_FIX_AGE, Geofence.DEFAULT_CONFIDENCE);
    }

    /**
     * Returns the rule that checks no location at all; a fix, if given, is ignored.
     *
     * @return the rule
     */
    public static LocationRule ignore() {
        return new LocationRule(Mode.IGNORE, DEFAULT_MAX_FIX_AGE, Geofence.DEFAULT_CONFIDENCE);
    }

    /**
     * Returns this rule with another greatest fix age.
     *
     * @param age how old a fix may be; positive
     * @return the rule
     * @throws IllegalArgumentException if {@code age} is zero or negative
     */
    public LocationRule withMaxFixAge(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("max fix age must be positive: " + age);
        }
        return new LocationRule(mode, age, confidence);
    }

    /**
     * Returns this rule deciding inside or outside at another confidence (see {@link Geofence#locate(Fix, double)}).
     *
     * @param level the confidence, strictly between 0.5 and 1
     * @return the rule
     * @throws IllegalArgumentException if {@code level} is not strictly between 0.5 and 1
     */
    public LocationRule withConfidence(double level) {
        if (!(level > 0.5 && level < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0.5 and 1: " + level);
        }
        return new LocationRule(mode, maxFixAge, level);
    }

    /**
     * Returns the greatest age of a fix.
     *
     * @return the age
     */
    public Duration maxFixAge() {
        return maxFixAge;
    }

    /**
     * Returns the confidence at which a fix is decided inside or outside.
     *
     * @return the confidence
     */
    public double confidence() {
        return confidence;
    }

    /**
     * Tells whether this rule checks anything.
     *
     * @return false for {@link #ignore()}
     */
    public boolean isChecking() {
        return mode != Mode.IGNORE;
    }

    /**
     * Returns the refusal this rule makes for a fix at a fence, as a gate checks it; an offline kiosk checks with it
     * too.
     *
     * @param fix the phone's position, or null if the host has none
     * @param fence the site's geofence
     * @param now the instant of the check-in
     * @return the refusal reason, or null if the rule admits the fix
     */
    public @Nullable RefusalReason check(@Nullable Fix fix, Geofence fence, Instant now) {
        if (mode == Mode.IGNORE) {
            return null;
        }
        if (fix == null) {
            return RefusalReason.LOCATION_REQUIRED;
        }
        if (fix.mocked()) {
            return RefusalReason.LOCATION_SUSPICIOUS;
        }
        Instant taken = fix.time();
        if (taken != null && (taken.isBefore(now.minus(maxFixAge)) || taken.isAfter(now.plus(maxFixAge)))) {
            return RefusalReason.LOCATION_STALE;
        }
        Containment where = fence.locate(fix, confidence);
        if (where == Containment.OUTSIDE) {
            return RefusalReason.OUTSIDE_GEOFENCE;
        }
        if (where == Containment.UNCERTAIN && mode == Mode.INSIDE) {
            return RefusalReason.LOCATION_UNCERTAIN;
        }
        return null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LocationRule other && mode == other.mode && maxFixAge.equals(other.maxFixAge)
                && confidence == other.confidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, maxFixAge, confidence);
    }

    @Override
    public String toString() {
        return "LocationRule[" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", max fix age " + maxFixAge
                + ", confidence " + confidence + "]";
    }
}
