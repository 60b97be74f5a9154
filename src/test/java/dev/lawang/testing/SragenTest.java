package dev.lawang.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Containment;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared Sragen world says what the directory file says, and its points lie where the tests need them. */
class SragenTest {
    @Test
    void directory_isTheCaseFileReadOnce() {
        assertThat(Sragen.directory()).isSameAs(Sragen.directory());
        assertThat(Sragen.directory().agencies()).hasSize(66);
        assertThat(Sragen.directory().sites()).hasSize(52);
    }

    @Test
    void ids_nameSitesAndAgenciesOfTheFileWhereTheTestsSayTheyWork() {
        assertThat(Sragen.site(Sragen.SETDA).tenants()).containsExactlyElementsOf(Sragen.SETDA_UNITS);
        assertThat(Sragen.SETDA_UNITS).hasSize(14).doesNotHaveDuplicates();
        assertThat(Sragen.directory().sitesOf(Sragen.DUKCAPIL)).extracting(Site::id)
                .containsExactly(Sragen.DUKCAPIL_OFFICE);
        assertThat(Sragen.directory().sitesOf(Sragen.KEJARI)).extracting(Site::id)
                .containsExactly(Sragen.KEJARI_OFFICE);
        assertThat(Sragen.directory().sitesOf(Sragen.SEKRETARIAT_DAERAH)).isEmpty();
        assertThat(Sragen.directory().subAgencies(Sragen.SEKRETARIAT_DAERAH)).extracting(Agency::id)
                .containsExactlyElementsOf(Sragen.SETDA_UNITS.subList(4, 14));
        assertThat(Sragen.agency(Sragen.DUKCAPIL).name()).isEqualTo("Dinas Kependudukan dan Pencatatan Sipil");
        assertThat(Sragen.site(Sragen.KEJARI_OFFICE).geofence()).isEqualTo(Geofence.circle(GeoPoint.of(-7.4262,
                111.033), 50));
        assertThatThrownBy(() -> Sragen.site(SiteId.of("town-hall"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("town-hall");
        assertThatThrownBy(() -> Sragen.agency(AgencyId.of("bpbd"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bpbd");
    }

    @Test
    void withARequest_isEveryAgencyButTheSecretariatAndTheCivilRegistry() {
        assertThat(Sragen.WITH_A_REQUEST).hasSize(64).doesNotHaveDuplicates()
                .containsAll(Sragen.SETDA_UNITS).contains(Sragen.KEJARI, AgencyId.of("rsud"),
                        AgencyId.of("puskesmas-kalijambe"), AgencyId.of("kecamatan-kalijambe"))
                .doesNotContain(Sragen.SEKRETARIAT_DAERAH, Sragen.DUKCAPIL);
    }

    @Test
    void insidePoints_areInsideTheirSiteAloneEvenWithTheTenMetreFixesOfTheTests() {
        Map<SiteId, GeoPoint> points = Map.of(Sragen.SETDA, Sragen.IN_SETDA, Sragen.DUKCAPIL_OFFICE,
                Sragen.IN_DUKCAPIL_OFFICE, Sragen.KEJARI_OFFICE, Sragen.IN_KEJARI_OFFICE);
        points.forEach((id, point) -> {
            Site site = Sragen.site(id);
            assertThat(point).as("%s", id).isEqualTo(Sragen.inside(id));
            assertThat(site.geofence().covers(point)).as("%s", id).isTrue();
            assertThat(site.geofence().locate(Fix.of(point, 10))).as("%s", id).isEqualTo(Containment.INSIDE);
            assertThat(Sragen.directory().sitesAt(point)).as("%s", id).containsExactly(site);
        });
        assertThat(Sragen.IN_KEJARI_OFFICE).isEqualTo(GeoPoint.of(-7.4262, 111.033));
    }

    @Test
    void farAway_isAKilometreNorthOfTheSetdaComplexAndFarFromEveryFence() {
        // 0.0090 degrees of latitude at 7.42 degrees south: 0.009 * 110,593 m = 995.3 m on the WGS 84 ellipsoid.
        assertThat(Sragen.site(Sragen.SETDA).geofence().distanceTo(Sragen.FAR_AWAY)).isCloseTo(995.3, within(1.5));
        assertThat(Sragen.directory().sitesAt(Sragen.FAR_AWAY)).isEmpty();
        // The nearest fence is the RSUD's second building, whose north-east corner lies 0.0038 degrees south (424 m)
        // and 0.0049 degrees west (539 m) of the point: 685 m. No fix of the tests, 10 m or 150 m, reaches a fence.
        for (Site site : Sragen.directory().sites()) {
            assertThat(site.geofence().distanceTo(Sragen.FAR_AWAY)).as("%s", site.id()).isGreaterThan(600);
        }
    }

    @Test
    void times_areWallClockTimesInWib() {
        assertThat(Sragen.at(8, 0)).isEqualTo(Instant.parse("2021-12-15T01:00:00Z"));
        assertThat(Sragen.at(0, 0)).isEqualTo(Instant.parse("2021-12-14T17:00:00Z"));
        assertThat(Sragen.wib("2022-01-01T00:00")).isEqualTo(Instant.parse("2021-12-31T17:00:00Z"));
        assertThat(Sragen.REPORT_DAY.getDayOfWeek()).hasToString("WEDNESDAY");
    }

    @Test
    void visitors_haveSixteenDigitSragenIdsAndDistinctPseudonyms() {
        assertThat(Sragen.nik(0)).isEqualTo("3314010000000000");
        assertThat(Sragen.nik(Integer.MAX_VALUE)).isEqualTo("3314012147483647");
        assertThat(List.of(Sragen.visitor(1), Sragen.visitor(2))).doesNotHaveDuplicates();
        assertThat(Sragen.visitor(1)).isEqualTo(Sragen.visitor(1));
        assertThatThrownBy(() -> Sragen.nik(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
