package dev.lawang.request;

/**
 * Where an agency stands in a {@link CoverageReport}. Every state but {@link #COVERED} means the agency must screen
 * its visitors by hand.
 */
public enum CoverageState {
    /** A valid, unrevoked code covers the agency at a site where it works. */
    COVERED,
    /** Not covered, and a request covering the agency is submitted or approved. */
    PENDING,
    /** Not covered, nothing pending, and the latest request covering the agency was rejected. */
    REJECTED,
    /** Not covered and nothing pending or rejected: no code, no request. */
    NONE
}
