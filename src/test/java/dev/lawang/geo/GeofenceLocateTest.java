package dev.lawang.geo;

import static dev.lawang.geo.GeofenceTest.along;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Geofence#locate(Fix)}: INSIDE from a band of z·σ inside the boundary on, OUTSIDE from a band outside it on,
 * UNCERTAIN in between, with holes and the polygons of a multipolygon counted as the boundary they are.
 */
class GeofenceLocateTest {
    private static final String SQUARE =
            "POLYGON ((111.02 -7.43, 111.03 -7.43, 111.03 -7.42, 111.02 -7.42, 111.02 -7.43))";
    private static final String HOLED = "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0), "
            + "(0.004 0.004, 0.006 0.004, 0.006 0.006, 0.004 0.006, 0.004 0.004))";
    private static final String TWO_SQUARES = "MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0)), "
            + "((0.003 0, 0.004 0, 0.004 0.001, 0.003 0.001, 0.003 0)))";
    private static final String U_SHAPE =
            "POLYGON ((0 0, 0.003 0, 0.003 0.003, 0.002 0.003, 0.002 0.001, 0.001 0.001, 0.001 0.003, 0 0.003, 0 0))";

    /**
     * At 95 % the band is 1.645 × accuracy / 1.51: 21.8 m for 20 m, 65.4 m for 60 m, 109.0 m for 100 m and 114.4 m
     * for 105 m. {@code nearest} is the distance to the nearest edge, for the reader.
     */
    @ParameterizedTest(name = "{0} at {1} {2} (edge {3} m away), accuracy {4} m -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            HOLED       | 0.005  | 0.005  | 111 |  20 | OUTSIDE
            HOLED       | 0.005  | 0.005  | 111 | 105 | UNCERTAIN
            HOLED       | 0.003  | 0.005  | 111 |  20 | INSIDE
            HOLED       | 0.003  | 0.005  | 111 | 100 | INSIDE
            HOLED       | 0.003  | 0.005  | 111 | 105 | UNCERTAIN
            HOLED       | 0.007  | 0.005  | 111 | 105 | UNCERTAIN
            HOLED       | 0.005  | 0.003  | 111 | 100 | INSIDE
            HOLED       | 0.005  | 0.007  | 111 | 105 | UNCERTAIN
            HOLED       | 0.005  | 0.011  | 111 | 100 | OUTSIDE
            HOLED       | 0.005  | 0.011  | 111 | 105 | UNCERTAIN
            HOLED       | -0.001 | 0.005  | 111 | 100 | OUTSIDE
            HOLED       | -0.001 | 0.005  | 111 | 105 | UNCERTAIN
            TWO_SQUARES | 0.002  | 0.0005 | 111 |  20 | OUTSIDE
            TWO_SQUARES | 0.002  | 0.0005 | 111 | 100 | OUTSIDE
            TWO_SQUARES | 0.002  | 0.0005 | 111 | 105 | UNCERTAIN
            TWO_SQUARES | 0.0035 | 0.0005 |  55 |  20 | INSIDE
            TWO_SQUARES | 0.0035 | 0.0005 |  55 |  60 | UNCERTAIN
            TWO_SQUARES | 0.0005 | 0.0005 |  55 |  20 | INSIDE
            TWO_SQUARES | 0.0005 | 0.0005 |  55 |  60 | UNCERTAIN
            U_SHAPE     | 0.0015 | 0.002  |  55 |  20 | OUTSIDE
            U_SHAPE     | 0.0015 | 0.002  |  55 |  60 | UNCERTAIN
            U_SHAPE     | 0.0015 | 0.0005 |  55 |  20 | INSIDE
            U_SHAPE     | 0.0015 | 0.0005 |  55 |  60 | UNCERTAIN
            U_SHAPE     | 0.0025 | 0.002  |  55 |  20 | INSIDE
            U_SHAPE     | 0.0025 | 0.002  |  55 |  60 | UNCERTAIN
            """)
    void locate_countsHolesAndEveryPolygonAsBoundary(String name, double lon, double lat, double nearest,
            double accuracy, Containment expected) {
        Geofence fence = Geofence.parseWkt(wkt(name));
        assertThat(fence.locate(Fix.of(GeoPoint.of(lat, lon), accuracy))).isEqualTo(expected);
    }

    /** A fix exactly a band from the boundary is decided; a hair less and it is not. */
    @ParameterizedTest(name = "{0} m from the centre")
    @ValueSource(doubles = {40, 75, 99.5, 100.5, 125, 300})
    void locate_decidesAFixExactlyABandFromACircle(double metres) {
        GeoPoint centre = GeoPoint.of(-7.4265, 111.0210);
        Geofence.Circle circle = Geofence.circle(centre, 100);
        GeoPoint p = along(centre, 30, metres);
        double d = circle.signedDistance(p.latitude(), p.longitude());
        Containment side = d > 0 ? Containment.INSIDE : Containment.OUTSIDE;
        assertThat(circle.locate(p.latitude(), p.longitude(), Math.abs(d))).isEqualTo(side);
        assertThat(circle.locate(p.latitude(), p.longitude(), Math.nextUp(Math.abs(d))))
                .isEqualTo(Containment.UNCERTAIN);
        assertThat(circle.locate(p.latitude(), p.longitude(), Math.nextDown(Math.abs(d)))).isEqualTo(side);
    }

    /** The nearest edge runs east-west, so the distance to it is exact and the band can sit on it. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            111.025 | -7.4275
            111.025 | -7.4215
            111.025 | -7.4305
            111.025 | -7.419
            111.021 | -7.4290
            111.029 | -7.4205
            """)
    void locate_decidesAFixExactlyABandFromAnArea(double lon, double lat) {
        Geofence.Area square = Geofence.parseWkt(SQUARE);
        double d = square.signedDistance(lat, lon);
        Containment side = d > 0 ? Containment.INSIDE : Containment.OUTSIDE;
        assertThat(square.locate(lat, lon, Math.abs(d))).isEqualTo(side);
        assertThat(square.locate(lat, lon, Math.nextUp(Math.abs(d)))).isEqualTo(Containment.UNCERTAIN);
        assertThat(square.locate(lat, lon, Math.nextDown(Math.abs(d)))).isEqualTo(side);
    }

    /** However precise a fix claims to be, an interior point is inside and a point on the boundary undecided. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, 1e-300, 1e-160, 1e-12})
    void locate_withAVanishingAccuracyStillTellsTheSides(double accuracy) {
        Geofence square = Geofence.parseWkt(SQUARE);
        Geofence circle = Geofence.circle(GeoPoint.of(-7.425, 111.025), 100);
        GeoPoint centre = GeoPoint.of(-7.425, 111.025);
        for (Geofence fence : new Geofence[] {square, circle}) {
            assertThat(fence.locate(Fix.of(centre, accuracy))).as("%s", fence).isEqualTo(Containment.INSIDE);
            assertThat(fence.locate(Fix.of(GeoPoint.of(-7.41, 111.025), accuracy))).as("%s", fence)
                    .isEqualTo(Containment.OUTSIDE);
        }
        assertThat(square.locate(Fix.of(GeoPoint.of(-7.43, 111.02), accuracy))).isEqualTo(Containment.UNCERTAIN);
        assertThat(square.locate(Fix.of(GeoPoint.of(-7.43, 111.025), accuracy))).isEqualTo(Containment.UNCERTAIN);
    }

    @Test
    void locate_acceptsConfidencesJustInsideTheOpenInterval() {
        Geofence circle = Geofence.circle(GeoPoint.of(-7.4265, 111.0210), 100);
        Fix fix = Fix.of(along(GeoPoint.of(-7.4265, 111.0210), 30, 75), 20);
        // z = 0 at one half: any fix off the boundary is decided.
        assertThat(circle.locate(fix, Math.nextUp(0.5))).isEqualTo(Containment.INSIDE);
        // z = 5.2 at 1 - 1e-7: the band is 69 m, wider than the 25 m to the boundary.
        assertThat(circle.locate(fix, 1 - 1e-7)).isEqualTo(Containment.UNCERTAIN);
    }

    /**
     * Near the edge of an area's bounding box with a narrow band: 0.3 m out with a 0.55 m band is undecided; at 80°N
     * the east-west scale at the fix's latitude decides whether 30 m out is a band away.
     */
    @ParameterizedTest(name = "{0} {1} at {2}° by {3} m, band {4} m -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            111.03 | -7.425  |  90 | 0.3 | 0.55  | UNCERTAIN
            111.03 | -7.425  |  90 | 0.3 | 0.25  | OUTSIDE
            111.025 | -7.42  |   0 | 0.3 | 0.55  | UNCERTAIN
            111.025 | -7.42  |   0 | 0.3 | 0.25  | OUTSIDE
            10.01  | 80.039  |  90 | 30  | 30.15 | UNCERTAIN
            10.01  | 80.039  |  90 | 30  | 29.85 | OUTSIDE
            10.01  | 79.961  |  90 | 30  | 30.15 | UNCERTAIN
            10.01  | 79.961  |  90 | 30  | 29.85 | OUTSIDE
            10.005 | 80.039  |  90 | 1   | 0.5   | INSIDE
            """)
    void locate_nearTheBoundingBoxMeasuresAtTheFixsLatitude(double lon, double lat, double bearing, double metres,
            double band, Containment expected) {
        Geofence fence = lat > 0 ? Geofence.parseWkt("POLYGON ((10 79.96, 10.01 79.96, 10.01 80.04, 10 80.04, 10 79.96))")
                : Geofence.parseWkt(SQUARE);
        GeoPoint p = along(GeoPoint.of(lat, lon), bearing, metres);
        // The band is z * accuracy / 1.5096 with z = 1.6449 at 95 %.
        double accuracy = band * Geofence.SIGMA_PER_68_RADIUS / 1.6448536269514722;
        assertThat(fence.locate(Fix.of(p, accuracy))).isEqualTo(expected);
    }

    @Test
    void locate_onASquareWrittenFromItsNorthEastCornerWalksEveryEdge() {
        Geofence.Area square = Geofence.parseWkt(
                "POLYGON ((111.03 -7.42, 111.03 -7.43, 111.02 -7.43, 111.02 -7.42, 111.03 -7.42))");
        assertThat(square.locate(Fix.of(GeoPoint.of(-7.425, 111.025), 20))).isEqualTo(Containment.INSIDE);
        assertThat(square.locate(Fix.of(GeoPoint.of(-7.4299, 111.025), 20))).isEqualTo(Containment.UNCERTAIN);
        assertThat(square.locate(Fix.of(GeoPoint.of(-7.4305, 111.0299), 5))).isEqualTo(Containment.OUTSIDE);
    }

    private static String wkt(String name) {
        return switch (name) {
            case "HOLED" -> HOLED;
            case "TWO_SQUARES" -> TWO_SQUARES;
            case "U_SHAPE" -> U_SHAPE;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
