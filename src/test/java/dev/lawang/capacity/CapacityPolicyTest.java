package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityPolicyTest {
    private static final SiteId SETDA = SiteId.of("setda-complex");
    private static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");

    @Test
    void builder_presentLimitsCountEveryoneAndQuotasCountGuestsByDefault() {
        CapacityPolicy policy = CapacityPolicy.builder().maxPresent(SETDA, 120).maxPresent(SETDA, DUKCAPIL, 20)
                .dailyQuota(SETDA, DUKCAPIL, 150).dailyQuota(SETDA, 400, Role.GUEST, Role.STAFF).build();

        assertThat(policy.maxPresent(SETDA)).contains(Limit.of(120, EnumSet.allOf(Role.class)));
        assertThat(policy.maxPresent(SETDA, DUKCAPIL)).contains(Limit.of(20, EnumSet.allOf(Role.class)));
        assertThat(policy.dailyQuota(SETDA, DUKCAPIL)).contains(Limit.of(150, Set.of(Role.GUEST)));
        assertThat(policy.dailyQuota(SETDA).orElseThrow().roles()).containsExactly(Role.STAFF, Role.GUEST);
        assertThat(policy.maxPresent(SiteId.of("other"))).isEmpty();
        assertThat(policy.dailyQuota(SETDA, AgencyId.of("other"))).isEmpty();
        assertThat(policy.defaultStay()).isEqualTo(Duration.ofHours(8));
        assertThat(policy.levels(SETDA)).isEqualTo(LevelSchedule.none());
        assertThat(policy.sites()).containsExactly(SETDA);
    }

    @Test
    void build_copiesSoTheBuilderCanBeReused() {
        CapacityPolicy.Builder builder = CapacityPolicy.builder().maxPresent(SETDA, 50);
        CapacityPolicy first = builder.build();

        CapacityPolicy second = builder.maxPresent(SETDA, 25).build();

        assertThat(first.maxPresent(SETDA).orElseThrow().nominal()).isEqualTo(50);
        assertThat(second.maxPresent(SETDA).orElseThrow().nominal()).isEqualTo(25);
        assertThat(first.toBuilder().build()).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(CapacityPolicy.builder().maxPresent(SETDA, 25).maxPresent(SETDA, 50).build()).isEqualTo(first);
    }

    @Test
    void levels_ofASiteReplaceTheGeneralSchedule() {
        LevelSchedule general = LevelSchedule.of(LevelSchedule.Entry.of(java.time.LocalDate.of(2021, 9, 21),
                java.time.LocalDate.of(2021, 10, 5), 3, 25, "Inmendagri 43/2021"));
        LevelSchedule own = LevelSchedule.of(LevelSchedule.Entry.of(java.time.LocalDate.of(2021, 9, 21),
                java.time.LocalDate.of(2021, 10, 5), 2, 50, "Inmendagri 43/2021"));
        SiteId other = SiteId.of("kecamatan-tangen");

        CapacityPolicy policy = CapacityPolicy.builder().levels(general).levels(SETDA, own).build();

        assertThat(policy.levels(SETDA)).isEqualTo(own);
        assertThat(policy.levels(other)).isEqualTo(general);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -150, Integer.MIN_VALUE, 1_000_000_001, Integer.MAX_VALUE})
    void builder_rejectsNegativeAndOverflowingLimitsNamingThem(int n) {
        CapacityPolicy.Builder builder = CapacityPolicy.builder().maxPresent(SETDA, 10);

        assertThatThrownBy(() -> builder.maxPresent(SETDA, n)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(n));
        assertThatThrownBy(() -> builder.maxPresent(SETDA, DUKCAPIL, n)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.dailyQuota(SETDA, n)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.dailyQuota(SETDA, DUKCAPIL, n)).isInstanceOf(IllegalArgumentException.class);

        assertThat(builder.build().maxPresent(SETDA).orElseThrow().nominal()).isEqualTo(10);
        assertThat(builder.build().dailyQuota(SETDA)).isEmpty();
    }

    @Test
    void builder_acceptsTheExtremes() {
        CapacityPolicy policy = CapacityPolicy.builder().maxPresent(SETDA, 0).dailyQuota(SETDA, Limit.MAX).build();

        assertThat(policy.maxPresent(SETDA).orElseThrow().nominal()).isZero();
        assertThat(policy.dailyQuota(SETDA).orElseThrow().nominal()).isEqualTo(1_000_000_000);
    }

    @Test
    void builder_rejectsBadStaysAndNulls() {
        CapacityPolicy.Builder builder = CapacityPolicy.builder();

        assertThatThrownBy(() -> builder.defaultStay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.defaultStay(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-5M");
        assertThatThrownBy(() -> builder.defaultStay(Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxPresent(null, 3)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.maxPresent(SETDA, 3, (Role) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Limit.of(3, Set.of())).isInstanceOf(IllegalArgumentException.class);

        assertThat(builder.build()).isEqualTo(CapacityPolicy.unlimited());
        assertThat(builder.build().defaultStay()).isEqualTo(CapacityPolicy.DEFAULT_STAY);
    }
}
