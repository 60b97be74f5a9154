package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {
    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NaN       | 0         | latitude must be a finite number in [-90, 90]: NaN
            Infinity  | 0         | latitude must be a finite number in [-90, 90]: Infinity
            -Infinity | 0         | latitude must be a finite number in [-90, 90]: -Infinity
            90.0001   | 0         | latitude must be a finite number in [-90, 90]: 90.0001
            -91       | 0         | latitude must be a finite number in [-90, 90]: -91.0
            0         | NaN       | longitude must be a finite number in [-180, 180]: NaN
            0         | 180.5     | longitude must be a finite number in [-180, 180]: 180.5
            0         | -Infinity | longitude must be a finite number in [-180, 180]: -Infinity
            """)
    void of_rejectsBadCoordinatesNamingTheValue(double latitude, double longitude, String message) {
        assertThatThrownBy(() -> GeoPoint.of(latitude, longitude))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void of_acceptsTheExtremes() {
        assertThat(GeoPoint.of(-90, -180)).isEqualTo(new GeoPoint(-90, -180));
        assertThat(GeoPoint.of(90, 180).latitude()).isEqualTo(90);
        assertThat(GeoPoint.of(90, 180).longitude()).isEqualTo(180);
    }

    @Test
    void of_rejectsTheNumbersJustBeyondTheExtremes() {
        for (double latitude : new double[] {Math.nextUp(90.0), Math.nextDown(-90.0)}) {
            assertThatThrownBy(() -> GeoPoint.of(latitude, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("latitude must be a finite number in [-90, 90]: " + latitude);
        }
        for (double longitude : new double[] {Math.nextUp(180.0), Math.nextDown(-180.0)}) {
            assertThatThrownBy(() -> GeoPoint.of(0, longitude)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("longitude must be a finite number in [-180, 180]: " + longitude);
        }
    }

    @Test
    void toWkt_putsLongitudeFirst() {
        assertThat(GeoPoint.of(-7.4275, 111.0186).toWkt()).isEqualTo("POINT (111.0186 -7.4275)");
    }

    @Test
    void distanceTo_isZeroForTheSamePoint() {
        GeoPoint p = GeoPoint.of(-7.4275, 111.0186);
        assertThat(p.distanceTo(p)).isZero();
    }

    @ParameterizedTest(name = "{0}, {1} and {2}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0                  | 0       | 0                   | 1
            0                  | 0       | 0                   | 90
            0                  | 10      | 0                   | -10
            0                  | 0       | 10                  | 0
            10                 | 20      | 60                  | 20
            -7.4265            | 111.021 | -7.4265             | 111.0211
            90                 | 0       | 89                  | 45
            90                 | 0       | 90                  | 120
            -90                | 10      | -45                 | -170
            -30.11092992728799 | 5       | -30.110929927287987 | 5
            45                 | 0       | 45                  | 1e-12
            60                 | -179.5  | 60                  | 179.5
            """)
    void distanceTo_isTheGeodesicWithinATenthOfAMillimetreInSpecialPlaces(double lat1, double lon1, double lat2,
            double lon2) {
        double expected = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
        GeoPoint a = GeoPoint.of(lat1, lon1);
        GeoPoint b = GeoPoint.of(lat2, lon2);
        assertThat(a.distanceTo(b)).isCloseTo(expected, within(1e-4));
        assertThat(b.distanceTo(a)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void distanceTo_isTheGeodesicWithinATenthOfAMillimetreUpTo19900Km() {
        Random random = new Random(20211215);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            double lat = -90 + 180 * random.nextDouble();
            double lon = -180 + 360 * random.nextDouble();
            GeoPoint a = GeoPoint.of(lat, lon);
            GeoPoint b;
            if (i % 2 == 0) {
                // Distances spread evenly in magnitude, from 10 cm to 19,900 km.
                double metres = Math.pow(10, -1 + 8.3 * random.nextDouble());
                var direct = Geodesic.WGS84.Direct(lat, lon, 360 * random.nextDouble(), metres);
                b = GeoPoint.of(direct.lat2, normalise(direct.lon2));
            } else {
                b = GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble());
            }
            double expected = Geodesic.WGS84.Inverse(a.latitude(), a.longitude(), b.latitude(), b.longitude()).s12;
            if (expected > 19_900_000) {
                continue;
            }
            assertThat(a.distanceTo(b)).as("%s to %s", a, b).isCloseTo(expected, within(1e-4));
            checked++;
        }
        assertThat(checked).isGreaterThan(19_000);
    }

    @Test
    void distanceTo_isWithinAFifthOfAPercentForNearlyAntipodalPoints() {
        Random random = new Random(7);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            GeoPoint a = GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble());
            GeoPoint b = GeoPoint.of(Math.max(-90, Math.min(90, -a.latitude() + random.nextGaussian() * 0.5)),
                    normalise(a.longitude() + 180 + random.nextGaussian()));
            double expected = Geodesic.WGS84.Inverse(a.latitude(), a.longitude(), b.latitude(), b.longitude()).s12;
            if (expected <= 19_900_000) {
                continue;
            }
            assertThat(a.distanceTo(b)).as("%s to %s", a, b).isCloseTo(expected, within(0.002 * expected));
            assertThat(b.distanceTo(a)).as("%s to %s", b, a).isCloseTo(expected, within(0.002 * expected));
            checked++;
        }
        assertThat(checked).isGreaterThan(15_000);
    }

    @Test
    void distanceTo_acrossTheAntimeridianIsShort() {
        GeoPoint east = GeoPoint.of(-16.5, 179.9995);
        GeoPoint west = GeoPoint.of(-16.5, -179.9995);
        double expected = Geodesic.WGS84.Inverse(-16.5, 179.9995, -16.5, -179.9995).s12;
        assertThat(east.distanceTo(west)).isCloseTo(expected, within(1e-5)).isLessThan(110);
    }

    private static double normalise(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return Math.max(-180, Math.min(180, l));
    }
}
