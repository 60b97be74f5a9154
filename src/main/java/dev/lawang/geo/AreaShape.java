package dev.lawang.geo;

import static dev.lawang.geo.Shape.BOUNDARY_TOLERANCE_METERS;
import static dev.lawang.geo.Shape.KIND;
import static dev.lawang.geo.Shape.KIND_AREA;
import static dev.lawang.geo.Shape.KX;
import static dev.lawang.geo.Shape.KY;
import static dev.lawang.geo.Shape.LAT0;
import static dev.lawang.geo.Shape.LON0;
import static dev.lawang.geo.Shape.TAN;

/**
 * An area's shape and the queries on it: covers, locate against a band, and the signed distance.
 *
 * <p>After the local frame of {@link Shape} (origin at the centre of the bounding box in degrees) an area's shape
 * holds its bounding box in local metres, its number of rings, where its {@link CellGrid} starts (0 if it has none),
 * the end of each ring, then every vertex projected once to local metres as x, y pairs, rings closed, and finally
 * the cell grid if there is one. Everything a query needs is in this one array, so that it touches few cache lines.
 *
 * <p>Every query brings the point into the frame, corrects east-west offsets for the scale at the point's latitude,
 * and walks the edges with the even-odd rule; most edges are dismissed by comparisons alone.
 */
final class AreaShape {
    static final int MIN_X = 6;
    static final int MAX_X = 7;
    static final int MIN_Y = 8;
    static final int MAX_Y = 9;
    static final int RINGS = 10;
    /** Where the area's cell grid starts in its shape, or 0 if it has none. */
    static final int CELLS = 11;
    static final int FIRST_RING_END = 12;

    private AreaShape() {}

    /** Projects the vertices into the frame at the centre of their bounding box; no cell grid yet. */
    static double[] of(Rings rings) {
        double lat0 = (rings.minLatitude + rings.maxLatitude) / 2;
        double lon0 = (rings.minLongitude + rings.maxLongitude) / 2;
        double kx = GeoPoint.metresPerDegreeLongitude(lat0);
        double ky = GeoPoint.metresPerDegreeLatitude(lat0);
        int ringCount = rings.ringCount();
        int total = rings.vertexCount();
        int base = FIRST_RING_END + ringCount;
        double[] sh = new double[base + 2 * total];
        sh[KIND] = KIND_AREA;
        sh[LAT0] = lat0;
        sh[LON0] = lon0;
        sh[KX] = kx;
        sh[KY] = ky;
        sh[TAN] = Math.tan(Math.toRadians(lat0));
        sh[RINGS] = ringCount;
        for (int r = 0; r < ringCount; r++) {
            sh[FIRST_RING_END + r] = base + 2.0 * rings.ringStart[r + 1];
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < total; i++) {
            double x = (rings.lon[i] - lon0) * kx;
            double y = (rings.lat[i] - lat0) * ky;
            sh[base + 2 * i] = x;
            sh[base + 2 * i + 1] = y;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        sh[MIN_X] = minX;
        sh[MAX_X] = maxX;
        sh[MIN_Y] = minY;
        sh[MAX_Y] = maxY;
        return sh;
    }

    /** Whether the area covers the point, boundary (within the tolerance) included. */
    static boolean covers(double[] sh, double latitude, double longitude) {
        double px = Shape.wrapLongitude(longitude - sh[LON0]) * sh[KX];
        double py = (latitude - sh[LAT0]) * sh[KY];
        double tolerance = BOUNDARY_TOLERANCE_METERS * 2;
        if (px < sh[MIN_X] - tolerance || px > sh[MAX_X] + tolerance || py < sh[MIN_Y] - tolerance
                || py > sh[MAX_Y] + tolerance) {
            return false;
        }
        double bound = CellGrid.cellBound(sh, px, py);
        if (Math.abs(bound) > tolerance) {
            // The boundary is farther than the tolerance, so the cell's side decides.
            return bound > 0;
        }
        double s = 1 - sh[TAN] * Math.toRadians(latitude - sh[LAT0]);
        double tolerance2 = BOUNDARY_TOLERANCE_METERS * BOUNDARY_TOLERANCE_METERS;
        boolean inside = false;
        int rings = (int) sh[RINGS];
        int j = FIRST_RING_END + rings;
        for (int r = 0; r < rings; r++) {
            int end = (int) sh[FIRST_RING_END + r] - 2;
            for (; j < end; j += 2) {
                double y1 = sh[j + 1];
                double y2 = sh[j + 3];
                boolean crosses = (y1 > py) != (y2 > py);
                if (!crosses && ((y1 - py > BOUNDARY_TOLERANCE_METERS && y2 - py > BOUNDARY_TOLERANCE_METERS)
                        || (py - y1 > BOUNDARY_TOLERANCE_METERS && py - y2 > BOUNDARY_TOLERANCE_METERS))) {
                    continue;
                }
                double x1 = sh[j];
                double x2 = sh[j + 2];
                // As in locate: an edge clearly east of the point counts if it crosses, one clearly west never.
                if (x1 - px > tolerance && x2 - px > tolerance) {
                    inside ^= crosses;
                    continue;
                }
                if (px - x1 > tolerance && px - x2 > tolerance) {
                    continue;
                }
                double dx = x2 - x1;
                double dy = y2 - y1;
                double ax = px - x1;
                double ay = py - y1;
                // The crossing lies east of the point when the cross product has the sign opposite to dy; no
                // division needed. A zero cross product means the point is on the edge's line.
                double cross = ax * dy - ay * dx;
                if (crosses && cross != 0 && (cross < 0) == (dy > 0)) {
                    inside = !inside;
                }
                double len2 = dx * dx + dy * dy;
                // Only a point near the edge's line can be on the edge: |cross| / length is that distance.
                if (cross * cross <= 4 * tolerance2 * len2) {
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (ax * dx + ay * dy) / len2));
                    double ex = (ax - t * dx) * s;
                    double ey = ay - t * dy;
                    if (ex * ex + ey * ey <= tolerance2) {
                        return true;
                    }
                }
            }
            j = end + 2;
        }
        return inside;
    }

    /**
     * Decides against a band in metres: INSIDE if the point is at least {@code band} inside the boundary, OUTSIDE if
     * at least {@code band} outside, UNCERTAIN if an edge is nearer than the band.
     */
    static Containment locate(double[] sh, double latitude, double longitude, double band) {
        double px = Shape.wrapLongitude(longitude - sh[LON0]) * sh[KX];
        double py = (latitude - sh[LAT0]) * sh[KY];
        // East-west scale at the query's latitude relative to the one the vertices were projected with.
        double s = 1 - sh[TAN] * Math.toRadians(latitude - sh[LAT0]);
        double ox = Math.max(0, Math.max(sh[MIN_X] - px, px - sh[MAX_X])) * s;
        double oy = Math.max(0, Math.max(sh[MIN_Y] - py, py - sh[MAX_Y]));
        double band2 = band * band;
        if (ox * ox + oy * oy >= band2) {
            return Containment.OUTSIDE;
        }
        double bound = CellGrid.cellBound(sh, px, py);
        if (bound >= band && band > 0) {
            return Containment.INSIDE;
        }
        if (-bound >= band && band > 0) {
            return Containment.OUTSIDE;
        }
        double bandX = band / s;
        boolean inside = false;
        int rings = (int) sh[RINGS];
        int j = FIRST_RING_END + rings;
        for (int r = 0; r < rings; r++) {
            int end = (int) sh[FIRST_RING_END + r] - 2;
            for (; j < end; j += 2) {
                double y1 = sh[j + 1];
                double y2 = sh[j + 3];
                // Most edges are decided by comparisons alone: one whose latitude range is a band away from the
                // point can neither be within the band nor cross the point's parallel; one a band away to the east
                // crosses the parallel east of the point exactly when it straddles it; one a band away to the west
                // never counts.
                if ((y1 - py >= band && y2 - py >= band) || (py - y1 >= band && py - y2 >= band)) {
                    continue;
                }
                double x1 = sh[j];
                double x2 = sh[j + 2];
                boolean straddles = (y1 > py) != (y2 > py);
                if (x1 - px >= bandX && x2 - px >= bandX) {
                    inside ^= straddles;
                    continue;
                }
                if (px - x1 >= bandX && px - x2 >= bandX) {
                    continue;
                }
                double dx = x2 - x1;
                double dy = y2 - y1;
                double ax = px - x1;
                double ay = py - y1;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (ax * dx + ay * dy) / len2));
                double ex = (ax - t * dx) * s;
                double ey = ay - t * dy;
                if (ex * ex + ey * ey < band2) {
                    return Containment.UNCERTAIN;
                }
                if (straddles && ax < dx * ay / dy) {
                    inside = !inside;
                }
            }
            j = end + 2;
        }
        return inside ? Containment.INSIDE : Containment.OUTSIDE;
    }

    /** Signed distance in metres to the boundary, positive inside; 0 within the boundary tolerance. */
    static double signedDistance(double[] sh, double latitude, double longitude) {
        double px = Shape.wrapLongitude(longitude - sh[LON0]) * sh[KX];
        double py = (latitude - sh[LAT0]) * sh[KY];
        double s = 1 - sh[TAN] * Math.toRadians(latitude - sh[LAT0]);
        double d = walkEdges(sh, px, py, s);
        return Math.abs(d) <= BOUNDARY_TOLERANCE_METERS ? 0 : d;
    }

    /** Signed distance in local metres without the east-west scale correction, positive inside; for the grid. */
    static double localSignedDistance(double[] sh, double px, double py) {
        return walkEdges(sh, px, py, 1);
    }

    /**
     * Walks every edge: signed distance in local metres to the nearest edge, positive inside (even-odd rule), with
     * the east-west part of each offset scaled by {@code s}.
     */
    private static double walkEdges(double[] sh, double px, double py, double s) {
        double best = Double.POSITIVE_INFINITY;
        boolean inside = false;
        int rings = (int) sh[RINGS];
        int j = FIRST_RING_END + rings;
        for (int r = 0; r < rings; r++) {
            int end = (int) sh[FIRST_RING_END + r] - 2;
            for (; j < end; j += 2) {
                double x1 = sh[j];
                double y1 = sh[j + 1];
                double dx = sh[j + 2] - x1;
                double dy = sh[j + 3] - y1;
                double ax = px - x1;
                double ay = py - y1;
                if ((y1 > py) != (sh[j + 3] > py) && ax < dx * ay / dy) {
                    inside = !inside;
                }
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (ax * dx + ay * dy) / len2));
                double ex = (ax - t * dx) * s;
                double ey = ay - t * dy;
                best = Math.min(best, ex * ex + ey * ey);
            }
            j = end + 2;
        }
        double d = Math.sqrt(best);
        return inside ? d : -d;
    }
}
