package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeofenceIndexTest {
    private record Named(String name, Geofence fence) {}

    @Test
    void covering_findsExactlyWhatABruteForceScanFindsInInputOrder() {
        Random random = new Random(3);
        List<Named> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            GeoPoint centre = GeoPoint.of(-7.6 + 0.4 * random.nextDouble(), 110.8 + 0.4 * random.nextDouble());
            Geofence fence = switch (i % 4) {
                case 0 -> Geofence.circle(centre, 20 + 200 * random.nextDouble());
                case 1 -> Geofence.parseWkt(GeofenceTest.office(centre.latitude(), centre.longitude(), 12,
                        30 + 300 * random.nextDouble(), i));
                // a few large fences among small ones exercise the coarser grid levels
                case 2 -> Geofence.circle(centre, i % 40 == 2 ? 4_000 : 50);
                default -> Geofence.parseWkt(GeofenceTest.office(centre.latitude(), centre.longitude(), 6,
                        i % 60 == 3 ? 4_000 : 80, i));
            };
            items.add(new Named("site-" + i, fence));
        }
        GeofenceIndex<Named> index = GeofenceIndex.of(items, Named::fence);
        assertThat(index.size()).isEqualTo(3_000);
        assertThat(index.items()).isEqualTo(items);
        int nonEmpty = 0;
        for (int q = 0; q < 20_000; q++) {
            GeoPoint p = q % 2 == 0
                    ? GeoPoint.of(-7.65 + 0.5 * random.nextDouble(), 110.75 + 0.5 * random.nextDouble())
                    : items.get(random.nextInt(items.size())).fence().interiorPoint();
            List<Named> expected = items.stream().filter(n -> n.fence().covers(p)).toList();
            assertThat(index.covering(p)).as("at %s", p).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(10_000);
    }

    @Test
    void covering_worksAcrossTheAntimeridian() {
        List<Geofence> fences = List.of(
                Geofence.circle(GeoPoint.of(-16.5, 179.9995), 150),
                Geofence.circle(GeoPoint.of(-16.5, -179.9995), 150),
                Geofence.parseWkt("POLYGON ((179.998 -16.501, 180 -16.501, 180 -16.499, 179.998 -16.499, "
                        + "179.998 -16.501))"),
                Geofence.parseWkt("POLYGON ((-180 -16.501, -179.998 -16.501, -179.998 -16.499, -180 -16.499, "
                        + "-180 -16.501))"));
        GeofenceIndex<Geofence> index = GeofenceIndex.of(fences, f -> f);
        assertThat(index.covering(GeoPoint.of(-16.5, 180))).containsExactlyElementsOf(fences);
        assertThat(index.covering(GeoPoint.of(-16.5, -180))).containsExactlyElementsOf(fences);
        assertThat(index.covering(GeoPoint.of(-16.5, 179.9993))).containsExactly(fences.get(0), fences.get(1),
                fences.get(2));
        assertThat(index.covering(GeoPoint.of(-16.5, -179.9993))).containsExactly(fences.get(0), fences.get(1),
                fences.get(3));
        assertThat(index.covering(GeoPoint.of(-16.5, 179.99))).isEmpty();
    }

    @Test
    void covering_onAnEmptyIndexFindsNothing() {
        GeofenceIndex<Geofence> index = GeofenceIndex.of(List.of(), f -> f);
        assertThat(index.covering(GeoPoint.of(0, 0))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void covering_findsEveryOneOfManyIdenticalFences() {
        Geofence same = Geofence.circle(GeoPoint.of(-7.43, 111.02), 30);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(i);
        }
        GeofenceIndex<Integer> index = GeofenceIndex.of(ids, i -> same);
        assertThat(index.covering(GeoPoint.of(-7.43, 111.02))).isEqualTo(ids);
    }

    /** Latitude 0 and longitude 0 are grid lines at every cell size; these edges lie half a nanodegree off them. */
    @ParameterizedTest(name = "{0} at {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POLYGON ((-0.001 -0.001, 0.001 -0.001, 0.001 5.0E-10, -0.001 5.0E-10, -0.001 -0.001))   | 0.0005  | 5.0E-10
            POLYGON ((-0.001 -5.0E-10, 0.001 -5.0E-10, 0.001 0.001, -0.001 0.001, -0.001 -5.0E-10)) | 0.0005  | -5.0E-10
            POLYGON ((-0.001 -0.001, 5.0E-10 -0.001, 5.0E-10 0.001, -0.001 0.001, -0.001 -0.001))   | 5.0E-10 | 0.0005
            POLYGON ((-5.0E-10 -0.001, 0.001 -0.001, 0.001 0.001, -5.0E-10 0.001, -5.0E-10 -0.001)) | -5.0E-10 | 0.0005
            """)
    void covering_findsAPointOnAnEdgeAHairFromAGridLine(String wkt, double lon, double lat) {
        Geofence fence = Geofence.parseWkt(wkt);
        GeoPoint p = GeoPoint.of(lat, lon);
        assertThat(fence.covers(p)).isTrue();
        assertThat(GeofenceIndex.of(List.of(fence), f -> f).covering(p)).containsExactly(fence);
    }

    @Test
    void covering_findsTheExtremePointsOfFencesInBothHemispheres() {
        List<Geofence> fences = new ArrayList<>();
        for (double lat : new double[] {-40, -7.4, 7.4, 40}) {
            fences.add(Geofence.circle(GeoPoint.of(lat, 110), 100));
            fences.add(Geofence.parseWkt("POLYGON ((111 " + lat + ", 111.001 " + lat + ", 111.001 " + (lat + 0.001)
                    + ", 111 " + (lat + 0.001) + ", 111 " + lat + "))"));
        }
        GeofenceIndex<Geofence> index = GeofenceIndex.of(fences, f -> f);
        for (Geofence fence : fences) {
            List<GeoPoint> extremes = new ArrayList<>();
            if (fence instanceof Geofence.Area area) {
                extremes.addAll(area.polygons().get(0).get(0));
            } else {
                Geofence.Circle circle = (Geofence.Circle) fence;
                for (int bearing = 0; bearing < 360; bearing += 90) {
                    extremes.add(GeofenceTest.along(circle.centre(), bearing, 99.999));
                }
            }
            for (GeoPoint p : extremes) {
                assertThat(index.covering(p)).as("%s at %s", fence, p).containsExactly(fence);
            }
        }
    }

    @Test
    void covering_findsEachOfManyFencesFarApart() {
        List<Geofence> fences = new ArrayList<>();
        for (int lat = -80; lat <= 80; lat += 8) {
            for (int lon = -180; lon < 180; lon += 12) {
                fences.add(Geofence.circle(GeoPoint.of(lat, lon), 100));
            }
        }
        GeofenceIndex<Geofence> index = GeofenceIndex.of(fences, f -> f);
        for (Geofence fence : fences) {
            assertThat(index.covering(fence.interiorPoint())).containsExactly(fence);
            assertThat(index.covering(GeofenceTest.along(fence.interiorPoint(), 45, 1_000))).isEmpty();
        }
    }

    @Test
    void of_rejectsNullsNamingThem() {
        assertThatThrownBy(() -> GeofenceIndex.<Geofence>of(null, f -> f)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GeofenceIndex.<Geofence>of(List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fenceOf");
        Geofence circle = Geofence.circle(GeoPoint.of(0, 0), 10);
        assertThatThrownBy(() -> GeofenceIndex.of(List.of(circle), f -> (Geofence) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("geofence");
        assertThatThrownBy(() -> GeofenceIndex.of(List.of(circle), f -> f).covering(null))
                .isInstanceOf(NullPointerException.class).hasMessage("point");
    }

    /** Near the pole a circle spans many more degrees of longitude than of latitude; the index must know. */
    @Test
    void covering_findsEveryPointOfALargeCircleNearThePole() {
        Geofence.Circle circle = Geofence.circle(GeoPoint.of(80, 30), Geofence.MAX_RADIUS_METERS);
        GeofenceIndex<Geofence> index = GeofenceIndex.of(List.of(circle), f -> f);
        for (int bearing = 0; bearing < 360; bearing++) {
            GeoPoint p = GeofenceTest.along(circle.centre(), bearing, Geofence.MAX_RADIUS_METERS - 0.05);
            assertThat(circle.covers(p)).as("bearing %s", bearing).isTrue();
            assertThat(index.covering(p)).as("bearing %s", bearing).containsExactly(circle);
        }
    }
}
