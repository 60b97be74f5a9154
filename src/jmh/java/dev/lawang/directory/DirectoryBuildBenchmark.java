package dev.lawang.directory;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building a directory of 100,000 polygon sites (checks and spatial index), against building a JTS {@code STRtree}
 * of prepared geometries over the same polygons, in the same run. The geofences themselves are created in the setup:
 * {@link #createGeofences()} measures that step separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DirectoryBuildBenchmark {
    private static final int SITES = 100_000;

    private Agency agency;
    private List<Site> sites;
    private List<List<GeoPoint>> rings;
    private List<Polygon> polygons;

    /** Creates the benchmark state; JMH calls this. */
    public DirectoryBuildBenchmark() {}

    /** Generates the sites the same way as {@link SitesAtBenchmark}. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(SITES);
        double side = Math.sqrt(SITES * 250_000.0);
        agency = Agency.of("opd", "Organisasi Perangkat Daerah");
        sites = new ArrayList<>(SITES);
        rings = new ArrayList<>(SITES);
        polygons = new ArrayList<>(SITES);
        GeometryFactory factory = new GeometryFactory();
        for (int i = 0; i < SITES; i++) {
            double lat = -7.0 - side * random.nextDouble() / 110_600;
            double lon = 110.0 + side * random.nextDouble() / 110_320;
            int n = 8 + random.nextInt(9);
            double size = 15 + 45 * random.nextDouble();
            List<GeoPoint> ring = new ArrayList<>(n);
            Coordinate[] coordinates = new Coordinate[n + 1];
            for (int v = 0; v < n; v++) {
                double angle = 2 * Math.PI * v / n;
                double r = size * (0.7 + 0.3 * random.nextDouble());
                GeoPoint p = GeoPoint.of(lat + r * Math.sin(angle) / 110_600, lon + r * Math.cos(angle) / 110_320);
                ring.add(p);
                coordinates[v] = new Coordinate(p.longitude(), p.latitude());
            }
            coordinates[n] = coordinates[0];
            rings.add(ring);
            polygons.add(factory.createPolygon(coordinates));
            sites.add(Site.builder(SiteId.of("site-" + i)).name("Site " + i).geofence(Geofence.polygon(ring))
                    .tenants(agency.id()).build());
        }
    }

    /**
     * Lawang: build the directory (id checks, tenant checks, spatial index).
     *
     * @return the directory
     */
    @Benchmark
    public Directory buildDirectory() {
        return Directory.builder().agencies(agency).sites(sites).build();
    }

    /**
     * Lawang: create the 100,000 polygon geofences (validity check with JTS, projection, bounds).
     *
     * @return the last geofence
     */
    @Benchmark
    public Geofence createGeofences() {
        Geofence last = null;
        for (List<GeoPoint> ring : rings) {
            last = Geofence.polygon(ring);
        }
        return last;
    }

    /**
     * Baseline: build a JTS {@code STRtree} of prepared geometries over the same polygons.
     *
     * @return the tree's size
     */
    @Benchmark
    public int baselineJtsStrtreeBuild() {
        STRtree tree = new STRtree();
        for (Polygon polygon : polygons) {
            tree.insert(polygon.getEnvelopeInternal(), PreparedGeometryFactory.prepare(polygon));
        }
        tree.build();
        return tree.size();
    }
}
