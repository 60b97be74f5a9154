package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * A cell's bound is a lower bound of the distance to the boundary everywhere in the cell, even at the corner that
     * lies on the line from the cell's centre to the nearest point of the boundary, where it is tightest. The nearest
     * point is the tip of a notch cut into a 28-gon 10 m beyond the north-east corner of a cell; at 60°N the
     * east-west scale varies across the fence, on the equator it does not.
     */
    @ParameterizedTest(name = "latitude {0}")
    @ValueSource(doubles = {0, 60})
    void cellBound_neverExceedsTheDistanceAtTheCornerInLineWithTheNearestVertex(double latitude) {
        GeoPoint centre = GeoPoint.of(latitude, 20);
        List<GeoPoint> ring = new java.util.ArrayList<>();
        for (int i = 0; i < 28; i++) {
            ring.add(GeofenceTest.along(centre, 360.0 * i / 28, 2_000));
        }
        double[] base = Geofence.polygon(ring).shape();
        double lat0 = base[Shape.LAT0];
        double lon0 = base[Shape.LON0];
        double kx = base[Shape.KX];
        double ky = base[Shape.KY];
        int at = (int) base[AreaShape.CELLS];
        int gx = (int) base[at];
        int gy = (int) base[at + 1];
        double cellW = (base[AreaShape.MAX_X] - base[AreaShape.MIN_X]) / gx;
        double cellH = (base[AreaShape.MAX_Y] - base[AreaShape.MIN_Y]) / gy;
        int cx = gx / 2;
        int cy = gy * 3 / 4;
        double[] c = {base[AreaShape.MIN_X] + (cx + 0.5) * cellW, base[AreaShape.MIN_Y] + (cy + 0.5) * cellH};
        double[] q = {base[AreaShape.MIN_X] + (cx + 1) * cellW, base[AreaShape.MIN_Y] + (cy + 1) * cellH};
        double norm = Math.hypot(q[0] - c[0], q[1] - c[1]);
        double[] u = {(q[0] - c[0]) / norm, (q[1] - c[1]) / norm};
        double[] tip = {q[0] + 10 * u[0], q[1] + 10 * u[1]};
        // The notch runs from the tip along u to the 28-gon's edge, 10 m wide where it opens.
        List<GeoPoint> notched = new java.util.ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get((i + 1) % ring.size());
            notched.add(a);
            double[] pa = {(a.longitude() - lon0) * kx, (a.latitude() - lat0) * ky};
            double[] pb = {(b.longitude() - lon0) * kx, (b.latitude() - lat0) * ky};
            double[] e = {pb[0] - pa[0], pb[1] - pa[1]};
            double denominator = u[0] * e[1] - u[1] * e[0];
            double t = ((pa[0] - tip[0]) * e[1] - (pa[1] - tip[1]) * e[0]) / denominator;
            double along = ((pa[0] - tip[0]) * u[1] - (pa[1] - tip[1]) * u[0]) / denominator;
            if (t > 0 && along > 0 && along < 1) {
                double length = Math.hypot(e[0], e[1]);
                double[] x = {pa[0] + along * e[0], pa[1] + along * e[1]};
                notched.add(local(x[0] - 5 * e[0] / length, x[1] - 5 * e[1] / length, lat0, lon0, kx, ky));
                notched.add(local(tip[0], tip[1], lat0, lon0, kx, ky));
                notched.add(local(x[0] + 5 * e[0] / length, x[1] + 5 * e[1] / length, lat0, lon0, kx, ky));
            }
        }
        assertThat(notched).hasSize(31);
        double[] sh = Geofence.polygon(notched).shape();
        assertThat(sh[(int) sh[AreaShape.CELLS]]).as("columns").isEqualTo(gx);
        assertThat(sh[Shape.LAT0]).isEqualTo(lat0);
        // A micrometre inside the corner, so that the point is in the cell whatever the rounding.
        GeoPoint p = local(q[0] - 1e-6 * u[0], q[1] - 1e-6 * u[1], lat0, lon0, kx, ky);
        double distance = AreaShape.signedDistance(sh, p.latitude(), p.longitude());
        double bound = CellGrid.cellBound(sh, (p.longitude() - lon0) * kx, (p.latitude() - lat0) * ky);
        assertThat(distance).isCloseTo(10, within(0.01));
        assertThat(bound).isPositive().isLessThanOrEqualTo(distance).isGreaterThan(distance - 0.01);
    }

    private static GeoPoint local(double x, double y, double lat0, double lon0, double kx, double ky) {
        return GeoPoint.of(lat0 + y / ky, lon0 + x / kx);
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
