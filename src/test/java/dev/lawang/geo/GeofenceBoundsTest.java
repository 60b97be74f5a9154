package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(Geofence.parseWkt(wkt.toString()).vertexCount()).isEqualTo(vertices);
    }
}
