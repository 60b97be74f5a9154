package dev.lawang.geo;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

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
 * point of a fence lies within {@link #MAX_ABS_LATITUDE} degrees of the equator; an area lies on one side of the
 * antimeridian, all its polygons together (a circle may reach across it); WKT text is at most
 * {@link #MAX_WKT_LENGTH} characters.
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

    /**
     * The narrowest band a fix is decided against, in metres: the kernels compare squared distances, and a band whose
     * square underflows to zero would put every point outside.
     */
    static final double MIN_BAND_METERS = 1e-9;

    private static final double Z_DEFAULT = NormalQuantile.zScore(DEFAULT_CONFIDENCE);

    Geofence() {}

    /**
     * Returns a circle around a centre.
     *
     * @param centre the centre, within {@link #MAX_ABS_LATITUDE} degrees of the equator together with the radius
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
     * @param ring the vertices, at least 3 distinct points
     * @return the area
     * @throws IllegalArgumentException if the ring has fewer than 3 distinct points, intersects itself, crosses the
     *     antimeridian or exceeds the bounds; the message says what and where
     */
    public static Area polygon(List<GeoPoint> ring) {
        return new Area(AreaReader.ring(ring));
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
        return new Area(AreaReader.wkt(wkt));
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
     * {@code P >= confidence}, OUTSIDE when {@code P <= 1 - confidence}, and UNCERTAIN otherwise: with
     * {@code z = Φ⁻¹(confidence)}, a fix at least {@code z·σ} inside the boundary is INSIDE and one at least
     * {@code z·σ} outside it is OUTSIDE, so a fix exactly that far from the boundary is decided. At 95 % a fix with
     * 20 m accuracy is INSIDE from 21.8 m inside the boundary on, OUTSIDE from 21.8 m outside it on. A band
     * narrower than a nanometre is taken as a nanometre.
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
        return decide(fix, NormalQuantile.zScore(confidence));
    }

    private Containment decide(Fix fix, double z) {
        Objects.requireNonNull(fix, "fix");
        double band = Math.max(MIN_BAND_METERS, z * fix.accuracyMeters() / SIGMA_PER_68_RADIUS);
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

    /** The array that {@link Shape#covers(double[], double, double)} reads; shared, never modified. */
    abstract double[] shape();

    /** Signed distance in metres to the boundary, positive inside; 0 on the boundary within its tolerance. */
    abstract double signedDistance(double latitude, double longitude);

    abstract double minLatitude();

    abstract double maxLatitude();

    /** May be below -180 for a circle near the antimeridian. */
    abstract double minLongitude();

    /** May be above 180 for a circle near the antimeridian. */
    abstract double maxLongitude();

    /**
     * A circular geofence: every point within the radius of the centre, measured on the ellipsoid.
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
            this.shape = Shape.circle(centre, kx, ky, tanLat, radius);
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
         * @return the radius, in (0, {@link #MAX_RADIUS_METERS}]
         */
        public double radiusMeters() {
            return radius;
        }

        @Override
        public GeoPoint interiorPoint() {
            return centre;
        }

        /**
         * Distance from the centre, using the east-west scale at the mean latitude of the two points; the same
         * arithmetic as {@link Shape#coversCircle}, on fields rather than the shape for the locate path.
         */
        private double distanceFromCentre(double latitude, double longitude) {
            double dLat = latitude - centre.latitude();
            double dy = dLat * ky;
            double dx = Shape.wrapLongitude(longitude - centre.longitude()) * kx
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
            return Shape.coversCircle(shape, latitude, longitude);
        }

        @Override
        double[] shape() {
            return shape;
        }

        @Override
        double signedDistance(double latitude, double longitude) {
            double d = radius - distanceFromCentre(latitude, longitude);
            return d >= -Shape.BOUNDARY_TOLERANCE_METERS ? Math.max(d, 0) : d;
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
        public boolean equals(@Nullable Object o) {
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
     * A geofence made of one or more polygons, each possibly with holes. Two areas are equal when they have the same
     * vertices in the same rings and order, as given.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Area extends Geofence {
        private final Rings rings;
        private final double[] shape;
        private final GeoPoint interior;

        /** Builds an area from a geometry whose rings passed {@link AreaRules#checkRing}; checks the whole area. */
        private Area(Geometry geometry) {
            this.rings = Rings.of(geometry);
            AreaRules.checkAntimeridian(rings);
            double[] sh = AreaShape.of(rings);
            AreaRules.checkExtent(rings, sh[AreaShape.MAX_Y] - sh[AreaShape.MIN_Y]);
            AreaRules.checkValid(geometry);
            this.shape = CellGrid.withCells(sh, rings.vertexCount() - rings.ringCount(),
                    rings.maxLatitude - rings.minLatitude);
            Point point = geometry.getInteriorPoint();
            this.interior = GeoPoint.of(point.getY(), point.getX());
        }

        /**
         * Returns the area as WKT: a {@code POLYGON} or {@code MULTIPOLYGON}, longitude first, every vertex as
         * given at construction (rings closed). {@link Geofence#parseWkt(String)} reads it back to an equal area.
         *
         * @return the WKT text
         */
        public String toWkt() {
            return rings.toWkt();
        }

        /**
         * Returns the polygons of this area: for each polygon its rings (the exterior first, then the holes), each
         * ring a closed list of vertices.
         *
         * @return an unmodifiable list of polygons
         */
        public List<List<List<GeoPoint>>> polygons() {
            return rings.polygons();
        }

        /**
         * Tells whether this area consists of several polygons (a MULTIPOLYGON) rather than one.
         *
         * @return whether it is a multipolygon
         */
        public boolean isMulti() {
            return rings.multi;
        }

        /**
         * Returns the number of vertices, counting every ring and each ring's closing vertex.
         *
         * @return the vertex count
         */
        public int vertexCount() {
            return rings.vertexCount();
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
            return AreaShape.locate(shape, latitude, longitude, band);
        }

        @Override
        boolean covers(double latitude, double longitude) {
            return AreaShape.covers(shape, latitude, longitude);
        }

        @Override
        double signedDistance(double latitude, double longitude) {
            return AreaShape.signedDistance(shape, latitude, longitude);
        }

        @Override
        double minLatitude() {
            return rings.minLatitude;
        }

        @Override
        double maxLatitude() {
            return rings.maxLatitude;
        }

        @Override
        double minLongitude() {
            return rings.minLongitude;
        }

        @Override
        double maxLongitude() {
            return rings.maxLongitude;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Area a && a.rings.equals(rings);
        }

        @Override
        public int hashCode() {
            return rings.hashCode();
        }

        @Override
        public String toString() {
            String wkt = toWkt();
            return wkt.length() <= 200 ? wkt : wkt.substring(0, 200) + "...(" + vertexCount() + " vertices)";
        }
    }
}
