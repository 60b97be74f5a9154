package dev.lawang.directory;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
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
 * {@link Directory#sitesAt(GeoPoint)} over 100,000 and 1,000,000 polygon sites, against stock JTS ({@code STRtree}
 * over envelopes, then {@code PreparedGeometry.covers}) on the same 100,000 sites and points in the same run.
 *
 * <p>Sites are office polygons of 8 to 16 vertices and 30 to 120 m across, one per 0.25 km² on average, so the
 * covered region grows with the count (100,000 sites cover a square of about 158 km, 1,000,000 one of 500 km, about
 * the spread of a province and of Java). Half the query points are inside a random site, half anywhere in the region.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SitesAtBenchmark {
    private static final int MASK = 8191;
    private static final double LAT0 = -7.0;
    private static final double LON0 = 110.0;
    private static final double KY = 110_600;
    private static final double KX = 110_320;

    /** Creates the benchmark; JMH calls this. */
    public SitesAtBenchmark() {}

    /** The sites and points, generated from a seed, so both states see the same data. */
    private record Data(List<List<GeoPoint>> rings, GeoPoint[] queries) {
        static Data generate(int count) {
            Random random = new Random(count);
            double side = Math.sqrt(count * 250_000.0);
            List<List<GeoPoint>> rings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double lat = LAT0 - side * random.nextDouble() / KY;
                double lon = LON0 + side * random.nextDouble() / KX;
                int n = 8 + random.nextInt(9);
                double size = 15 + 45 * random.nextDouble();
                List<GeoPoint> ring = new ArrayList<>(n);
                for (int v = 0; v < n; v++) {
                    double angle = 2 * Math.PI * v / n;
                    double r = size * (0.7 + 0.3 * random.nextDouble());
                    ring.add(GeoPoint.of(lat + r * Math.sin(angle) / KY, lon + r * Math.cos(angle) / KX));
                }
                rings.add(ring);
            }
            GeoPoint[] queries = new GeoPoint[MASK + 1];
            for (int q = 0; q <= MASK; q++) {
                if (q % 2 == 0) {
                    List<GeoPoint> ring = rings.get(random.nextInt(count));
                    // The centre of a star-shaped office polygon is inside it.
                    queries[q] = GeoPoint.of(ring.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow(),
                            ring.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow());
                } else {
                    queries[q] = GeoPoint.of(LAT0 - side * random.nextDouble() / KY,
                            LON0 + side * random.nextDouble() / KX);
                }
            }
            return new Data(rings, queries);
        }
    }

    /** Lawang's directory over the sites. */
    @State(Scope.Benchmark)
    public static class Lawang {
        /** The number of sites. */
        @Param({"100000", "1000000"})
        public int sites;

        Directory directory;
        GeoPoint[] queries;

        /** Creates the state; JMH calls this. */
        public Lawang() {}

        /** Generates the sites and builds the directory. */
        @Setup(Level.Trial)
        public void setUp() {
            Data data = Data.generate(sites);
            Agency agency = Agency.of("opd", "Organisasi Perangkat Daerah");
            List<Site> list = new ArrayList<>(sites);
            for (int i = 0; i < sites; i++) {
                list.add(Site.builder(SiteId.of("site-" + i)).name("Site " + i)
                        .geofence(Geofence.polygon(data.rings().get(i))).tenants(agency.id()).build());
            }
            directory = Directory.builder().agencies(agency).sites(list).build();
            queries = data.queries();
        }
    }

    /** The JTS baseline over the same 100,000 sites. */
    @State(Scope.Benchmark)
    public static class Jts {
        STRtree tree;
        Point[] queries;

        /** Creates the state; JMH calls this. */
        public Jts() {}

        /** Generates the sites and builds the tree. */
        @Setup(Level.Trial)
        public void setUp() {
            Data data = Data.generate(100_000);
            GeometryFactory factory = new GeometryFactory();
            tree = new STRtree();
            for (List<GeoPoint> ring : data.rings()) {
                Coordinate[] coordinates = new Coordinate[ring.size() + 1];
                for (int v = 0; v < ring.size(); v++) {
                    coordinates[v] = new Coordinate(ring.get(v).longitude(), ring.get(v).latitude());
                }
                coordinates[ring.size()] = coordinates[0];
                Polygon polygon = factory.createPolygon(coordinates);
                tree.insert(polygon.getEnvelopeInternal(), PreparedGeometryFactory.prepare(polygon));
            }
            tree.build();
            queries = new Point[MASK + 1];
            for (int q = 0; q <= MASK; q++) {
                GeoPoint p = data.queries()[q];
                queries[q] = factory.createPoint(new Coordinate(p.longitude(), p.latitude()));
            }
        }
    }

    /** The position in the query points, per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        /** Creates the state; JMH calls this. */
        public Cursor() {}
    }

    /**
     * Lawang: the directory's spatial index.
     *
     * @param lawang the directory
     * @param cursor the next query
     * @return the sites found
     */
    @Benchmark
    public List<Site> sitesAt(Lawang lawang, Cursor cursor) {
        return lawang.directory.sitesAt(lawang.queries[cursor.next++ & MASK]);
    }

    /**
     * Baseline: JTS {@code STRtree} query, then {@code PreparedGeometry.covers} on each candidate, 100,000 sites.
     *
     * @param jts the tree
     * @param cursor the next query
     * @return the number of sites found
     */
    @Benchmark
    public int baselineJtsStrtreePrepared100k(Jts jts, Cursor cursor) {
        Point point = jts.queries[cursor.next++ & MASK];
        int found = 0;
        for (Object candidate : jts.tree.query(point.getEnvelopeInternal())) {
            if (((PreparedGeometry) candidate).covers(point)) {
                found++;
            }
        }
        return found;
    }
}
