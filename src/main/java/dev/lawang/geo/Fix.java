package dev.lawang.geo;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A position reported by a device: the point, its accuracy, when it was taken and whether the operating system
 * flagged it as a mock location.
 *
 * <p>The accuracy is the radius in metres of the circle around {@link #point()} that holds the true position with
 * 68 % probability, as Android reports it. Browsers (the W3C Geolocation API) report a 95 % radius; divide such a
 * value by 1.62 before passing it here. See {@link Geofence#locate(Fix, double)} for how the accuracy is used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param point the reported position
 * @param accuracyMeters the 68 % radius in metres, finite and {@code > 0}
 * @param time when the fix was taken, or {@code null} if the device did not say
 * @param mocked whether the operating system flagged the fix as coming from a mock-location provider
 */
public record Fix(GeoPoint point, double accuracyMeters, @Nullable Instant time, boolean mocked) {
    /** The largest accuracy radius accepted, in metres (a fix this vague says nothing about a site). */
    public static final double MAX_ACCURACY_METERS = 100_000;

    /**
     * Validates the fix.
     *
     * @param point the reported position, not null
     * @param accuracyMeters the 68 % radius in metres, finite, {@code > 0} and at most {@link #MAX_ACCURACY_METERS}
     * @param time when the fix was taken, or {@code null}
     * @param mocked whether it was flagged as a mock location
     * @throws IllegalArgumentException if the accuracy is not finite, not positive or too large
     */
    public Fix {
        Objects.requireNonNull(point, "point");
        if (!(accuracyMeters > 0 && accuracyMeters <= MAX_ACCURACY_METERS)) {
            throw new IllegalArgumentException("accuracy must be a finite number of metres in (0, "
                    + MAX_ACCURACY_METERS + "]: " + accuracyMeters);
        }
    }

    /**
     * Returns a fix at a point with an accuracy, no time and not mocked.
     *
     * @param point the reported position, not null
     * @param accuracyMeters the 68 % radius in metres, finite, {@code > 0} and at most {@link #MAX_ACCURACY_METERS}
     * @return the fix
     * @throws IllegalArgumentException if the accuracy is not finite, not positive or too large
     */
    public static Fix of(GeoPoint point, double accuracyMeters) {
        return new Fix(point, accuracyMeters, null, false);
    }

    /**
     * Returns a copy of this fix taken at the given time.
     *
     * @param time when the fix was taken, not null
     * @return the new fix
     */
    public Fix at(Instant time) {
        return new Fix(point, accuracyMeters, Objects.requireNonNull(time, "time"), mocked);
    }

    /**
     * Returns a copy of this fix with the mock-location flag set as given.
     *
     * @param mocked whether the operating system flagged the fix as a mock location
     * @return the new fix
     */
    public Fix mocked(boolean mocked) {
        return new Fix(point, accuracyMeters, time, mocked);
    }
}
