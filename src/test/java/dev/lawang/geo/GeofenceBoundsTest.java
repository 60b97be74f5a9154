package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounds of {@link Geofence}, on both sides of each: what is accepted right up to it and rejected beyond. */
class GeofenceBoundsTest {
    @ParameterizedTest(name = "radius {0} m")
    @ValueSource(doubles = {Double.MIN_VALUE, 0.001, 1, Geofence.MAX_RADIUS_METERS})
    void circle_acceptsEveryRadiusUpToTheMaximum(double radius) {
        assertThat(Geofence.circle(GeoPoint.of(-7.4, 111), radius).radiusMeters()).isEqualTo(radius);
    }

    @ParameterizedTest(name = "centre at {0}, radius {1} m: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            84.9   | 5000  | true
            -84.9  | 5000  | true
            84.99  | 1000  | true
            84.96  | 5000  | false
            -84.96 | 5000  | false
            84.995 | 1000  | false
            85     | 0.001 | false
            """)
    void circle_mustStayWithin85DegreesOfTheEquator(double latitude, double radius, boolean accepted) {
        GeoPoint centre = GeoPoint.of(latitude, 20);
        if (accepted) {
            assertThat(Geofence.circle(centre, radius).centre()).isEqualTo(centre);
        } else {
            assertThatThrownBy(() -> Geofence.circle(centre, radius))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("circle around " + centre + " reaches beyond 85.0 degrees of latitude, where geofences"
                            + " are not supported");
        }
    }

    /** An empty message means the area is accepted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POLYGON ((0 85, 0.001 85, 0.001 84.999, 0 85))                            | ''
            POLYGON ((0 -85, 0.001 -85, 0.001 -84.999, 0 -85))                        | ''
            POLYGON ((0 85.00000000000001, 0.001 85, 0.001 84.999, 0 85.00000000000001)) | exterior ring, vertex 1: latitude 85.00000000000001 is beyond 85.0 degrees, where geofences are not supported
            POLYGON ((0 -84.999, 0.001 -85.00000000000001, 0.001 -84.999, 0 -84.999))  | exterior ring, vertex 2: latitude -85.00000000000001 is beyond 85.0 degrees, where geofences are not supported
            POLYGON ((10 60, 10.15 60, 10.15 60.01, 10 60.01, 10 60))                 | ''
            POLYGON ((10 -60, 10.15 -60, 10.15 -60.01, 10 -60.01, 10 -60))            | ''
            POLYGON ((10 60, 10.19 60, 10.19 60.01, 10 60.01, 10 60))                 | area is 10602 m wide and 1114 m high; at most 10000 m each way is accepted
            POLYGON ((10 -60, 10.19 -60, 10.19 -60.01, 10 -60.01, 10 -60))            | area is 10602 m wide and 1114 m high; at most 10000 m each way is accepted
            POLYGON ((0 -0.01, 0.089 -0.01, 0.089 0.01, 0 0.01, 0 -0.01))            | ''
            POLYGON ((0 -0.01, 0.091 -0.01, 0.091 0.01, 0 0.01, 0 -0.01))            | area is 10130 m wide and 2211 m high; at most 10000 m each way is accepted
            POLYGON ((0 0.001, 0.091 0.001, 0.091 0.01, 0 0.01, 0 0.001))            | area is 10130 m wide and 995 m high; at most 10000 m each way is accepted
            POLYGON ((0 -0.01, 0.091 -0.01, 0.091 -0.001, 0 -0.001, 0 -0.01))        | area is 10130 m wide and 995 m high; at most 10000 m each way is accepted
            POLYGON ((0 0, 0.01 0, 0.01 0.09, 0 0.09, 0 0))                           | ''
            POLYGON ((0 0, 0.01 0, 0.01 0.0905, 0 0.0905, 0 0))                       | area is 1113 m wide and 10007 m high; at most 10000 m each way is accepted
            MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0)), ((0.095 0, 0.096 0, 0.096 0.001, 0.095 0))) | area is 10687 m wide and 111 m high; at most 10000 m each way is accepted
            """)
    void parseWkt_keepsAreasWithin85DegreesAndTenKilometres(String wkt, String message) {
        if (message.isEmpty()) {
            Geofence.Area area = Geofence.parseWkt(wkt);
            assertThat(area.covers(area.interiorPoint())).isTrue();
        } else {
            assertThatThrownBy(() -> Geofence.parseWkt(wkt))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0)) trailing   | not valid WKT: text after the geometry at character 43
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0)))           | not valid WKT: text after the geometry at character 43
            ') POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0))'        | not valid WKT: unbalanced ')' at character 1
            'POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0)), (1 1)'   | not valid WKT: text after the geometry at character 43
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0), EMPTY)     | hole 1 has 0 distinct points; at least 3 are needed
            MULTIPOLYGON (EMPTY, ((0 0, 0.001 0, 0.001 0.001, 0 0))) | polygon 1, exterior ring has 0 distinct points; at least 3 are needed
            POLYGON ((0 0))                                       | not valid WKT: Invalid number of points in LineString (found 1 - must be 0 or >= 2)
            POLYGON (())                                          | not valid WKT: Expected number but found ')' (line 1)
            POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0)             | not valid WKT: Expected word but found End-of-Stream (line 1)
            """)
    void parseWkt_rejectsMalformedTextSayingWhere(String wkt, String message) {
        assertThatThrownBy(() -> Geofence.parseWkt(wkt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {Geofence.MAX_WKT_LENGTH - 1, Geofence.MAX_WKT_LENGTH})
    void parseWkt_acceptsTextUpToTheMaximumLength(int length) {
        String square = "POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0))";
        String padded = square + " ".repeat(length - square.length());
        assertThat(Geofence.parseWkt(padded)).isEqualTo(Geofence.parseWkt(square));
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {Geofence.MAX_WKT_LENGTH + 1, Geofence.MAX_WKT_LENGTH + 1000})
    void parseWkt_rejectsTextBeyondTheMaximumLength(int length) {
        String square = "POLYGON ((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0))";
        String padded = square + " ".repeat(length - square.length());
        assertThatThrownBy(() -> Geofence.parseWkt(padded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WKT text is " + length + " characters; at most 1000000 are accepted");
    }

    @ParameterizedTest(name = "{0} vertices")
    @ValueSource(ints = {Geofence.MAX_VERTICES - 1, Geofence.MAX_VERTICES})
    void parseWkt_acceptsAreasOfUpToTheMaximumNumberOfVertices(int vertices) {
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        int n = vertices - 1;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            wkt.append(0.001 * Math.cos(a)).append(' ').append(0.001 * Math.sin(a)).append(", ");
        }
        wkt.append("0.001 0.0))");
        Geofence.Area area = Geofence.parseWkt(wkt.toString());
        assertThat(area.vertexCount()).isEqualTo(vertices);
        assertThat(area.covers(GeoPoint.of(0, 0))).isTrue();
        assertThat(area.covers(GeoPoint.of(0, 0.0011))).isFalse();
        assertThat(area.locate(Fix.of(GeoPoint.of(0, 0), 5))).isEqualTo(Containment.INSIDE);
    }

    /** Metres per degree along the equator, from WGS84's semi-major axis. */
    private static final double EQUATOR_METRES_PER_DEGREE = Math.toRadians(6_378_137.0);
    /** Metres per degree of latitude at the equator: the meridional radius a(1 - e²) there. */
    private static final double MERIDIAN_METRES_PER_DEGREE_AT_EQUATOR;

    static {
        double f = 1 / 298.257223563;
        MERIDIAN_METRES_PER_DEGREE_AT_EQUATOR = Math.toRadians(6_378_137.0 * (1 - f * (2 - f)));
    }

    @Test
    void parseWkt_acceptsAnAreaExactly10000MetresWideOrHigh() {
        double lon = exactly(5_000 * 2, EQUATOR_METRES_PER_DEGREE);
        Geofence.Area wide = Geofence.parseWkt("POLYGON ((0 0, " + lon + " 0, " + lon + " 0.001, 0 0.001, 0 0))");
        assertThat(wide.covers(wide.interiorPoint())).isTrue();
        double halfHeight = exactly(5_000, MERIDIAN_METRES_PER_DEGREE_AT_EQUATOR);
        Geofence.Area high = Geofence.parseWkt("POLYGON ((0 " + -halfHeight + ", 0.001 " + -halfHeight + ", 0.001 "
                + halfHeight + ", 0 " + halfHeight + ", 0 " + -halfHeight + "))");
        assertThat(high.covers(high.interiorPoint())).isTrue();
        assertThatThrownBy(() -> Geofence.parseWkt("POLYGON ((0 0, " + Math.nextUp(lon) + " 0, " + Math.nextUp(lon)
                + " 0.001, 0 0.001, 0 0))")).hasMessageStartingWith("area is 10000 m wide");
    }

    /** An area across the equator is as wide as it is there, not at its northern or southern edge. */
    @Test
    void parseWkt_measuresTheWidthOfAnAreaAcrossTheEquatorAtTheEquator() {
        double lon = 10_000.002 / EQUATOR_METRES_PER_DEGREE;
        assertThatThrownBy(() -> Geofence.parseWkt("POLYGON ((0 -0.04, " + lon + " -0.04, " + lon + " 0.04, 0 0.04, "
                + "0 -0.04))")).hasMessage("area is 10000 m wide and 8846 m high; at most 10000 m each way is accepted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POLYGON ((-90 0, 90 0, 90 0.001, -90 0))  | area is 20037508 m wide and 111 m high; at most 10000 m each way is accepted
            MULTIPOLYGON (((-90 0, -89.999 0, -89.999 0.001, -90 0)), ((89.999 0, 90 0, 90 0.001, 89.999 0))) | area is 20037508 m wide and 111 m high; at most 10000 m each way is accepted
            POLYGON ((-90 0, 90.001 0, 90.001 0.001, -90 0)) | exterior ring crosses the antimeridian (longitudes from -90.0 to 90.001); areas must lie on one side of it
            MULTIPOLYGON (((-90 0, -89.999 0, -89.999 0.001, -90 0)), ((89.999 0, 90.001 0, 90.001 0.001, 89.999 0))) | area crosses the antimeridian (longitudes from -90.0 to 90.001); areas must lie on one side of it
            """)
    void parseWkt_takesASpanOfMoreThan180DegreesAsCrossingTheAntimeridian(String wkt, String message) {
        assertThatThrownBy(() -> Geofence.parseWkt(wkt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void circle_mayReachExactly85Degrees() {
        double latitude = 84.96;
        double ky = GeoPoint.metresPerDegreeLatitude(latitude);
        double radius = (85 - latitude) * ky;
        while (latitude + radius / ky > 85) {
            radius = Math.nextDown(radius);
        }
        while (latitude + Math.nextUp(radius) / ky <= 85) {
            radius = Math.nextUp(radius);
        }
        assertThat(latitude + radius / ky).isEqualTo(85);
        assertThat(Geofence.circle(GeoPoint.of(latitude, 0), radius).radiusMeters()).isEqualTo(radius);
        double beyond = Math.nextUp(radius);
        assertThatThrownBy(() -> Geofence.circle(GeoPoint.of(latitude, 0), beyond))
                .hasMessageContaining("reaches beyond 85.0 degrees");
    }

    /** The number of degrees whose product with {@code metresPerDegree} is exactly {@code metres}. */
    private static double exactly(double metres, double metresPerDegree) {
        double degrees = metres / metresPerDegree;
        while (degrees * metresPerDegree > metres) {
            degrees = Math.nextDown(degrees);
        }
        while (degrees * metresPerDegree < metres) {
            degrees = Math.nextUp(degrees);
        }
        assertThat(degrees * metresPerDegree).isEqualTo(metres);
        return degrees;
    }
}
