package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.testing.Sragen;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example directory of the Sragen case, docs/examples/sragen.geojson, which the tests, demo and docs use. */
class SragenDirectoryTest {
    private final Directory dir = Sragen.directory();

    @Test
    void file_holdsTheAgenciesAndSitesOfTheCase() {
        assertThat(dir.sites()).hasSize(52);
        assertThat(dir.agencies()).hasSize(66);
        assertThat(ids("puskesmas-")).hasSize(25);
        assertThat(ids("kecamatan-")).containsExactly("kecamatan-sragen", "kecamatan-karangmalang",
                "kecamatan-sidoharjo", "kecamatan-ngrampal", "kecamatan-gondang", "kecamatan-sambungmacan",
                "kecamatan-sambirejo", "kecamatan-kedawung", "kecamatan-masaran", "kecamatan-plupuh",
                "kecamatan-tanon", "kecamatan-gesi", "kecamatan-sukodono", "kecamatan-sumberlawang", "kecamatan-miri",
                "kecamatan-mondokan", "kecamatan-tangen", "kecamatan-jenar", "kecamatan-gemolong",
                "kecamatan-kalijambe");
        for (String id : List.of("setda-complex", "rsud-sragen", "dkk-sragen", "dispendukcapil", "rumdin-bupati",
                "rumdin-wakil-bupati", "kejari-sragen", "puskesmas-sragen", "kecamatan-gemolong")) {
            assertThat(dir.site(SiteId.of(id))).as(id).isPresent();
        }
    }

    @Test
    void setdaComplex_housesFourAgenciesAndTheTenSectionsOfSetda() {
        Site complex = dir.site(SiteId.of("setda-complex")).orElseThrow();
        assertThat(complex.tenants()).hasSize(14).contains(AgencyId.of("dpmptsp"), AgencyId.of("bpkpd"),
                AgencyId.of("bappeda-litbang"), AgencyId.of("diskominfo"), AgencyId.of("bagian-umum"));
        List<Agency> sections = dir.subAgencies(AgencyId.of("setda"));
        assertThat(sections).hasSize(10).allMatch(a -> a.id().value().startsWith("bagian-"));
        assertThat(sections).allMatch(a -> complex.hasTenant(a.id()));
        assertThat(dir.sitesOf(AgencyId.of("diskominfo"))).containsExactly(complex);
    }

    @Test
    void everyOtherSite_hasItsOwnAgency() {
        for (Site site : dir.sites()) {
            if (!site.id().value().equals("setda-complex")) {
                assertThat(site.tenants()).as(site.id().value()).hasSize(1);
                assertThat(dir.sitesOf(site.tenants().iterator().next())).containsExactly(site);
            }
        }
    }

    @Test
    void everySite_liesInsideTheRegencyAndOverlapsNoOther() {
        for (Site site : dir.sites()) {
            GeoPoint p = site.geofence().interiorPoint();
            assertThat(p.latitude()).as(site.id().value()).isBetween(-7.55, -7.2);
            assertThat(p.longitude()).as(site.id().value()).isBetween(110.75, 111.2);
            assertThat(dir.sitesAt(p)).as(site.id().value()).containsExactly(site);
        }
        assertThat(dir.site(SiteId.of("rsud-sragen")).orElseThrow().geofence())
                .isInstanceOfSatisfying(Geofence.Area.class, a -> assertThat(a.isMulti()).isTrue());
    }

    @Test
    void file_roundTripsThroughTheWriter() throws IOException {
        StringWriter out = new StringWriter();
        dir.writeGeoJson(out);
        assertThat(Directory.readGeoJson(new StringReader(out.toString()))).isEqualTo(dir);
    }

    private List<String> ids(String prefix) {
        return dir.sites().stream().map(s -> s.id().value()).filter(id -> id.startsWith(prefix)).toList();
    }
}
