package dev.lawang.geo;

/**
 * Where a device fix lies relative to a geofence, at a stated confidence.
 *
 * @see Geofence#locate(Fix, double)
 */
public enum Containment {
    /** The true position is inside the fence with at least the requested confidence. */
    INSIDE,
    /** The true position is outside the fence with at least the requested confidence. */
    OUTSIDE,
    /** The fix is too close to the boundary, given its accuracy, to say either with the requested confidence. */
    UNCERTAIN
}
