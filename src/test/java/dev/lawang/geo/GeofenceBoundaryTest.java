package dev.lawang.geo;

import static dev.lawang.geo.GeofenceTest.along;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The boundary is inside: {@link Geofence#covers(GeoPoint)} is true on every vertex and edge and within a micrometre
 * of them, on outer rings, holes and every polygon of a multipolygon, and {@link GeofenceIndex} finds exactly what
 * {@code covers} says. Offsets are geodesic (GeographicLib), so they do not depend on the code under test.
 */
class GeofenceBoundaryTest {
    private static final String SQUARE =
            "POLYGON ((111.02 -7.43, 111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
    private static final String TRIANGLE = "POLYGON ((0 0, 0.002 0, 0.001 0.002, 0 0))";
    private static final String DIAMOND_AT_60N = "POLYGON ((10 60, 10.002 60.001, 10 60.002, 9.998 60.001, 10 60))";
    private static final String HOLED = "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0), "
            + "(0.004 0.004, 0.006 0.004, 0.006 0.006, 0.004 0.006, 0.004 0.004))";
    private static final String TWO_SQUARES = "MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0)), "
            + "((0.003 0, 0.004 0, 0.004 0.001, 0.003 0.001, 0.003 0)))";
    /** Tall and narrow at 80°N, where the east-west scale changes by 0.9 % from its south end to its north end. */
    private static final String TALL_AT_80N = "POLYGON ((10 79.96, 10.01 79.96, 10.01 80.04, 10 80.04, 10 79.96))";
    /** The square again, its ring starting at the north-east corner and running the other way. */
    private static final String SQUARE_FROM_NE =
            "POLYGON ((111.03 -7.42, 111.03 -7.43, 111.02 -7.43, 111.02 -7.42, 111.03 -7.42))";
    private static final String SQUARE_WITH_REPEATED_VERTEX =
            "POLYGON ((111.02 -7.43, 111.03 -7.43, 111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
    /**
     * A notch cut up from the south into the northern half, its top edge rising gently eastwards, written once each
     * way round.
     */
    private static final String CAP = "POLYGON ((0 0, 0.001 0, 0.001 0.002, 0.002 0.00201, 0.002 0, 0.003 0, "
            + "0.003 0.003, 0 0.003, 0 0))";
    private static final String CAP_REVERSED = "POLYGON ((0 0, 0 0.003, 0.003 0.003, 0.003 0, 0.002 0, "
            + "0.002 0.00201, 0.001 0.002, 0.001 0, 0 0))";
    private static final String U_SHAPE =
            "POLYGON ((0 0, 0.003 0, 0.003 0.003, 0.002 0.003, 0.002 0.001, 0.001 0.001, 0.001 0.003, 0 0.003, 0 0))";

    /**
     * The point is {@code micrometres} from the base point (a vertex or a point on an edge) in the direction
     * {@code bearing}; {@code nearest} is its distance in micrometres to the nearest point of the boundary.
     */
    @ParameterizedTest(name = "{0}: {1} {2} moved {4} µm at {3}° -> {6}")
    @CsvSource(delimiter = '|', textBlock = """
            SQUARE         | 111.02  | -7.43   |   0   | 0   | 0    | true
            SQUARE         | 111.03  | -7.42   |   0   | 0   | 0    | true
            SQUARE         | 111.02  | -7.43   | 225   | 0.9 | 0.9  | true
            SQUARE         | 111.02  | -7.43   | 225   | 1.1 | 1.1  | false
            SQUARE         | 111.03  | -7.42   |  45   | 0.9 | 0.9  | true
            SQUARE         | 111.03  | -7.42   |  45   | 1.1 | 1.1  | false
            SQUARE         | 111.025 | -7.43   | 180   | 0.9 | 0.9  | true
            SQUARE         | 111.025 | -7.43   | 180   | 1.1 | 1.1  | false
            SQUARE         | 111.025 | -7.43   |   0   | 1.1 | 0    | true
            SQUARE         | 111.03  | -7.425  |  90   | 0.9 | 0.9  | true
            SQUARE         | 111.03  | -7.425  |  90   | 1.1 | 1.1  | false
            SQUARE         | 111.025 | -7.42   |   0   | 0.9 | 0.9  | true
            SQUARE         | 111.025 | -7.42   |   0   | 1.1 | 1.1  | false
            SQUARE         | 111.02  | -7.425  | 270   | 0.9 | 0.9  | true
            SQUARE         | 111.02  | -7.425  | 270   | 1.1 | 1.1  | false
            TRIANGLE       | 0.001   | 0.002   |   0   | 0   | 0    | true
            TRIANGLE       | 0.001   | 0.002   |   0   | 0.9 | 0.9  | true
            TRIANGLE       | 0.001   | 0.002   |   0   | 1.1 | 1.1  | false
            TRIANGLE       | 0.0005  | 0.001   |   0   | 0   | 0    | true
            TRIANGLE       | 0.0005  | 0.001   | 296.7 | 0.9 | 0.9  | true
            TRIANGLE       | 0.0005  | 0.001   | 296.7 | 1.1 | 1.1  | false
            TRIANGLE       | 0.0015  | 0.001   |  63.3 | 0.9 | 0.9  | true
            TRIANGLE       | 0.0015  | 0.001   |  63.3 | 1.1 | 1.1  | false
            TRIANGLE       | 0.001   | 0       | 180   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 10.002  | 60.001  |  90   | 0.9 | 0.9  | true
            DIAMOND_AT_60N | 10.002  | 60.001  |  90   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 10      | 60.002  |   0   | 0.9 | 0.9  | true
            DIAMOND_AT_60N | 10      | 60.002  |   0   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 10.001  | 60.0005 | 135   | 0.9 | 0.9  | true
            DIAMOND_AT_60N | 10.001  | 60.0005 | 135   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 9.999   | 60.0015 | 315   | 0.9 | 0.9  | true
            DIAMOND_AT_60N | 9.999   | 60.0015 | 315   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 10.001  | 60.0015 |  45   | 1.1 | 1.1  | false
            DIAMOND_AT_60N | 9.999   | 60.0005 | 225   | 1.1 | 1.1  | false
            HOLED          | 0.004   | 0.005   |  90   | 0.9 | 0.9  | true
            HOLED          | 0.004   | 0.005   |  90   | 1.1 | 1.1  | false
            HOLED          | 0.006   | 0.005   | 270   | 1.1 | 1.1  | false
            HOLED          | 0.005   | 0.006   | 180   | 1.1 | 1.1  | false
            HOLED          | 0.006   | 0.006   |   0   | 0   | 0    | true
            HOLED          | 0.006   | 0.006   | 225   | 1.3 | 0.92 | true
            HOLED          | 0.006   | 0.006   | 225   | 1.6 | 1.13 | false
            HOLED          | 0.006   | 0.006   |  45   | 5   | 0    | true
            TWO_SQUARES    | 0.001   | 0.0005  |  90   | 0.9 | 0.9  | true
            TWO_SQUARES    | 0.001   | 0.0005  |  90   | 1.1 | 1.1  | false
            TWO_SQUARES    | 0.003   | 0.0005  | 270   | 0.9 | 0.9  | true
            TWO_SQUARES    | 0.003   | 0.0005  | 270   | 1.1 | 1.1  | false
            TWO_SQUARES    | 0.004   | 0.001   |  45   | 1.1 | 1.1  | false
            TWO_SQUARES    | 0.003   | 0       |   0   | 0   | 0    | true
            U_SHAPE        | 0.001   | 0.001   |  45   | 1.3 | 0.92 | true
            U_SHAPE        | 0.001   | 0.001   |  45   | 1.6 | 1.13 | false
            U_SHAPE        | 0.0015  | 0.001   |   0   | 0.9 | 0.9  | true
            U_SHAPE        | 0.0015  | 0.001   |   0   | 1.1 | 1.1  | false
            U_SHAPE        | 0.002   | 0.003   |   0   | 0   | 0    | true
            CAP            | 0.00100000009 | 0.002 | 180 | 0.5 | 0.6  | true
            CAP            | 0.00100000009 | 0.002 | 180 | 1.5 | 1.6  | false
            CAP_REVERSED   | 0.00100000009 | 0.002 | 180 | 0.5 | 0.6  | true
            CAP_REVERSED   | 0.00100000009 | 0.002 | 180 | 1.5 | 1.6  | false
            TALL_AT_80N    | 10.01   | 80.039  |  90   | 0.995 | 0.995 | true
            TALL_AT_80N    | 10.01   | 80.039  |  90   | 1.005 | 1.005 | false
            TALL_AT_80N    | 10.01   | 79.961  |  90   | 0.995 | 0.995 | true
            TALL_AT_80N    | 10.01   | 79.961  |  90   | 1.005 | 1.005 | false
            TALL_AT_80N    | 10      | 80.039  | 270   | 0.995 | 0.995 | true
            TALL_AT_80N    | 10      | 80.039  | 270   | 1.005 | 1.005 | false
            """)
    void covers_countsEverythingWithinAMicrometreOfTheBoundaryAsInside(String name, double lon, double lat,
            double bearing, double micrometres, double nearest, boolean covered) {
        Geofence.Area fence = Geofence.parseWkt(wkt(name));
        GeoPoint base = GeoPoint.of(lat, lon);
        GeoPoint p = micrometres == 0 ? base : along(base, bearing, micrometres * 1e-6);
        assertThat(fence.covers(p)).as("covers").isEqualTo(covered);
        assertThat(GeofenceIndex.of(List.of(fence), f -> f).covering(p)).as("index")
                .isEqualTo(covered ? List.of(fence) : List.of());
        if (covered) {
            assertThat(fence.distanceTo(p)).isZero();
        } else {
            assertThat(fence.distanceTo(p)).isCloseTo(nearest * 1e-6, within(0.02e-6));
        }
    }

    /** {@code beyond} is the geodesic distance outside the radius in metres; negative is inside. */
    @ParameterizedTest(name = "circle of {2} m at {0}, {1}: {4} m beyond at {3}° -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | 0        | 10   |   0 | 0.9e-6  | true
            0        | 0        | 10   |   0 | 1.1e-6  | false
            0        | 0        | 10   |  90 | 0.9e-6  | true
            0        | 0        | 10   |  90 | 1.1e-6  | false
            0        | 0        | 10   | 180 | 1.1e-6  | false
            0        | 0        | 10   | 270 | 1.1e-6  | false
            -7.4265  | 111.021  | 10   |  45 | 0.9e-6  | true
            -7.4265  | 111.021  | 10   |  45 | 1.1e-6  | false
            -7.4265  | 111.021  | 10   | 200 | -1.1e-6 | true
            69.65    | 18.96    | 5000 |  45 | -0.05   | true
            69.65    | 18.96    | 5000 |  45 | 0.05    | false
            69.65    | 18.96    | 5000 | 135 | -0.05   | true
            69.65    | 18.96    | 5000 | 135 | 0.05    | false
            69.65    | 18.96    | 5000 | 300 | -0.05   | true
            69.65    | 18.96    | 5000 | 300 | 0.05    | false
            -54.8    | -68.3    | 5000 | 240 | -0.05   | true
            -54.8    | -68.3    | 5000 | 240 | 0.05    | false
            -16.5    | 179.9995 | 100  |  90 | -0.01   | true
            -16.5    | 179.9995 | 100  |  90 | 0.01    | false
            -16.5    | -179.9996 | 100 | 270 | -0.01   | true
            -16.5    | -179.9996 | 100 | 270 | 0.01    | false
            """)
    void circle_coversUpToItsRadiusAndAMicrometre(double lat, double lon, double radius, double bearing,
            double beyond, boolean covered) {
        Geofence.Circle circle = Geofence.circle(GeoPoint.of(lat, lon), radius);
        GeoPoint p = along(circle.centre(), bearing, radius + beyond);
        assertThat(circle.covers(p)).as("covers").isEqualTo(covered);
        assertThat(GeofenceIndex.of(List.of(circle), f -> f).covering(p)).as("index")
                .isEqualTo(covered ? List.of(circle) : List.of());
        if (covered) {
            assertThat(circle.distanceTo(p)).isZero();
        } else {
            assertThat(circle.distanceTo(p)).isCloseTo(beyond, within(beyond * 0.4));
        }
    }

    /**
     * The crossing rule at a vertex level with the point: the ray east through the diamond's centre passes exactly
     * through its east vertex and must count it once.
     */
    @ParameterizedTest(name = "{0} at {1} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DIAMOND_AT_60N | 10      | 60.001 | true  | INSIDE  | 0
            DIAMOND_AT_60N | 10.0015 | 60.001 | true  | INSIDE  | 0
            DIAMOND_AT_60N | 9.9985  | 60.001 | true  | INSIDE  | 0
            DIAMOND_AT_60N | 10.003  | 60.001 | false | OUTSIDE | 55.8
            DIAMOND_AT_60N | 9.997   | 60.001 | false | OUTSIDE | 55.8
            U_SHAPE        | 0.0005  | 0.001  | true  | INSIDE  | 0
            U_SHAPE        | 0.0025  | 0.001  | true  | INSIDE  | 0
            U_SHAPE        | -0.001  | 0.001  | false | OUTSIDE | 111.3
            HOLED          | 0.002   | 0.004  | true  | INSIDE  | 0
            HOLED          | 0.008   | 0.006  | true  | INSIDE  | 0
            HOLED          | 0.011   | 0.004  | false | OUTSIDE | 111.3
            """)
    void pointsLevelWithAVertex_areOnTheRightSide(String name, double lon, double lat, boolean covered,
            Containment located, double metres) {
        Geofence.Area fence = Geofence.parseWkt(wkt(name));
        GeoPoint p = GeoPoint.of(lat, lon);
        assertThat(fence.covers(p)).isEqualTo(covered);
        assertThat(fence.locate(Fix.of(p, 1))).isEqualTo(located);
        assertThat(fence.distanceTo(p)).isCloseTo(metres, within(0.1));
    }

    /** How a ring is written (where it starts, which way it runs, a vertex repeated) changes no answer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SQUARE_FROM_NE
            SQUARE_WITH_REPEATED_VERTEX
            """)
    void theSameOutlineWrittenDifferently_answersTheSame(String name) {
        Geofence.Area square = Geofence.parseWkt(SQUARE);
        Geofence.Area other = Geofence.parseWkt(wkt(name));
        for (double lon = 111.015; lon <= 111.035; lon += 0.0025) {
            for (double lat = -7.435; lat <= -7.415; lat += 0.0025) {
                GeoPoint p = GeoPoint.of(lat, lon);
                assertThat(other.covers(p)).as("%s", p).isEqualTo(square.covers(p));
                assertThat(other.distanceTo(p)).as("%s", p).isCloseTo(square.distanceTo(p), within(1e-6));
                for (double accuracy : new double[] {1, 200}) {
                    assertThat(other.locate(Fix.of(p, accuracy))).as("%s", p).isEqualTo(square.locate(Fix.of(p, accuracy)));
                }
            }
        }
        // 0.005 degrees of latitude south of the square, measured on the ellipsoid: 552.9 m.
        assertThat(other.distanceTo(GeoPoint.of(-7.435, 111.025))).isCloseTo(552.9, within(0.1));
    }

    /** Half a micrometre off an edge is on the boundary everywhere along it, right up to its ends. */
    @Test
    void covers_isTrueWithinHalfAMicrometreAllAlongEveryEdge() {
        List<String> shapes = List.of(GeofenceTest.office(-7.4265, 111.021, 12, 150, 4),
                GeofenceTest.office(45.2, 5.7, 12, 300, 9), GeofenceTest.office(70.1, 25.5, 12, 300, 2), U_SHAPE,
                TRIANGLE);
        double[] fractions = {1e-9, 1e-8, 1e-7, 1e-5, 0.5, 1 - 1e-5, 1 - 1e-7, 1 - 1e-8};
        for (String wkt : shapes) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            GeofenceIndex<Geofence> index = GeofenceIndex.of(List.of(area), f -> f);
            List<GeoPoint> ring = area.polygons().get(0).get(0);
            for (int i = 0; i + 1 < ring.size(); i++) {
                GeoPoint a = ring.get(i);
                GeoPoint b = ring.get(i + 1);
                double azimuth = Geodesic.WGS84.Inverse(a.latitude(), a.longitude(), b.latitude(), b.longitude()).azi1;
                for (double t : fractions) {
                    GeoPoint on = GeoPoint.of(a.latitude() + t * (b.latitude() - a.latitude()),
                            a.longitude() + t * (b.longitude() - a.longitude()));
                    for (double side : new double[] {-90, 90}) {
                        GeoPoint p = along(on, azimuth + side, 0.5e-6);
                        assertThat(area.covers(p)).as("edge %s, t %s, side %s", i, t, side).isTrue();
                        assertThat(area.distanceTo(p)).isZero();
                        assertThat(index.covering(p)).containsExactly(area);
                    }
                }
            }
        }
    }

    private static String wkt(String name) {
        return switch (name) {
            case "SQUARE" -> SQUARE;
            case "TRIANGLE" -> TRIANGLE;
            case "DIAMOND_AT_60N" -> DIAMOND_AT_60N;
            case "HOLED" -> HOLED;
            case "TWO_SQUARES" -> TWO_SQUARES;
            case "U_SHAPE" -> U_SHAPE;
            case "TALL_AT_80N" -> TALL_AT_80N;
            case "CAP" -> CAP;
            case "CAP_REVERSED" -> CAP_REVERSED;
            case "SQUARE_FROM_NE" -> SQUARE_FROM_NE;
            case "SQUARE_WITH_REPEATED_VERTEX" -> SQUARE_WITH_REPEATED_VERTEX;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
