package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The cell grid of areas with many edges answers exactly as walking every edge does, and as JTS does. */
class GeofenceCellsTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** Many-edge shapes: an office outline, a concave comb, a ring with a hole, one far north, one huge. */
    private static List<String> shapes() {
        return List.of(
                GeofenceTest.office(-7.4265, 111.0210, 64, 150, 7),
                GeofenceTest.office(-7.4265, 111.0210, 400, 600, 11),
                comb(-6.2, 106.8, 20),
                "POLYGON ((" + ring(-7.0, 110.0, 48, 300, 0) + "), (" + ring(-7.0, 110.0, 30, 120, 1) + "))",
                GeofenceTest.office(69.65, 18.96, 96, 2_000, 3),
                GeofenceTest.office(-84.9, 0, 64, 3_000, 5));
    }

    @Test
    void cells_areBuiltOnlyForAreasWithManyEdges() {
        for (String wkt : shapes()) {
            assertThat(Geofence.parseWkt(wkt).shape()[AreaShape.CELLS]).as(wkt.substring(0, 40)).isPositive();
        }
        Geofence.Area square = Geofence.parseWkt("POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0))");
        assertThat(square.shape()[AreaShape.CELLS]).isZero();
    }

    @Test
    void covers_withCellsAgreesWithTheFullWalkAndWithJts() {
        Random random = new Random(17);
        int[] insideOutside = new int[2];
        for (String wkt : shapes()) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            double[] walk = withoutCells(area);
            PreparedGeometry reference = PreparedGeometryFactory.prepare(jts(wkt));
            var env = reference.getGeometry().getEnvelopeInternal();
            for (int i = 0; i < 20_000; i++) {
                double lon = env.getMinX() - env.getWidth() * 0.1 + env.getWidth() * 1.2 * random.nextDouble();
                double lat = env.getMinY() - env.getHeight() * 0.1 + env.getHeight() * 1.2 * random.nextDouble();
                boolean covered = area.covers(GeoPoint.of(lat, lon));
                assertThat(covered).as("%s %s", lon, lat).isEqualTo(Shape.covers(walk, lat, lon))
                        .isEqualTo(reference.covers(FACTORY.createPoint(new Coordinate(lon, lat))));
                insideOutside[covered ? 0 : 1]++;
            }
        }
        assertThat(insideOutside[0]).isGreaterThan(10_000);
        assertThat(insideOutside[1]).isGreaterThan(10_000);
    }

    @Test
    void locate_withCellsAnswersExactlyAsTheFullWalk() {
        Random random = new Random(23);
        int[] seen = new int[3];
        for (String wkt : shapes()) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            double[] walk = withoutCells(area);
            var env = jts(wkt).getEnvelopeInternal();
            for (int i = 0; i < 20_000; i++) {
                double lon = env.getMinX() - env.getWidth() * 0.2 + env.getWidth() * 1.4 * random.nextDouble();
                double lat = env.getMinY() - env.getHeight() * 0.2 + env.getHeight() * 1.4 * random.nextDouble();
                double band = random.nextInt(10) == 0 ? random.nextDouble() * 1e-5 : random.nextDouble() * 80;
                Containment expected = AreaShape.locate(walk, lat, lon, band);
                assertThat(AreaShape.locate(area.shape(), lat, lon, band))
                        .as("%s %s band %s", lon, lat, band).isEqualTo(expected);
                seen[expected.ordinal()]++;
            }
        }
        assertThat(java.util.Arrays.stream(seen).min().orElseThrow()).isGreaterThan(5_000);
    }

    /** Vertices on the bounding box sit on the last row or column of cells, and are on the boundary like any other. */
    @Test
    void everyVertexAndEdgeMidpoint_isOnTheBoundaryWithCellsToo() {
        for (String wkt : shapes()) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            for (List<List<GeoPoint>> polygon : area.polygons()) {
                for (List<GeoPoint> ring : polygon) {
                    for (int i = 0; i + 1 < ring.size(); i++) {
                        GeoPoint a = ring.get(i);
                        GeoPoint b = ring.get(i + 1);
                        GeoPoint mid = GeoPoint.of((a.latitude() + b.latitude()) / 2,
                                (a.longitude() + b.longitude()) / 2);
                        for (GeoPoint p : List.of(a, mid)) {
                            assertThat(area.covers(p)).as("%s", p).isTrue();
                            assertThat(area.locate(Fix.of(p, 1))).as("%s", p).isEqualTo(Containment.UNCERTAIN);
                        }
                    }
                }
            }
        }
    }

    /** The same shape with the grid switched off, so that every query walks the edges. */
    private static double[] withoutCells(Geofence.Area area) {
        double[] walk = area.shape().clone();
        walk[AreaShape.CELLS] = 0;
        return walk;
    }

    private static String ring(double lat, double lon, int n, double metres, int seed) {
        String wkt = GeofenceTest.office(lat, lon, n, metres, seed);
        return wkt.substring("POLYGON ((".length(), wkt.length() - 2);
    }

    /** A comb: a spine along the south with {@code teeth} narrow teeth pointing north, about 30 m apart. */
    private static String comb(double lat, double lon, int teeth) {
        double d = 0.0001;
        StringBuilder wkt = new StringBuilder("POLYGON ((").append(lon).append(' ').append(lat);
        for (int t = 0; t < teeth; t++) {
            double west = lon + 3 * d * t;
            wkt.append(", ").append(west + d).append(' ').append(lat);
            wkt.append(", ").append(west + d).append(' ').append(lat - 10 * d);
            wkt.append(", ").append(west + 2 * d).append(' ').append(lat - 10 * d);
            wkt.append(", ").append(west + 2 * d).append(' ').append(lat);
        }
        double east = lon + 3 * d * teeth;
        wkt.append(", ").append(east).append(' ').append(lat);
        wkt.append(", ").append(east).append(' ').append(lat + d);
        wkt.append(", ").append(lon).append(' ').append(lat + d);
        return wkt.append(", ").append(lon).append(' ').append(lat).append("))").toString();
    }

    private static Geometry jts(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
