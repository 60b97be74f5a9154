package dev.lawang.directory;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Directory#sitesAt(GeoPoint)} over many polygon sites, against stock JTS ({@code STRtree} over envelopes,
 * then {@code PreparedGeometry.covers}) on the same sites and points in the same run.
 *
 * <p>Sites are office polygons of 8 to 16 vertices and 30 to 120 m across, one per 0.25 km² on average, so the
 * covered region grows with the count (100,000 sites cover a square of about 158 km, 1,000,000 one of 500 km, about
 * the spread of a province and of Java). Half the query points are inside a random site, half anywhere in the region.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SitesAtBenchmark {
    private static final int MASK = 8191;
    private static final double LAT0 = -7.0;
    private static final double LON0 = 110.0;

    /** The number of sites. */
    @Param({"100000", "1000000"})
    public int sites;

    private List<Site> siteList;
    private Directory directory;
    private STRtree strtree;
    private final GeoPoint[] queries = new GeoPoint[MASK + 1];
    private final Point[] jtsQueries = new Point[MASK + 1];
    private int next;

    /** Creates the benchmark state; JMH calls this. */
    public SitesAtBenchmark() {}

    /** Generates the sites, the directory, the JTS baseline index and the query points. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(sites);
        double side = Math.sqrt(sites * 250_000.0);
        double ky = 110_600;
        double kx = 110_320;
        Agency agency = Agency.of("opd", "Organisasi Perangkat Daerah");
        siteList = new ArrayList<>(sites);
        GeometryFactory factory = new GeometryFactory();
        strtree = new STRtree();
        for (int i = 0; i < sites; i++) {
            double lat = LAT0 - side * random.nextDouble() / ky;
            double lon = LON0 + side * random.nextDouble() / kx;
            int n = 8 + random.nextInt(9);
            double size = 15 + 45 * random.nextDouble();
            Coordinate[] ring = new Coordinate[n + 1];
            List<GeoPoint> points = new ArrayList<>(n);
            for (int v = 0; v < n; v++) {
                double angle = 2 * Math.PI * v / n;
                double r = size * (0.7 + 0.3 * random.nextDouble());
                GeoPoint p = GeoPoint.of(lat + r * Math.sin(angle) / ky, lon + r * Math.cos(angle) / kx);
                points.add(p);
                ring[v] = new Coordinate(p.longitude(), p.latitude());
            }
            ring[n] = ring[0];
            siteList.add(Site.builder(SiteId.of("site-" + i)).name("Site " + i).geofence(Geofence.polygon(points))
                    .tenants(agency.id()).build());
            if (sites <= 100_000) {
                Polygon polygon = factory.createPolygon(ring);
                strtree.insert(polygon.getEnvelopeInternal(), PreparedGeometryFactory.prepare(polygon));
            }
        }
        strtree.build();
        directory = Directory.builder().agencies(agency).sites(siteList).build();
        for (int q = 0; q <= MASK; q++) {
            GeoPoint p = q % 2 == 0
                    ? siteList.get(random.nextInt(sites)).geofence().interiorPoint()
                    : GeoPoint.of(LAT0 - side * random.nextDouble() / ky, LON0 + side * random.nextDouble() / kx);
            queries[q] = p;
            jtsQueries[q] = factory.createPoint(new Coordinate(p.longitude(), p.latitude()));
        }
    }

    /**
     * Lawang: the directory's spatial index.
     *
     * @return the sites found
     */
    @Benchmark
    public List<Site> sitesAt() {
        return directory.sitesAt(queries[next++ & MASK]);
    }

    /**
     * Baseline: JTS {@code STRtree} query, then {@code PreparedGeometry.covers} on each candidate (built for
     * 100,000 sites only; at 1,000,000 the tree is empty and this measures nothing).
     *
     * @return the number of sites found
     */
    @Benchmark
    public int baselineJtsStrtreePrepared() {
        Point point = jtsQueries[next++ & MASK];
        Envelope envelope = point.getEnvelopeInternal();
        int found = 0;
        for (Object candidate : strtree.query(envelope)) {
            if (((PreparedGeometry) candidate).covers(point)) {
                found++;
            }
        }
        return found;
    }
}
