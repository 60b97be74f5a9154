package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GeofenceTest {
    private static final String SQUARE =
            "POLYGON ((111.02 -7.43, 111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
    private static final String HOLED = "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0), "
            + "(0.004 0.004, 0.006 0.004, 0.006 0.006, 0.004 0.006, 0.004 0.004))";
    private static final String TWO_SQUARES = "MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0)), "
            + "((0.003 0, 0.004 0, 0.004 0.001, 0.003 0.001, 0.003 0)))";
    private static final String U_SHAPE =
            "POLYGON ((0 0, 0.003 0, 0.003 0.003, 0.002 0.003, 0.002 0.001, 0.001 0.001, 0.001 0.003, 0 0.003, 0 0))";

    @ParameterizedTest(name = "{0} covers {1} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SQUARE      | 111.025  | -7.425   | true
            SQUARE      | 111.02   | -7.43    | true
            SQUARE      | 111.025  | -7.43    | true
            SQUARE      | 111.03   | -7.4213  | true
            SQUARE      | 111.0301 | -7.425   | false
            SQUARE      | 111.025  | -7.4199  | false
            HOLED       | 0.002    | 0.002    | true
            HOLED       | 0.005    | 0.005    | false
            HOLED       | 0.004    | 0.005    | true
            HOLED       | 0.006    | 0.006    | true
            HOLED       | 0.011    | 0.005    | false
            TWO_SQUARES | 0.0035   | 0.0005   | true
            TWO_SQUARES | 0.002    | 0.0005   | false
            TWO_SQUARES | 0.003    | 0.001    | true
            U_SHAPE     | 0.0015   | 0.002    | false
            U_SHAPE     | 0.0015   | 0.001    | true
            U_SHAPE     | 0.0015   | 0.0005   | true
            U_SHAPE     | 0.0025   | 0.0029   | true
            """)
    void covers_countsBoundaryAsInsideAndHolesAsOutside(String name, double lon, double lat, boolean expected) {
        Geofence fence = Geofence.parseWkt(wkt(name));
        assertThat(fence.covers(GeoPoint.of(lat, lon))).isEqualTo(expected);
        assertThat(fence.covers(GeoPoint.of(lat, lon))).isEqualTo(jts(wkt(name)).covers(point(lon, lat)));
    }

    @Test
    void covers_agreesWithJtsOnRandomPointsAroundAwkwardShapes() {
        Random random = new Random(42);
        for (String name : List.of("SQUARE", "HOLED", "TWO_SQUARES", "U_SHAPE")) {
            Geometry reference = jts(wkt(name));
            var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(reference);
            Geofence fence = Geofence.parseWkt(wkt(name));
            var env = reference.getEnvelopeInternal();
            for (int i = 0; i < 5_000; i++) {
                double lon = env.getMinX() - env.getWidth() * 0.1 + env.getWidth() * 1.2 * random.nextDouble();
                double lat = env.getMinY() - env.getHeight() * 0.1 + env.getHeight() * 1.2 * random.nextDouble();
                assertThat(fence.covers(GeoPoint.of(lat, lon))).as("%s at %s %s", name, lon, lat)
                        .isEqualTo(prepared.covers(point(lon, lat)));
            }
        }
    }

    @Test
    void covers_isTrueOnEveryVertexAndEdgeMidpointOfARealisticPolygon() {
        for (int vertices : new int[] {12, 64}) {
            Geofence.Area area = Geofence.parseWkt(office(-7.4265, 111.0210, vertices, 150, 7));
            for (List<GeoPoint> ring : area.polygons().get(0)) {
                for (int i = 0; i + 1 < ring.size(); i++) {
                    GeoPoint a = ring.get(i);
                    GeoPoint b = ring.get(i + 1);
                    GeoPoint mid = GeoPoint.of((a.latitude() + b.latitude()) / 2, (a.longitude() + b.longitude()) / 2);
                    for (GeoPoint p : List.of(a, mid)) {
                        assertThat(area.covers(p)).as("%s", p).isTrue();
                        assertThat(area.distanceTo(p)).isZero();
                        assertThat(area.locate(Fix.of(p, 5))).isEqualTo(Containment.UNCERTAIN);
                    }
                }
            }
        }
    }

    @Test
    void circle_coversUpToItsRadiusMeasuredOnTheEllipsoid() {
        GeoPoint centre = GeoPoint.of(-7.4265, 111.0210);
        Geofence.Circle circle = Geofence.circle(centre, 75);
        for (int bearing = 0; bearing < 360; bearing += 15) {
            assertThat(circle.covers(along(centre, bearing, 74.99))).as("bearing %s", bearing).isTrue();
            assertThat(circle.covers(along(centre, bearing, 75.01))).as("bearing %s", bearing).isFalse();
            assertThat(circle.distanceTo(along(centre, bearing, 200))).isCloseTo(125, within(0.01));
            assertThat(circle.distanceTo(along(centre, bearing, 40))).isZero();
        }
    }

    @Test
    void circle_distancesStayAccurateAtHighLatitudeAndFullRadius() {
        GeoPoint centre = GeoPoint.of(69.65, 18.96);
        Geofence.Circle circle = Geofence.circle(centre, Geofence.MAX_RADIUS_METERS);
        for (int bearing = 0; bearing < 360; bearing += 10) {
            GeoPoint p = along(centre, bearing, 7_000);
            assertThat(circle.distanceTo(p)).as("bearing %s", bearing).isCloseTo(2_000, within(2.0));
        }
    }

    @Test
    void circle_nearTheAntimeridianCoversPointsOnTheOtherSide() {
        Geofence.Circle circle = Geofence.circle(GeoPoint.of(-16.5, 179.9995), 100);
        assertThat(circle.covers(GeoPoint.of(-16.5, -179.9998))).isTrue();
        assertThat(circle.covers(GeoPoint.of(-16.5, -179.998))).isFalse();
        assertThat(circle.distanceTo(GeoPoint.of(-16.5, -179.998))).isCloseTo(
                GeoPoint.of(-16.5, 179.9995).distanceTo(GeoPoint.of(-16.5, -179.998)) - 100, within(0.01));
    }

    @Test
    void areaDistanceTo_matchesAGeodesicReferenceWithin0point1Percent() {
        Random random = new Random(11);
        for (double lat : new double[] {-7.43, 0.2, 35.7, 60.2, -54.8}) {
            String wkt = office(lat, 111.02, 24, 400, random.nextInt());
            Geofence area = Geofence.parseWkt(wkt);
            Geometry reference = jts(wkt);
            for (int i = 0; i < 150; i++) {
                GeoPoint p = along(GeoPoint.of(lat, 111.02), random.nextDouble() * 360,
                        random.nextDouble() * 2_500);
                double expected = reference.covers(point(p.longitude(), p.latitude())) ? 0 : boundaryDistance(reference, p);
                assertThat(area.distanceTo(p)).as("%s at latitude %s", p, lat)
                        .isCloseTo(expected, within(0.001 * expected + 0.01));
            }
        }
    }

    @Test
    void locate_followsTheWorkedExampleOfTheDocs() {
        GeoPoint centre = GeoPoint.of(-7.4265, 111.0210);
        Geofence circle = Geofence.circle(centre, 100);
        // 20 m accuracy: sigma = 20 / 1.51 = 13.2 m; at 95 % the band is 1.645 * 13.2 = 21.8 m either side.
        assertThat(circle.locate(Fix.of(along(centre, 30, 75), 20))).isEqualTo(Containment.INSIDE);
        assertThat(circle.locate(Fix.of(along(centre, 30, 82), 20))).isEqualTo(Containment.UNCERTAIN);
        assertThat(circle.locate(Fix.of(along(centre, 30, 118), 20))).isEqualTo(Containment.UNCERTAIN);
        assertThat(circle.locate(Fix.of(along(centre, 30, 125), 20))).isEqualTo(Containment.OUTSIDE);
        // At 99 % the band widens to 2.326 * 13.2 = 30.8 m.
        assertThat(circle.locate(Fix.of(along(centre, 30, 75), 20), 0.99)).isEqualTo(Containment.UNCERTAIN);
        assertThat(circle.locate(Fix.of(along(centre, 30, 65), 20), 0.99)).isEqualTo(Containment.INSIDE);
        // A precise fix decides close to the line; a vague one cannot.
        assertThat(circle.locate(Fix.of(along(centre, 30, 97), 1))).isEqualTo(Containment.INSIDE);
        assertThat(circle.locate(Fix.of(centre, 500))).isEqualTo(Containment.UNCERTAIN);
    }

    @Test
    void locate_decidesAsTheNormalErrorModelSaysForPolygonsAndCircles() {
        Random random = new Random(5);
        GeoPoint centre = GeoPoint.of(-7.4265, 111.0210);
        String wkt = office(centre.latitude(), centre.longitude(), 64, 180, 3);
        Geometry reference = jts(wkt);
        List<Geofence> fences = List.of(Geofence.parseWkt(wkt), Geofence.circle(centre, 120));
        int[] seen = new int[3];
        for (int i = 0; i < 1_200; i++) {
            GeoPoint p = along(centre, random.nextDouble() * 360, random.nextDouble() * 300);
            double accuracy = 1 + random.nextDouble() * 60;
            double confidence = random.nextBoolean() ? 0.95 : 0.5 + 0.499 * random.nextDouble();
            double dPolygon = boundaryDistance(reference, p)
                    * (reference.covers(point(p.longitude(), p.latitude())) ? 1 : -1);
            double dCircle = 120 - Geodesic.WGS84.Inverse(centre.latitude(), centre.longitude(), p.latitude(),
                    p.longitude()).s12;
            double[] signed = {dPolygon, dCircle};
            for (int f = 0; f < 2; f++) {
                double probabilityInside = phi(signed[f] / (accuracy / 1.5096));
                if (Math.abs(probabilityInside - confidence) < 1e-3
                        || Math.abs(probabilityInside - (1 - confidence)) < 1e-3) {
                    continue;
                }
                Containment expected = probabilityInside >= confidence ? Containment.INSIDE
                        : probabilityInside <= 1 - confidence ? Containment.OUTSIDE : Containment.UNCERTAIN;
                Fix fix = Fix.of(p, accuracy);
                Containment actual = confidence == 0.95 ? fences.get(f).locate(fix) : fences.get(f).locate(fix, confidence);
                assertThat(actual).as("%s, accuracy %s, confidence %s, d %s", p, accuracy, confidence, signed[f])
                        .isEqualTo(expected);
                seen[expected.ordinal()]++;
            }
        }
        assertThat(java.util.Arrays.stream(seen).min().orElseThrow()).isGreaterThan(120);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 0.3, 1.5, Double.NaN})
    void locate_rejectsAConfidenceOutsideTheOpenIntervalFromOneHalfToOne(double confidence) {
        Geofence circle = Geofence.circle(GeoPoint.of(0, 0), 10);
        assertThatThrownBy(() -> circle.locate(Fix.of(GeoPoint.of(0, 0), 5), confidence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0.5, 1): " + confidence);
    }

    @Test
    void zScore_matchesPublishedQuantiles() {
        assertThat(NormalQuantile.zScore(0.95)).isCloseTo(1.6448536269514722, within(1e-8));
        assertThat(NormalQuantile.zScore(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(NormalQuantile.zScore(0.99)).isCloseTo(2.3263478740408408, within(1e-8));
        assertThat(NormalQuantile.zScore(0.999999)).isCloseTo(4.753424308822899, within(1e-7));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            POINT (111 -7)                                                   | WKT must be a POLYGON or MULTIPOLYGON, not Point
            LINESTRING (0 0, 1 1)                                            | WKT must be a POLYGON or MULTIPOLYGON, not LineString
            GEOMETRYCOLLECTION (POINT (0 0))                                 | WKT must be a POLYGON or MULTIPOLYGON, not GeometryCollection
            POLYGON EMPTY                                                    | WKT Polygon is empty
            MULTIPOLYGON EMPTY                                               | WKT MultiPolygon is empty
            POLYGON ((0 0, 0.001 0, 0 0, 0 0))                               | exterior ring has 2 distinct points; at least 3 are needed
            POLYGON ((0 0, 0.001 0.001, 0.001 0, 0 0.001, 0 0))              | invalid polygon: Self-intersection at or near longitude 5.0E-4, latitude 5.0E-4
            POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0), (0.02 0.02, 0.03 0.02, 0.03 0.03, 0.02 0.02)) | invalid polygon: Hole lies outside shell
            POLYGON ((200 0, 200.001 0, 200.001 0.001, 200 0))               | exterior ring, vertex 1: longitude must be a finite number in [-180, 180]: 200.0
            POLYGON ((0 0, 0.001 91, 0.001 0, 0 0))                          | exterior ring, vertex 2: latitude must be a finite number in [-90, 90]: 91.0
            POLYGON ((0 0, 1e400 0, 0 0.001, 0 0))                           | exterior ring, vertex 2: longitude must be a finite number in [-180, 180]: Infinity
            POLYGON ((179.999 -16, -179.999 -16, -179.999 -16.001, 179.999 -16.001, 179.999 -16)) | exterior ring crosses the antimeridian (longitudes from -179.999 to 179.999); areas must lie on one side of it
            MULTIPOLYGON (((179.998 -16, 179.999 -16, 179.999 -16.001, 179.998 -16)), ((-179.999 -16, -179.998 -16, -179.998 -16.001, -179.999 -16))) | area crosses the antimeridian (longitudes from -179.999 to 179.999); areas must lie on one side of it
            POLYGON ((0 86, 0.001 86, 0.001 86.001, 0 86))                   | exterior ring, vertex 1: latitude 86.0 is beyond 85.0 degrees
            POLYGON ((111 -7.5, 111.2 -7.5, 111.2 -7.4, 111 -7.4, 111 -7.5))  | area is 22080 m wide and 11059 m high; at most 10000 m each way is accepted
            MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0)), ((0 0.002, 0.001 0.002, 0.001 0.003, 0 0.002), (0 0.0025, 0 95, 0.0005 0.0025, 0 0.0025))) | polygon 2, hole 1, vertex 2: latitude must be a finite number in [-90, 90]: 95.0
            MULTIPOLYGON (((0 0, 0.002 0, 0.002 0.002, 0 0.002, 0 0)), ((0.001 0.001, 0.003 0.001, 0.003 0.003, 0.001 0.003, 0.001 0.001))) | invalid polygon: Self-intersection
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0.001))                   | not valid WKT: Points of LinearRing do not form a closed linestring
            POLYGON ((NaN 0, 0.001 0, 0.001 0.001, NaN 0))                   | not valid WKT
            POLYGON ((0 0, 1 x                                               | not valid WKT
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0)) trailing              | not valid WKT
            '  '                                                             | not valid WKT
            """)
    void parseWkt_rejectsBadGeometryWithAMessageThatSaysWhatAndWhere(String wkt, String message) {
        assertThatThrownBy(() -> Geofence.parseWkt(wkt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void parseWkt_refusesOversizedTextBeforeParsingIt() {
        String huge = "POLYGON ((" + " ".repeat(Geofence.MAX_WKT_LENGTH) + "0 0))";
        assertThatThrownBy(() -> Geofence.parseWkt(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WKT text is 1000015 characters; at most 1000000 are accepted");
    }

    @Test
    void parseWkt_refusesTooManyVertices() {
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        int n = Geofence.MAX_VERTICES;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            wkt.append(0.001 * Math.cos(a)).append(' ').append(0.001 * Math.sin(a)).append(", ");
        }
        wkt.append("0.001 0.0))");
        assertThatThrownBy(() -> Geofence.parseWkt(wkt.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("area has 10001 vertices; at most 10000 are accepted");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -5, Double.NaN, Double.POSITIVE_INFINITY, 5_000.01})
    void circle_rejectsARadiusThatNoSiteHas(double radius) {
        assertThatThrownBy(() -> Geofence.circle(GeoPoint.of(-7.4, 111), radius))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circle radius must be a finite number of metres in (0, 5000.0]: " + radius);
    }

    @Test
    void circle_rejectsACircleReachingThePolarRegions() {
        assertThatThrownBy(() -> Geofence.circle(GeoPoint.of(84.99, 0), 5_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reaches beyond 85.0 degrees of latitude");
    }

    @Test
    void polygon_closesAnOpenRingAndReadsBackThroughWkt() {
        List<GeoPoint> ring = List.of(GeoPoint.of(-7.43, 111.02), GeoPoint.of(-7.43, 111.03),
                GeoPoint.of(-7.42, 111.03), GeoPoint.of(-7.42, 111.02));
        Geofence.Area area = Geofence.polygon(ring);
        assertThat(area.vertexCount()).isEqualTo(5);
        assertThat(area.toWkt()).isEqualTo(SQUARE);
        assertThat(Geofence.parseWkt(area.toWkt())).isEqualTo(area).hasSameHashCodeAs(area);
        List<GeoPoint> closed = new ArrayList<>(ring);
        closed.add(ring.get(0));
        assertThat(Geofence.polygon(closed)).isEqualTo(area);
        assertThat(area.polygons()).containsExactly(List.of(closed));
        assertThat(area.isMulti()).isFalse();
    }

    @Test
    void toWkt_roundTripsHolesAndMultipolygonsExactly() {
        for (String wkt : List.of(HOLED, TWO_SQUARES, U_SHAPE, office(-7.4265, 111.0210, 64, 150, 1))) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            assertThat(Geofence.parseWkt(area.toWkt())).isEqualTo(area);
            assertThat(jts(area.toWkt()).equalsExact(jts(wkt))).isTrue();
        }
        assertThat(Geofence.parseWkt(TWO_SQUARES).isMulti()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 | polygon ring has no points; it needs at least 3 distinct points
            1 | polygon ring has 1 distinct points; at least 3 are needed
            2 | polygon ring has 2 distinct points; at least 3 are needed
            """)
    void polygon_rejectsRingsWithTooFewPoints(int points, String message) {
        List<GeoPoint> ring = List.of(GeoPoint.of(0, 0), GeoPoint.of(0, 0.001)).subList(0, points);
        assertThatThrownBy(() -> Geofence.polygon(ring))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void polygon_rejectsABowtie() {
        List<GeoPoint> bowtie = List.of(GeoPoint.of(0, 0), GeoPoint.of(0.001, 0.001), GeoPoint.of(0, 0.001),
                GeoPoint.of(0.001, 0));
        assertThatThrownBy(() -> Geofence.polygon(bowtie))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid polygon: Self-intersection at or near longitude");
    }

    @Test
    void interiorPoint_isCoveredEvenForAConcaveArea() {
        Geofence u = Geofence.parseWkt(U_SHAPE);
        assertThat(u.covers(u.interiorPoint())).isTrue();
        Geofence.Circle c = Geofence.circle(GeoPoint.of(1, 2), 10);
        assertThat(c.interiorPoint()).isEqualTo(c.centre()).isEqualTo(GeoPoint.of(1, 2));
        assertThat(c.radiusMeters()).isEqualTo(10);
    }

    @Test
    void circlesAreEqualOnlyWithTheSameCentreAndRadius() {
        Geofence.Circle circle = Geofence.circle(GeoPoint.of(-7.4265, 111.021), 100);
        assertThat(circle).isEqualTo(Geofence.circle(GeoPoint.of(-7.4265, 111.021), 100))
                .hasSameHashCodeAs(Geofence.circle(GeoPoint.of(-7.4265, 111.021), 100))
                .isNotEqualTo(Geofence.circle(GeoPoint.of(-7.4265, 111.021), 100.5))
                .isNotEqualTo(Geofence.circle(GeoPoint.of(-7.4265, 111.0211), 100))
                .isNotEqualTo(Geofence.parseWkt(SQUARE))
                .isNotEqualTo(null)
                .hasToString("Circle[centre=-7.4265,111.021, radius=100.0 m]");
    }

    @Test
    void areasAreEqualOnlyWithTheSameVerticesInTheSameRings() {
        Geofence.Area square = Geofence.parseWkt(SQUARE);
        assertThat(square).isEqualTo(Geofence.parseWkt(SQUARE)).hasSameHashCodeAs(Geofence.parseWkt(SQUARE))
                .isNotEqualTo(Geofence.parseWkt("MULTIPOLYGON (" + SQUARE.substring("POLYGON ".length()) + ")"))
                .isNotEqualTo(Geofence.parseWkt(
                        "POLYGON ((111.02 -7.43, 111.03 -7.43, 111.03 -7.421, 111.02 -7.421, 111.02 -7.43))"))
                .isNotEqualTo(Geofence.parseWkt(
                        "POLYGON ((111.02 -7.43, 111.031 -7.43, 111.031 -7.42, 111.02 -7.42, 111.02 -7.43))"))
                .isNotEqualTo(Geofence.parseWkt(
                        "POLYGON ((111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43, 111.03 -7.43))"))
                .isNotEqualTo(Geofence.circle(GeoPoint.of(-7.425, 111.025), 100))
                .isNotEqualTo(null)
                .hasToString(SQUARE);
    }

    @Test
    void hashCodes_spreadOverDifferentFences() {
        java.util.Set<Integer> areas = new java.util.HashSet<>();
        java.util.Set<Integer> circles = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            areas.add(Geofence.parseWkt(office(-7.4, 111 + i * 0.01, 8, 100, i)).hashCode());
            circles.add(Geofence.circle(GeoPoint.of(-7.4, 111 + i * 0.01), 100).hashCode());
        }
        assertThat(areas).hasSizeGreaterThan(95);
        assertThat(circles).hasSizeGreaterThan(95);
    }

    @Test
    void toString_isTheWholeWktUpTo200Characters() {
        String bottom = "111.02 -7.43, 111.021 -7.43, 111.022 -7.43, 111.023 -7.43, 111.024 -7.43, 111.025 -7.43, "
                + "111.026 -7.43, 111.027 -7.43, 111.028 -7.43, ";
        String wkt200 = "POLYGON ((" + bottom + "111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
        String wkt215 = "POLYGON ((" + bottom + "111.029 -7.43, 111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
        assertThat(wkt200).hasSize(200);
        assertThat(Geofence.parseWkt(wkt200)).hasToString(wkt200);
        assertThat(Geofence.parseWkt(wkt215)).hasToString(wkt215.substring(0, 200) + "...(14 vertices)");
    }

    @Test
    void toString_ofALargeAreaShowsTheStartOfItsWktAndItsVertexCount() {
        Geofence.Area area = Geofence.parseWkt(office(-7.4265, 111.0210, 64, 150, 7));
        assertThat(area.toString()).isEqualTo(area.toWkt().substring(0, 200) + "...(65 vertices)");
    }

    /** A realistic office outline: a star-ish polygon of {@code n} vertices, radius about {@code size} metres. */
    static String office(double lat, double lon, int n, double size, long seed) {
        Random random = new Random(seed);
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        GeoPoint centre = GeoPoint.of(lat, lon);
        GeoPoint first = null;
        for (int i = 0; i < n; i++) {
            GeoPoint p = along(centre, 360.0 * i / n, size * (0.6 + 0.4 * random.nextDouble()));
            first = first == null ? p : first;
            wkt.append(p.longitude()).append(' ').append(p.latitude()).append(", ");
        }
        return wkt.append(first.longitude()).append(' ').append(first.latitude()).append("))").toString();
    }

    static GeoPoint along(GeoPoint from, double bearing, double metres) {
        var d = Geodesic.WGS84.Direct(from.latitude(), from.longitude(), bearing, metres);
        double lon = d.lon2 > 180 ? d.lon2 - 360 : d.lon2 < -180 ? d.lon2 + 360 : d.lon2;
        return GeoPoint.of(d.lat2, lon);
    }

    /** Geodesic distance to the nearest point of the boundary, each edge a straight line in lon/lat. */
    static double boundaryDistance(Geometry polygon, GeoPoint p) {
        // Rank edges by a rough planar distance, then measure the nearest few geodesically.
        List<Coordinate[]> edges = new ArrayList<>();
        for (int g = 0; g < polygon.getBoundary().getNumGeometries(); g++) {
            Coordinate[] ring = polygon.getBoundary().getGeometryN(g).getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                edges.add(new Coordinate[] {ring[i], ring[i + 1]});
            }
        }
        double cos = Math.cos(Math.toRadians(p.latitude()));
        Coordinate q = new Coordinate(p.longitude() * cos, p.latitude());
        edges.sort(java.util.Comparator.comparingDouble(e -> org.locationtech.jts.algorithm.Distance.pointToSegment(
                q, new Coordinate(e[0].x * cos, e[0].y), new Coordinate(e[1].x * cos, e[1].y))));
        double best = Double.POSITIVE_INFINITY;
        for (Coordinate[] e : edges.subList(0, Math.min(4, edges.size()))) {
            best = Math.min(best, edgeDistance(e[0], e[1], p));
        }
        return best;
    }

    private static double edgeDistance(Coordinate a, Coordinate b, GeoPoint p) {
        int n = 16;
        double bestT = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double d = geodesic(a, b, (double) i / n, p);
            if (d < best) {
                best = d;
                bestT = (double) i / n;
            }
        }
        double lo = Math.max(0, bestT - 1.0 / n);
        double hi = Math.min(1, bestT + 1.0 / n);
        for (int i = 0; i < 40; i++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (geodesic(a, b, m1, p) < geodesic(a, b, m2, p)) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return Math.min(best, geodesic(a, b, (lo + hi) / 2, p));
    }

    private static double geodesic(Coordinate a, Coordinate b, double t, GeoPoint p) {
        double lon = a.x + t * (b.x - a.x);
        double lat = a.y + t * (b.y - a.y);
        return Geodesic.WGS84.Inverse(p.latitude(), p.longitude(), lat, lon).s12;
    }

    /** The standard normal distribution function, by Simpson's rule on the density: independent of the code. */
    static double phi(double x) {
        int n = 2_000;
        double h = Math.abs(x) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += w * Math.exp(-t * t / 2);
        }
        double half = sum * h / 3 / Math.sqrt(2 * Math.PI);
        return x >= 0 ? 0.5 + half : 0.5 - half;
    }

    private static String wkt(String name) {
        return switch (name) {
            case "SQUARE" -> SQUARE;
            case "HOLED" -> HOLED;
            case "TWO_SQUARES" -> TWO_SQUARES;
            case "U_SHAPE" -> U_SHAPE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Geometry jts(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return new GeometryFactory().createPoint(new Coordinate(lon, lat));
    }
}
