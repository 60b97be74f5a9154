package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteTest {
    private static final Geofence FENCE = Geofence.circle(GeoPoint.of(-7.4265, 111.021), 80);

    @Test
    void builder_defaultsTheZoneToJakartaAndKeepsTenantOrder() {
        Site site = Site.builder(SiteId.of("setda-complex")).name("Kompleks Setda").geofence(FENCE)
                .tenants(AgencyId.of("diskominfo"), AgencyId.of("bpkpd"), AgencyId.of("diskominfo")).build();
        assertThat(site.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(site.tenants()).containsExactly(AgencyId.of("diskominfo"), AgencyId.of("bpkpd"));
        assertThat(site.address()).isEmpty();
        assertThat(site.hasTenant(AgencyId.of("bpkpd"))).isTrue();
        assertThat(site.hasTenant(AgencyId.of("dkk"))).isFalse();
    }

    @Test
    void build_copiesTheBuilderSoLaterChangesDoNotLeak() {
        Site.Builder builder = Site.builder(SiteId.of("rsud-sragen")).name("RSUD").geofence(FENCE)
                .tenants(AgencyId.of("rsud"));
        Site first = builder.build();
        builder.tenants(AgencyId.of("dkk")).zone(ZoneId.of("Asia/Makassar")).address("Jl. Raya Sukowati 534");
        Site second = builder.build();
        assertThat(first.tenants()).containsExactly(AgencyId.of("rsud"));
        assertThat(first.zone()).isEqualTo(Site.DEFAULT_ZONE);
        assertThat(second.tenants()).containsExactly(AgencyId.of("rsud"), AgencyId.of("dkk"));
        assertThat(second.address()).contains("Jl. Raya Sukowati 534");
        assertThat(second.toBuilder().build()).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> first.tenants().add(AgencyId.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void build_requiresNameAndGeofence() {
        assertThatThrownBy(() -> Site.builder(SiteId.of("a")).geofence(FENCE).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("site a needs a name");
        assertThatThrownBy(() -> Site.builder(SiteId.of("a")).name("A").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("site a needs a geofence");
    }

    @Test
    void address_rejectsBlankAndOverlongText() {
        Site.Builder builder = Site.builder(SiteId.of("a"));
        assertThatThrownBy(() -> builder.address(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("address of site a must be 1 to 500 characters");
        assertThatThrownBy(() -> builder.address("x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.name("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name of site a must be");
    }
}
