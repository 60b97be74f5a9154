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

    @Test
    void distanceTo_matchesGeographicLibWithinAMillionthUpTo100Km() {
        Random random = new Random(20211215);
        for (int i = 0; i < 10_000; i++) {
            double lat = -84 + 168 * random.nextDouble();
            double lon = -180 + 360 * random.nextDouble();
            double bearing = 360 * random.nextDouble();
            double metres = Math.pow(10, -1 + 6 * random.nextDouble());
            var direct = Geodesic.WGS84.Direct(lat, lon, bearing, metres);
            GeoPoint a = GeoPoint.of(lat, lon);
            GeoPoint b = GeoPoint.of(direct.lat2, normalise(direct.lon2));
            double expected = Geodesic.WGS84.Inverse(a.latitude(), a.longitude(), b.latitude(), b.longitude()).s12;
            assertThat(a.distanceTo(b)).as("%s to %s", a, b).isCloseTo(expected, within(1e-6 * expected + 1e-5));
            assertThat(a.distanceTo(b)).isCloseTo(expected, within(0.001 * expected));
        }
    }

    @Test
    void distanceTo_isAccurateAcrossContinentsAndNearlyAntipodalPoints() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            GeoPoint a = GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble());
            GeoPoint b = random.nextBoolean()
                    ? GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble())
                    : GeoPoint.of(-a.latitude() + random.nextGaussian() * 0.2,
                            normalise(a.longitude() + 180 + random.nextGaussian() * 0.5));
            double expected = Geodesic.WGS84.Inverse(a.latitude(), a.longitude(), b.latitude(), b.longitude()).s12;
            assertThat(a.distanceTo(b)).as("%s to %s", a, b).isCloseTo(expected, within(0.005 * expected));
            assertThat(b.distanceTo(a)).isCloseTo(a.distanceTo(b), within(0.005 * expected));
        }
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
