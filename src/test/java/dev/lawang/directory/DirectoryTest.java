package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    private static final Agency SETDA = Agency.of("setda", "Sekretariat Daerah");
    private static final Agency UMUM = Agency.of("bagian-umum", "Bagian Umum").withParent(SETDA.id());
    private static final Agency DISKOMINFO = Agency.of("diskominfo", "Dinas Komunikasi dan Informatika");
    private static final Agency DKK = Agency.of("dkk", "Dinas Kesehatan");
    private static final Site COMPLEX = Site.builder(SiteId.of("setda-complex")).name("Kompleks Setda")
            .geofence(Geofence.parseWkt("POLYGON ((111.0196 -7.4247, 111.0224 -7.4247, 111.0225 -7.4281, "
                    + "111.0197 -7.4282, 111.0196 -7.4247))"))
            .tenants(DISKOMINFO.id(), UMUM.id()).build();
    private static final Site ANNEX = Site.builder(SiteId.of("diskominfo-annex")).name("Annex")
            .geofence(Geofence.circle(GeoPoint.of(-7.4250, 111.0222), 40)).tenants(DISKOMINFO.id()).build();
    private static final Site DKK_OFFICE = Site.builder(SiteId.of("dkk-sragen")).name("Kantor DKK")
            .geofence(Geofence.circle(GeoPoint.of(-7.4245, 111.0290), 50)).tenants(DKK.id()).build();

    private static Directory directory() {
        return Directory.builder().agencies(SETDA, UMUM, DISKOMINFO, DKK).sites(COMPLEX, ANNEX, DKK_OFFICE).build();
    }

    @Test
    void lookups_findSitesAndAgenciesById() {
        Directory dir = directory();
        assertThat(dir.site(SiteId.of("setda-complex"))).contains(COMPLEX);
        assertThat(dir.site(SiteId.of("nowhere"))).isEmpty();
        assertThat(dir.agency(AgencyId.of("bagian-umum"))).contains(UMUM);
        assertThat(dir.agency(AgencyId.of("kejari"))).isEmpty();
        assertThat(dir.agencies()).containsExactly(SETDA, UMUM, DISKOMINFO, DKK);
        assertThat(dir.sites()).containsExactly(COMPLEX, ANNEX, DKK_OFFICE);
        assertThat(dir.subAgencies(SETDA.id())).containsExactly(UMUM);
        assertThat(dir.subAgencies(DKK.id())).isEmpty();
        assertThat(dir).isEqualTo(directory()).hasSameHashCodeAs(directory());
        assertThat(dir.toString()).isEqualTo("Directory[4 agencies, 3 sites]");
    }

    @Test
    void sitesOf_listsWhereAnAgencyWorks() {
        Directory dir = directory();
        assertThat(dir.sitesOf(DISKOMINFO.id())).containsExactly(COMPLEX, ANNEX);
        assertThat(dir.sitesOf(UMUM.id())).containsExactly(COMPLEX);
        assertThat(dir.sitesOf(SETDA.id())).isEmpty();
        assertThat(dir.sitesOf(AgencyId.of("unknown"))).isEmpty();
    }

    @Test
    void sitesAt_findsEverySiteCoveringThePoint() {
        Directory dir = directory();
        assertThat(dir.sitesAt(GeoPoint.of(-7.4265, 111.0210))).containsExactly(COMPLEX);
        assertThat(dir.sitesAt(GeoPoint.of(-7.4250, 111.0222))).containsExactly(COMPLEX, ANNEX);
        assertThat(dir.sitesAt(GeoPoint.of(-7.4245, 111.0290))).containsExactly(DKK_OFFICE);
        assertThat(dir.sitesAt(GeoPoint.of(-7.4600, 111.0500))).isEmpty();
    }

    @Test
    void build_rejectsDuplicateAgencyIds() {
        assertThatThrownBy(() -> Directory.builder().agencies(DKK, Agency.of("dkk", "Other")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("agency id 'dkk' appears twice");
    }

    @Test
    void build_rejectsDuplicateSiteIds() {
        Site again = DKK_OFFICE.toBuilder().name("Copy").build();
        assertThatThrownBy(() -> Directory.builder().agencies(DKK).sites(DKK_OFFICE, again).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("site id 'dkk-sragen' appears twice");
    }

    @Test
    void build_rejectsTenantsThatAreNotAgencies() {
        assertThatThrownBy(() -> Directory.builder().agencies(DISKOMINFO).sites(COMPLEX).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site 'setda-complex' names tenant 'bagian-umum', which is not an agency of the directory");
    }

    @Test
    void build_rejectsUnknownParents() {
        assertThatThrownBy(() -> Directory.builder().agencies(UMUM).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agency 'bagian-umum' names parent 'setda', which is not an agency of the directory");
    }

    @Test
    void build_rejectsParentCyclesAndNamesThem() {
        Agency a = Agency.of("a", "A").withParent(AgencyId.of("b"));
        Agency b = Agency.of("b", "B").withParent(AgencyId.of("c"));
        Agency c = Agency.of("c", "C").withParent(AgencyId.of("a"));
        Agency d = Agency.of("d", "D").withParent(AgencyId.of("a"));
        assertThatThrownBy(() -> Directory.builder().agencies(d, a, b, c).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agency parents form a cycle: a -> b -> c -> a");
    }

    @Test
    void build_acceptsDeepChainsAndCopiesTheBuilder() {
        Directory.Builder builder = Directory.builder();
        for (int i = 0; i < 1_000; i++) {
            Agency agency = Agency.of("a" + i, "Agency " + i);
            builder.agencies(i == 0 ? agency : agency.withParent(AgencyId.of("a" + (i - 1))));
        }
        Directory first = builder.build();
        builder.agencies(List.of(DKK));
        assertThat(first.agencies()).hasSize(1_000);
        assertThat(builder.build().agencies()).hasSize(1_001);
    }

    @Test
    void emptyDirectory_findsNothing() {
        Directory empty = Directory.builder().build();
        assertThat(empty.sites()).isEmpty();
        assertThat(empty.sitesAt(GeoPoint.of(0, 0))).isEmpty();
    }
}
