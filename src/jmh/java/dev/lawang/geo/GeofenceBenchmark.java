package dev.lawang.geo;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Geofence#locate(Fix)} on a 64-vertex office polygon and on a circle, against JTS point-in-polygon tests
 * (which ignore accuracy) and a circle test with the full geodesic distance, on the same fixes in the same run.
 *
 * <p>The fixes lie uniformly in a disc of twice the fence's size around it, with accuracies of 5 to 50 m, so about
 * a quarter are inside, many are near the boundary, and the rest outside.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeofenceBenchmark {
    private static final int MASK = 4095;
    private static final GeoPoint CENTRE = GeoPoint.of(-7.4265, 111.0210);
    private static final double SIZE = 150;

    private Geofence.Area polygon;
    private Geofence.Circle circle;
    private Polygon jtsPolygon;
    private PreparedGeometry jtsPrepared;
    private final Fix[] fixes = new Fix[MASK + 1];
    private final Point[] points = new Point[MASK + 1];
    private int next;

    /** Creates the benchmark state; JMH calls this. */
    public GeofenceBenchmark() {}

    /** Builds the fences and the fixes. */
    @Setup
    public void setUp() {
        Random random = new Random(64);
        double ky = GeoPoint.metresPerDegreeLatitude(CENTRE.latitude());
        double kx = GeoPoint.metresPerDegreeLongitude(CENTRE.latitude());
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        int n = 64;
        for (int i = 0; i <= n; i++) {
            double angle = 2 * Math.PI * (i % n) / n;
            double r = SIZE * (0.6 + 0.4 * new Random(i % n).nextDouble());
            wkt.append(i == 0 ? "" : ", ").append(CENTRE.longitude() + r * Math.cos(angle) / kx).append(' ')
                    .append(CENTRE.latitude() + r * Math.sin(angle) / ky);
        }
        wkt.append("))");
        polygon = Geofence.parseWkt(wkt.toString());
        circle = Geofence.circle(CENTRE, SIZE);
        try {
            jtsPolygon = (Polygon) new WKTReader().read(wkt.toString());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        jtsPrepared = PreparedGeometryFactory.prepare(jtsPolygon);
        GeometryFactory factory = new GeometryFactory();
        for (int i = 0; i <= MASK; i++) {
            double r = 2 * SIZE * Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            GeoPoint p = GeoPoint.of(CENTRE.latitude() + r * Math.sin(angle) / ky,
                    CENTRE.longitude() + r * Math.cos(angle) / kx);
            fixes[i] = Fix.of(p, 5 + 45 * random.nextDouble());
            points[i] = factory.createPoint(new Coordinate(p.longitude(), p.latitude()));
        }
    }

    /**
     * Lawang: accuracy-aware location on the polygon.
     *
     * @return the containment
     */
    @Benchmark
    public Containment polygonLocate() {
        return polygon.locate(fixes[next++ & MASK]);
    }

    /**
     * Lawang: point coverage on the polygon.
     *
     * @return whether covered
     */
    @Benchmark
    public boolean polygonCovers() {
        return polygon.covers(fixes[next++ & MASK].point());
    }

    /**
     * Baseline: unprepared JTS {@code Polygon.contains}.
     *
     * @return whether contained
     */
    @Benchmark
    public boolean baselineJtsPolygonContains() {
        return jtsPolygon.contains(points[next++ & MASK]);
    }

    /**
     * Baseline: JTS {@code PreparedGeometry.contains}.
     *
     * @return whether contained
     */
    @Benchmark
    public boolean baselineJtsPreparedContains() {
        return jtsPrepared.contains(points[next++ & MASK]);
    }

    /**
     * Lawang: accuracy-aware location on the circle.
     *
     * @return the containment
     */
    @Benchmark
    public Containment circleLocate() {
        return circle.locate(fixes[next++ & MASK]);
    }

    /**
     * Baseline: the circle test done with the full ellipsoidal distance ({@link GeoPoint#distanceTo}).
     *
     * @return whether within the radius
     */
    @Benchmark
    public boolean baselineCircleByGeodesicDistance() {
        return fixes[next++ & MASK].point().distanceTo(CENTRE) <= SIZE;
    }
}
