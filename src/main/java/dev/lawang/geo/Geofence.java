package dev.lawang.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The area of a site: a {@linkplain #circle(GeoPoint, double) circle} or an {@linkplain #polygon(List) area} of one
 * or more polygons, possibly with holes.
 *
 * <p>Semantics that matter:
 * <ul>
 *   <li>{@link #covers(GeoPoint)} counts the boundary as inside (points within a micrometre of it).</li>
 *   <li>Polygon edges are straight lines in longitude/latitude, as in WKT, GeoJSON and JTS; at the sizes allowed
 *       here they differ from geodesics by centimetres at most.</li>
 *   <li>Distances are metres, measured in a local projection at the fence that follows the WGS84 ellipsoid's radii
 *       of curvature; within {@link #MAX_EXTENT_METERS} the error is far below GPS accuracy.</li>
 *   <li>{@link #locate(Fix, double)} takes the fix's accuracy into account and answers
 *       {@link Containment#UNCERTAIN} rather than guess.</li>
 * </ul>
 *
 * <p>Bounds, checked at construction: a circle's radius is in (0, {@link #MAX_RADIUS_METERS}]; an area's bounding
 * box is at most {@link #MAX_EXTENT_METERS} wide and high and it has at most {@link #MAX_VERTICES} vertices; every
 * point of a fence lies within {@link #MAX_ABS_LATITUDE} degrees of the equator; no ring crosses the antimeridian
 * (split such an area into two polygons of a MULTIPOLYGON instead); WKT text is at most {@link #MAX_WKT_LENGTH}
 * characters.
 *
 * <p>Immutable and thread-safe: everything a query needs is computed once at construction.
 */
public abstract sealed class Geofence permits Geofence.Circle, Geofence.Area {
    /** The confidence used by {@link #locate(Fix)}: 95 %. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** The largest circle radius accepted, in metres. */
    public static final double MAX_RADIUS_METERS = 5_000;
    /** The largest width and height of an area's bounding box, in metres. */
    public static final double MAX_EXTENT_METERS = 10_000;
    /** The largest number of vertices of an area, counting every ring. */
    public static final int MAX_VERTICES = 10_000;
    /** The longest WKT text accepted by {@link #parseWkt(String)}, in characters. */
    public static final int MAX_WKT_LENGTH = 1_000_000;
    /** The largest absolute latitude of any point of a fence, in degrees. */
    public static final double MAX_ABS_LATITUDE = 85;

    /** σ of the circular normal error is the 68 % radius divided by this: sqrt(-2 ln 0.32). */
    static final double SIGMA_PER_68_RADIUS = 1.5096;
    /** Points this close to the boundary, in metres, count as on it. */
    static final double BOUNDARY_TOLERANCE_METERS = 1e-6;

    /** Layout of the shape arrays that queries and the index read: kind, then the local frame. */
    static final int KIND = 0;
    static final int LAT0 = 1;
    static final int LON0 = 2;
    static final int KX = 3;
    static final int KY = 4;
    static final int TAN = 5;
    /** A circle's shape continues with its radius. */
    static final int RADIUS = 6;
    /** An area's shape continues with its box in local metres, its ring count and each ring's end. */
    static final int MIN_X = 6;
    static final int MAX_X = 7;
    static final int MIN_Y = 8;
    static final int MAX_Y = 9;
    static final int RINGS = 10;
    /** Where an area's cell grid starts in its shape, or 0 if it has none (see {@link Area#withCells}). */
    static final int CELLS = 11;
    static final int FIRST_RING_END = 12;
    /** A cell grid starts with its column and row counts and the cells per metre on each axis, then the cells. */
    static final int CELL_VALUES = 4;
    /** Areas with fewer edges than this have no cell grid: walking their edges is about as fast. */
    static final int CELLS_MIN_EDGES = 24;
    /** At most this many cells per area. */
    static final int CELLS_MAX = 256;
    /** Edges times cells, the construction cost of a grid, stays within this. */
    static final int CELLS_BUDGET = 1 << 13;
    static final double KIND_CIRCLE = 1;
    static final double KIND_AREA = 2;

    private static final double Z_DEFAULT = zScore(DEFAULT_CONFIDENCE);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    Geofence() {}

    /**
     * Returns a circle around a centre.
     *
     * @param centre the centre
     * @param radiusMeters the radius in metres, in (0, {@link #MAX_RADIUS_METERS}]
     * @return the circle
     * @throws IllegalArgumentException if the radius is not in range or the circle reaches beyond
     *     {@link #MAX_ABS_LATITUDE}
     */
    public static Circle circle(GeoPoint centre, double radiusMeters) {
        return new Circle(centre, radiusMeters);
    }

    /**
     * Returns the area inside one polygon ring, given as its vertices in order (either orientation). The ring may be
     * given closed (last point equal to the first) or open; it is closed if needed.
     *
     * @param ring the vertices
     * @return the area
     * @throws IllegalArgumentException if the ring has fewer than 3 distinct points, intersects itself, crosses the
     *     antimeridian or exceeds the bounds; the message says what and where
     */
    public static Area polygon(List<GeoPoint> ring) {
        Objects.requireNonNull(ring, "ring");
        Coordinate[] coordinates = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint p = Objects.requireNonNull(ring.get(i), "ring point");
            coordinates[i] = new Coordinate(p.longitude(), p.latitude());
        }
        int n = ring.size();
        if (n > 0 && coordinates[0].equals2D(coordinates[n - 1])) {
            coordinates = Arrays.copyOf(coordinates, n);
        } else if (n > 0) {
            coordinates[n] = coordinates[0].copy();
        } else {
            throw new IllegalArgumentException("polygon ring has no points; it needs at least 3 distinct points");
        }
        checkRing(coordinates, "polygon ring");
        return Area.of(FACTORY.createPolygon(coordinates));
    }

    /**
     * Parses a {@code POLYGON} or {@code MULTIPOLYGON} in WKT; holes are allowed. Coordinates are longitude then
     * latitude, as WKT defines; Z and M values are ignored.
     *
     * @param wkt the text, at most {@link #MAX_WKT_LENGTH} characters
     * @return the area
     * @throws IllegalArgumentException if the text is too long, not WKT, not a polygon or multipolygon, or the
     *     geometry is invalid or exceeds the bounds; the message says what and where
     */
    public static Area parseWkt(String wkt) {
        Objects.requireNonNull(wkt, "wkt");
        if (wkt.length() > MAX_WKT_LENGTH) {
            throw new IllegalArgumentException("WKT text is " + wkt.length() + " characters; at most "
                    + MAX_WKT_LENGTH + " are accepted");
        }
        checkNothingTrails(wkt);
        Geometry geometry;
        try {
            geometry = new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not valid WKT: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // JTS signals some malformed rings with unchecked exceptions.
            String why = e.getMessage();
            throw new IllegalArgumentException("not valid WKT: " + (why == null ? e.getClass().getSimpleName() : why),
                    e);
        }
        if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("WKT must be a POLYGON or MULTIPOLYGON, not " + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("WKT " + geometry.getGeometryType() + " is empty");
        }
        for (int p = 0; p < geometry.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(p);
            String where = geometry instanceof MultiPolygon ? "polygon " + (p + 1) + ", " : "";
            checkRing(polygon.getExteriorRing().getCoordinates(), where + "exterior ring");
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                checkRing(polygon.getInteriorRingN(h).getCoordinates(), where + "hole " + (h + 1));
            }
        }
        return Area.of(geometry);
    }

    /** JTS stops reading at the end of the first geometry; anything after it is an error here. */
    private static void checkNothingTrails(String wkt) {
        int depth = 0;
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && !wkt.substring(i + 1).isBlank()) {
                    throw new IllegalArgumentException("not valid WKT: text after the geometry at character "
                            + (i + 2));
                }
                if (depth < 0) {
                    throw new IllegalArgumentException("not valid WKT: unbalanced ')' at character " + (i + 1));
                }
            }
        }
    }

    private static void checkRing(Coordinate[] ring, String where) {
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ring.length; i++) {
            Coordinate c = ring[i];
            try {
                GeoPoint.checkLatitude(c.y);
                GeoPoint.checkLongitude(c.x);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ", vertex " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (Math.abs(c.y) > MAX_ABS_LATITUDE) {
                throw new IllegalArgumentException(where + ", vertex " + (i + 1) + ": latitude " + c.y
                        + " is beyond " + MAX_ABS_LATITUDE + " degrees, where geofences are not supported");
            }
            minLon = Math.min(minLon, c.x);
            maxLon = Math.max(maxLon, c.x);
        }
        if (maxLon - minLon > 180) {
            throw new IllegalArgumentException(where + " crosses the antimeridian (longitudes from " + minLon + " to "
                    + maxLon + "); split it into two polygons of a MULTIPOLYGON, one on each side");
        }
        long distinct = Arrays.stream(ring).map(c -> List.of(c.x, c.y)).distinct().count();
        if (distinct < 3) {
            throw new IllegalArgumentException(where + " has " + distinct + " distinct points; at least 3 are needed");
        }
    }

    /**
     * Locates a device fix relative to this fence at the {@linkplain #DEFAULT_CONFIDENCE default confidence} of
     * 95 %.
     *
     * @param fix the device fix
     * @return INSIDE, OUTSIDE or UNCERTAIN
     * @see #locate(Fix, double)
     */
    public final Containment locate(Fix fix) {
        return decide(fix, Z_DEFAULT);
    }

    /**
     * Locates a device fix relative to this fence at a given confidence.
     *
     * <p>The error model: the true position is circular-normally distributed around the reported point with
     * σ = accuracy / 1.51 per axis (the fix's accuracy is the 68 % radius). Near a boundary at signed distance
     * {@code d} (positive inside, negative outside) the probability that the true position is inside is
     * {@code P = Φ(d / σ)}, Φ being the standard normal distribution function. The answer is INSIDE when
     * {@code P >= confidence}, OUTSIDE when {@code P <= 1 - confidence}, and UNCERTAIN otherwise. At 95 % a fix
     * with 20 m accuracy is INSIDE from 21.8 m inside the boundary on, OUTSIDE from 21.8 m outside it on.
     *
     * @param fix the device fix
     * @param confidence the required probability, in (0.5, 1)
     * @return INSIDE, OUTSIDE or UNCERTAIN
     * @throws IllegalArgumentException if the confidence is not in (0.5, 1)
     */
    public final Containment locate(Fix fix, double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1): " + confidence);
        }
        return decide(fix, zScore(confidence));
    }

    private Containment decide(Fix fix, double z) {
        Objects.requireNonNull(fix, "fix");
        double band = z * fix.accuracyMeters() / SIGMA_PER_68_RADIUS;
        GeoPoint p = fix.point();
        return locate(p.latitude(), p.longitude(), band);
    }

    /**
     * Tells whether the fence covers a point; points on the boundary (within a micrometre) count as inside.
     *
     * @param point the point
     * @return whether the point is inside or on the boundary
     */
    public final boolean covers(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        return covers(point.latitude(), point.longitude());
    }

    /**
     * Returns the distance in metres from a point to the fence: 0 if the fence covers the point, otherwise the
     * distance to the nearest point of the boundary.
     *
     * @param point the point
     * @return the distance in metres, {@code >= 0}
     */
    public final double distanceTo(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        return Math.max(0, -signedDistance(point.latitude(), point.longitude()));
    }

    /**
     * Returns a point that the fence covers: the centre of a circle, or a point inside an area (not necessarily its
     * centroid, which may lie outside).
     *
     * @return a point inside the fence
     */
    public abstract GeoPoint interiorPoint();

    /** Decides against a band: INSIDE if the signed distance is at least {@code band}, OUTSIDE if at most minus it. */
    abstract Containment locate(double latitude, double longitude, double band);

    /** Covers test without allocation. */
    abstract boolean covers(double latitude, double longitude);

    /** The array that {@link #covers(double[], double, double)} reads; shared, never modified. */
    abstract double[] shape();

    /** Covers test on a shape array alone, so that the index touches nothing else. */
    static boolean covers(double[] shape, double latitude, double longitude) {
        return shape[KIND] == KIND_AREA ? Area.coversArea(shape, latitude, longitude)
                : Circle.coversCircle(shape, latitude, longitude);
    }

    /** Signed distance in metres to the boundary, positive inside. */
    abstract double signedDistance(double latitude, double longitude);

    abstract double minLatitude();

    abstract double maxLatitude();

    /** May be below -180 for a circle near the antimeridian. */
    abstract double minLongitude();

    /** May be above 180 for a circle near the antimeridian. */
    abstract double maxLongitude();

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

    /**
     * The standard normal quantile: Peter Acklam's rational approximation, relative error below 1.2e-9, ample for
     * a decision threshold.
     */
    static double zScore(double p) {
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        }
        if (p > 1 - low) {
            return -zScore(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    /**
     * A circular geofence.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Circle extends Geofence {
        private final GeoPoint centre;
        private final double radius;
        private final double kx;
        private final double ky;
        private final double tanLat;
        private final double latSpan;
        private final double lonSpan;
        private final double[] shape;

        Circle(GeoPoint centre, double radiusMeters) {
            this.centre = Objects.requireNonNull(centre, "centre");
            if (!(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_METERS)) {
                throw new IllegalArgumentException("circle radius must be a finite number of metres in (0, "
                        + MAX_RADIUS_METERS + "]: " + radiusMeters);
            }
            this.radius = radiusMeters;
            this.ky = GeoPoint.metresPerDegreeLatitude(centre.latitude());
            this.latSpan = radiusMeters / ky;
            if (Math.abs(centre.latitude()) + latSpan > MAX_ABS_LATITUDE) {
                throw new IllegalArgumentException("circle around " + centre + " reaches beyond "
                        + MAX_ABS_LATITUDE + " degrees of latitude, where geofences are not supported");
            }
            this.kx = GeoPoint.metresPerDegreeLongitude(centre.latitude());
            this.tanLat = Math.tan(Math.toRadians(centre.latitude()));
            double poleward = Math.abs(centre.latitude()) + latSpan;
            this.lonSpan = radiusMeters / GeoPoint.metresPerDegreeLongitude(poleward) * 1.001;
            this.shape = new double[] {KIND_CIRCLE, centre.latitude(), centre.longitude(), kx, ky, tanLat, radius};
        }

        /**
         * Returns the centre.
         *
         * @return the centre
         */
        public GeoPoint centre() {
            return centre;
        }

        /**
         * Returns the radius in metres.
         *
         * @return the radius
         */
        public double radiusMeters() {
            return radius;
        }

        @Override
        public GeoPoint interiorPoint() {
            return centre;
        }

        /** Distance from the centre, using the east-west scale at the mean latitude of the two points. */
        private double distanceFromCentre(double latitude, double longitude) {
            double dLat = latitude - centre.latitude();
            double dy = dLat * ky;
            double dx = wrapLongitude(longitude - centre.longitude()) * kx
                    * (1 - tanLat * Math.toRadians(dLat) * 0.5);
            return Math.sqrt(dx * dx + dy * dy);
        }

        @Override
        Containment locate(double latitude, double longitude, double band) {
            double d = radius - distanceFromCentre(latitude, longitude);
            if (d >= band) {
                return Containment.INSIDE;
            }
            return d <= -band ? Containment.OUTSIDE : Containment.UNCERTAIN;
        }

        @Override
        boolean covers(double latitude, double longitude) {
            return coversCircle(shape, latitude, longitude);
        }

        @Override
        double[] shape() {
            return shape;
        }

        /** Covers test on a circle's shape array; the same arithmetic as {@link #locate(double, double, double)}. */
        static boolean coversCircle(double[] sh, double latitude, double longitude) {
            double dLat = latitude - sh[LAT0];
            double dy = dLat * sh[KY];
            double dx = wrapLongitude(longitude - sh[LON0]) * sh[KX] * (1 - sh[TAN] * Math.toRadians(dLat) * 0.5);
            return Math.sqrt(dx * dx + dy * dy) <= sh[RADIUS] + BOUNDARY_TOLERANCE_METERS;
        }

        @Override
        double signedDistance(double latitude, double longitude) {
            double d = radius - distanceFromCentre(latitude, longitude);
            return d >= -BOUNDARY_TOLERANCE_METERS ? Math.max(d, 0) : d;
        }

        @Override
        double minLatitude() {
            return centre.latitude() - latSpan;
        }

        @Override
        double maxLatitude() {
            return centre.latitude() + latSpan;
        }

        @Override
        double minLongitude() {
            return centre.longitude() - lonSpan;
        }

        @Override
        double maxLongitude() {
            return centre.longitude() + lonSpan;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Circle c && c.centre.equals(centre) && Double.compare(c.radius, radius) == 0;
        }

        @Override
        public int hashCode() {
            return centre.hashCode() * 31 + Double.hashCode(radius);
        }

        @Override
        public String toString() {
            return "Circle[centre=" + centre.latitude() + "," + centre.longitude() + ", radius=" + radius + " m]";
        }
    }

    /**
     * A geofence made of one or more polygons, each possibly with holes.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Area extends Geofence {
        /** Raw longitude/latitude of every vertex, rings closed, in input order. */
        private final double[] lon;
        private final double[] lat;
        /** Start of each ring in the vertex arrays, plus the total at the end. */
        private final int[] ringStart;
        /** Rings per polygon: polygon p owns rings [polygonStart[p], polygonStart[p + 1]). */
        private final int[] polygonStart;
        private final boolean multi;

        /**
         * Everything a query needs, in one array so that a query touches few cache lines: the local frame
         * ({@link #LAT0} to {@link #TAN}), the bounding box in local metres, the number of rings and the end of each
         * ring, then every vertex projected once to local metres as x, y pairs, rings closed.
         */
        private final double[] shape;
        private final double minLatDeg;
        private final double maxLatDeg;
        private final double minLonDeg;
        private final double maxLonDeg;
        private final GeoPoint interior;

        private Area(Geometry geometry) {
            this.multi = geometry instanceof MultiPolygon;
            List<Coordinate[]> rings = new ArrayList<>();
            int[] polygons = new int[geometry.getNumGeometries() + 1];
            for (int p = 0; p < geometry.getNumGeometries(); p++) {
                Polygon polygon = (Polygon) geometry.getGeometryN(p);
                polygons[p] = rings.size();
                rings.add(polygon.getExteriorRing().getCoordinates());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(polygon.getInteriorRingN(h).getCoordinates());
                }
            }
            polygons[geometry.getNumGeometries()] = rings.size();
            this.polygonStart = polygons;
            int total = rings.stream().mapToInt(r -> r.length).sum();
            if (total > MAX_VERTICES) {
                throw new IllegalArgumentException("area has " + total + " vertices; at most " + MAX_VERTICES
                        + " are accepted");
            }
            this.lon = new double[total];
            this.lat = new double[total];
            this.ringStart = new int[rings.size() + 1];
            int k = 0;
            for (int r = 0; r < rings.size(); r++) {
                ringStart[r] = k;
                for (Coordinate c : rings.get(r)) {
                    lon[k] = c.x;
                    lat[k] = c.y;
                    k++;
                }
            }
            ringStart[rings.size()] = total;
            this.minLatDeg = Arrays.stream(lat).min().orElseThrow();
            this.maxLatDeg = Arrays.stream(lat).max().orElseThrow();
            this.minLonDeg = Arrays.stream(lon).min().orElseThrow();
            this.maxLonDeg = Arrays.stream(lon).max().orElseThrow();
            if (maxLonDeg - minLonDeg > 180) {
                throw new IllegalArgumentException("area crosses the antimeridian (longitudes from " + minLonDeg
                        + " to " + maxLonDeg + "); keep each polygon on one side of it");
            }
            double lat0 = (minLatDeg + maxLatDeg) / 2;
            double lon0 = (minLonDeg + maxLonDeg) / 2;
            double kx = GeoPoint.metresPerDegreeLongitude(lat0);
            double ky = GeoPoint.metresPerDegreeLatitude(lat0);
            int rings0 = ringStart.length - 1;
            int base = FIRST_RING_END + rings0;
            double[] sh = new double[base + 2 * total];
            sh[KIND] = KIND_AREA;
            sh[LAT0] = lat0;
            sh[LON0] = lon0;
            sh[KX] = kx;
            sh[KY] = ky;
            sh[TAN] = Math.tan(Math.toRadians(lat0));
            sh[RINGS] = rings0;
            for (int r = 0; r < rings0; r++) {
                sh[FIRST_RING_END + r] = base + 2.0 * ringStart[r + 1];
            }
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < total; i++) {
                double x = (lon[i] - lon0) * kx;
                double y = (lat[i] - lat0) * ky;
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
            // The widest east-west extent is at the latitude nearest the equator.
            double equatorward = minLatDeg <= 0 && maxLatDeg >= 0
                    ? 0 : Math.min(Math.abs(minLatDeg), Math.abs(maxLatDeg));
            double width = (maxLonDeg - minLonDeg) * GeoPoint.metresPerDegreeLongitude(equatorward);
            double height = maxY - minY;
            if (width > MAX_EXTENT_METERS || height > MAX_EXTENT_METERS) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "area is %.0f m wide and %.0f m high; at most %.0f m each way is accepted", width, height,
                        MAX_EXTENT_METERS));
            }
            TopologyValidationError error = new IsValidOp(geometry).getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                throw new IllegalArgumentException("invalid polygon: " + error.getMessage()
                        + (at == null ? "" : " at or near longitude " + at.x + ", latitude " + at.y));
            }
            this.shape = withCells(sh, total - rings0, maxLatDeg - minLatDeg);
            Point point = geometry.getInteriorPoint();
            this.interior = GeoPoint.of(point.getY(), point.getX());
        }

        static Area of(Geometry geometry) {
            return new Area(geometry);
        }

        /**
         * Appends a grid over the bounding box to the shape of an area with many edges: for each cell, a lower bound
         * of the distance from any point of the cell to the boundary, positive if the cell is inside, negative if
         * outside, 0 if the boundary may pass through it or near. A query in a cell whose bound is at least its band
         * is answered without walking the edges; the answer is the one the walk would give, because no edge is
         * within the band there and the parity cannot change inside the cell.
         *
         * <p>The grid costs one distance per edge and cell at construction, so its cell count shrinks as the edges
         * grow; fences with few edges, such as typical office outlines, have none and stay compact.
         */
        static double[] withCells(double[] sh, int edges, double latSpanDegrees) {
            if (edges < CELLS_MIN_EDGES) {
                return sh;
            }
            int cells = Math.min(CELLS_MAX, Math.max(1, CELLS_BUDGET / edges));
            if (cells < 4) {
                return sh;
            }
            double width = sh[MAX_X] - sh[MIN_X];
            double height = sh[MAX_Y] - sh[MIN_Y];
            int gx = (int) Math.max(1, Math.min(cells, Math.round(Math.sqrt(cells * width / height))));
            int gy = Math.max(1, cells / gx);
            double cellW = width / gx;
            double cellH = height / gy;
            // Slack for rounding in the cell index and for points up to the covers tolerance outside the box.
            double halfDiagonal = Math.hypot(cellW, cellH) / 2 + 1e-5;
            // Queries scale east-west distances by s = 1 - tan(lat0) * (lat - lat0) in radians; the bound must hold
            // for the smallest s within the box.
            double sMin = Math.min(1, 1 - Math.abs(sh[TAN]) * Math.toRadians(latSpanDegrees * 0.51 + 1e-9));
            int at = sh.length;
            double[] out = Arrays.copyOf(sh, at + CELL_VALUES + gx * gy);
            out[CELLS] = at;
            out[at] = gx;
            out[at + 1] = gy;
            out[at + 2] = gx / width;
            out[at + 3] = gy / height;
            for (int cy = 0; cy < gy; cy++) {
                for (int cx = 0; cx < gx; cx++) {
                    double d = localSignedDistance(sh, sh[MIN_X] + (cx + 0.5) * cellW, sh[MIN_Y] + (cy + 0.5) * cellH);
                    double bound = (Math.abs(d) - halfDiagonal) * sMin * (1 - 1e-9) - 1e-9;
                    out[at + CELL_VALUES + cy * gx + cx] = bound <= 0 ? 0 : Math.copySign(bound, d);
                }
            }
            return out;
        }

        /**
         * The cell grid's bound for a point in local metres (see {@link #withCells}), or 0 if the fence has no grid
         * or the point is outside the bounding box.
         */
        static double cellBound(double[] sh, double px, double py) {
            int at = (int) sh[CELLS];
            if (at == 0 || !(px >= sh[MIN_X] && px <= sh[MAX_X] && py >= sh[MIN_Y] && py <= sh[MAX_Y])) {
                return 0;
            }
            int gx = (int) sh[at];
            int gy = (int) sh[at + 1];
            int cx = Math.min(gx - 1, (int) ((px - sh[MIN_X]) * sh[at + 2]));
            int cy = Math.min(gy - 1, (int) ((py - sh[MIN_Y]) * sh[at + 3]));
            return sh[at + CELL_VALUES + cy * gx + cx];
        }

        /** Signed distance in local metres without the east-west scale correction, positive inside; for the grid. */
        private static double localSignedDistance(double[] sh, double px, double py) {
            return walkEdges(sh, px, py, 1);
        }

        /**
         * Walks every edge: signed distance in local metres to the nearest edge, positive inside (even-odd rule),
         * with the east-west part of each offset scaled by {@code s}.
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

        /**
         * Returns the area as WKT: a {@code POLYGON} or {@code MULTIPOLYGON}, longitude first, every vertex as
         * given at construction (rings closed). {@link Geofence#parseWkt(String)} reads it back to an equal area.
         *
         * @return the WKT text
         */
        public String toWkt() {
            StringBuilder out = new StringBuilder(multi ? "MULTIPOLYGON (" : "POLYGON ");
            for (int p = 0; p + 1 < polygonStart.length; p++) {
                out.append(p == 0 ? "(" : ", (");
                for (int r = polygonStart[p]; r < polygonStart[p + 1]; r++) {
                    out.append(r == polygonStart[p] ? "(" : ", (");
                    for (int i = ringStart[r]; i < ringStart[r + 1]; i++) {
                        out.append(i == ringStart[r] ? "" : ", ").append(lon[i]).append(' ').append(lat[i]);
                    }
                    out.append(')');
                }
                out.append(')');
            }
            return multi ? out.append(')').toString() : out.toString();
        }

        /**
         * Returns the polygons of this area: for each polygon its rings (the exterior first, then the holes), each
         * ring a closed list of vertices.
         *
         * @return an unmodifiable list of polygons
         */
        public List<List<List<GeoPoint>>> polygons() {
            List<List<List<GeoPoint>>> result = new ArrayList<>();
            for (int p = 0; p + 1 < polygonStart.length; p++) {
                List<List<GeoPoint>> polygon = new ArrayList<>();
                for (int r = polygonStart[p]; r < polygonStart[p + 1]; r++) {
                    List<GeoPoint> ring = new ArrayList<>();
                    for (int i = ringStart[r]; i < ringStart[r + 1]; i++) {
                        ring.add(new GeoPoint(lat[i], lon[i]));
                    }
                    polygon.add(List.copyOf(ring));
                }
                result.add(List.copyOf(polygon));
            }
            return List.copyOf(result);
        }

        /**
         * Tells whether this area consists of several polygons (a MULTIPOLYGON) rather than one.
         *
         * @return whether it is a multipolygon
         */
        public boolean isMulti() {
            return multi;
        }

        /**
         * Returns the number of vertices, counting every ring and each ring's closing vertex.
         *
         * @return the vertex count
         */
        public int vertexCount() {
            return lon.length;
        }

        @Override
        public GeoPoint interiorPoint() {
            return interior;
        }

        @Override
        double[] shape() {
            return shape;
        }

        @Override
        Containment locate(double latitude, double longitude, double band) {
            return locateArea(shape, latitude, longitude, band);
        }

        /** Locate on an area's shape array; static so that tests can compare it with and without the cell grid. */
        static Containment locateArea(double[] sh, double latitude, double longitude, double band) {
            double px = wrapLongitude(longitude - sh[LON0]) * sh[KX];
            double py = (latitude - sh[LAT0]) * sh[KY];
            // East-west scale at the query's latitude relative to the one the vertices were projected with.
            double s = 1 - sh[TAN] * Math.toRadians(latitude - sh[LAT0]);
            double ox = Math.max(0, Math.max(sh[MIN_X] - px, px - sh[MAX_X])) * s;
            double oy = Math.max(0, Math.max(sh[MIN_Y] - py, py - sh[MAX_Y]));
            double band2 = band * band;
            if (ox * ox + oy * oy >= band2) {
                return Containment.OUTSIDE;
            }
            double bound = cellBound(sh, px, py);
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
                    // Most edges are decided by comparisons alone: one whose latitude range is a band away from
                    // the point can neither be within the band nor cross the point's parallel; one a band away to
                    // the east crosses the parallel east of the point exactly when it straddles it; one a band away
                    // to the west never counts.
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

        @Override
        boolean covers(double latitude, double longitude) {
            return coversArea(shape, latitude, longitude);
        }

        /** Covers test on an area's shape array; static so that the index can call it on the array alone. */
        static boolean coversArea(double[] sh, double latitude, double longitude) {
            double px = wrapLongitude(longitude - sh[LON0]) * sh[KX];
            double py = (latitude - sh[LAT0]) * sh[KY];
            double tolerance = BOUNDARY_TOLERANCE_METERS * 2;
            if (px < sh[MIN_X] - tolerance || px > sh[MAX_X] + tolerance || py < sh[MIN_Y] - tolerance
                    || py > sh[MAX_Y] + tolerance) {
                return false;
            }
            double bound = cellBound(sh, px, py);
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

        @Override
        double signedDistance(double latitude, double longitude) {
            double[] sh = shape;
            double px = wrapLongitude(longitude - sh[LON0]) * sh[KX];
            double py = (latitude - sh[LAT0]) * sh[KY];
            double s = 1 - sh[TAN] * Math.toRadians(latitude - sh[LAT0]);
            double d = walkEdges(sh, px, py, s);
            return Math.abs(d) <= BOUNDARY_TOLERANCE_METERS ? 0 : d;
        }

        @Override
        double minLatitude() {
            return minLatDeg;
        }

        @Override
        double maxLatitude() {
            return maxLatDeg;
        }

        @Override
        double minLongitude() {
            return minLonDeg;
        }

        @Override
        double maxLongitude() {
            return maxLonDeg;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Area a && a.multi == multi && Arrays.equals(a.lon, lon) && Arrays.equals(a.lat, lat)
                    && Arrays.equals(a.ringStart, ringStart) && Arrays.equals(a.polygonStart, polygonStart);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(lon) * 31 + Arrays.hashCode(lat);
        }

        @Override
        public String toString() {
            String wkt = toWkt();
            return wkt.length() <= 200 ? wkt : wkt.substring(0, 200) + "...(" + lon.length + " vertices)";
        }
    }
}
