package dev.lawang.geo;

/**
 * The flat array a geofence answers its queries from, its "shape", and the circle's query on it.
 *
 * <p>A shape starts with the fence's kind and a local frame: the origin's latitude and longitude in degrees, metres
 * per degree east and north at the origin, and the tangent of the origin's latitude (for the east-west scale
 * correction). A circle's shape continues with its radius; an area's is laid out in {@link AreaShape}. Queries are
 * static methods on the array, so that {@link GeofenceIndex} touches one array per candidate and every call site stays
 * monomorphic.
 *
 * <p>Shapes are built once and never modified; they are shared freely between threads.
 */
final class Shape {
    static final int KIND = 0;
    static final int LAT0 = 1;
    static final int LON0 = 2;
    static final int KX = 3;
    static final int KY = 4;
    static final int TAN = 5;
    /** A circle's shape continues with its radius in metres. */
    static final int RADIUS = 6;
    static final double KIND_CIRCLE = 1;
    static final double KIND_AREA = 2;

    /** Points this close to the boundary, in metres, count as on it. */
    static final double BOUNDARY_TOLERANCE_METERS = 1e-6;

    private Shape() {}

    /** A circle's shape: its centre as the origin, the scales at the centre, then the radius. */
    static double[] circle(GeoPoint centre, double kx, double ky, double tanLat, double radiusMeters) {
        return new double[] {KIND_CIRCLE, centre.latitude(), centre.longitude(), kx, ky, tanLat, radiusMeters};
    }

    /** Covers test on a shape array alone, so that the index touches nothing else. */
    static boolean covers(double[] shape, double latitude, double longitude) {
        return shape[KIND] == KIND_AREA ? AreaShape.covers(shape, latitude, longitude)
                : coversCircle(shape, latitude, longitude);
    }

    /**
     * Covers test on a circle's shape: the same arithmetic as {@link Geofence.Circle}'s distance from the centre,
     * with the east-west scale taken at the mean latitude of the centre and the point.
     */
    static boolean coversCircle(double[] sh, double latitude, double longitude) {
        double dLat = latitude - sh[LAT0];
        double dy = dLat * sh[KY];
        double dx = wrapLongitude(longitude - sh[LON0]) * sh[KX] * (1 - sh[TAN] * Math.toRadians(dLat) * 0.5);
        return Math.sqrt(dx * dx + dy * dy) <= sh[RADIUS] + BOUNDARY_TOLERANCE_METERS;
    }

    /** The longitude difference brought into [-180, 180], so that fences near the antimeridian work. */
    static double wrapLongitude(double delta) {
        if (delta > 180) {
            return delta - 360;
        }
        if (delta < -180) {
            return delta + 360;
        }
        return delta;
    }
}
