package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityPolicyTest {
    private static final SiteId SETDA = SiteId.of("setda-complex");
    private static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    private static final LevelSchedule GENERAL = LevelSchedule.of(LevelSchedule.Entry.of(LocalDate.of(2021, 9, 21),
            LocalDate.of(2021, 10, 5), 3, 25, "Inmendagri 43/2021"));
    private static final LevelSchedule OWN = LevelSchedule.of(LevelSchedule.Entry.of(LocalDate.of(2021, 9, 21),
            LocalDate.of(2021, 10, 5), 2, 50, "Inmendagri 43/2021"));

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

    /** A policy that sets every kind of rule once. */
    private static CapacityPolicy.Builder everyRule() {
        return CapacityPolicy.builder().maxPresent(SETDA, 120).dailyQuota(SETDA, 400, Role.GUEST, Role.STAFF)
                .maxPresent(SETDA, DUKCAPIL, 20).dailyQuota(SETDA, DUKCAPIL, 150).levels(GENERAL)
                .levels(SETDA, OWN).defaultStay(Duration.ofHours(2));
    }

    @Test
    void toBuilder_keepsEveryRuleAndChangesOnlyTheCopy() {
        CapacityPolicy policy = everyRule().build();

        CapacityPolicy copy = policy.toBuilder().build();
        CapacityPolicy changed = policy.toBuilder().maxPresent(SETDA, DUKCAPIL, 5).dailyQuota(SETDA, DUKCAPIL, 6)
                .build();

        assertThat(copy).isEqualTo(policy);
        assertThat(copy.maxPresent(SETDA)).contains(Limit.of(120, EnumSet.allOf(Role.class)));
        assertThat(copy.dailyQuota(SETDA)).contains(Limit.of(400, EnumSet.allOf(Role.class)));
        assertThat(copy.maxPresent(SETDA, DUKCAPIL)).contains(Limit.of(20, EnumSet.allOf(Role.class)));
        assertThat(copy.dailyQuota(SETDA, DUKCAPIL)).contains(Limit.of(150, Set.of(Role.GUEST)));
        assertThat(copy.levels(SETDA)).isEqualTo(OWN);
        assertThat(copy.levels(SiteId.of("kecamatan-tangen"))).isEqualTo(GENERAL);
        assertThat(copy.defaultStay()).isEqualTo(Duration.ofHours(2));
        assertThat(changed.maxPresent(SETDA, DUKCAPIL).orElseThrow().nominal()).isEqualTo(5);
        assertThat(changed.dailyQuota(SETDA, DUKCAPIL).orElseThrow().nominal()).isEqualTo(6);
        assertThat(policy.maxPresent(SETDA, DUKCAPIL).orElseThrow().nominal()).isEqualTo(20);
        assertThat(policy.dailyQuota(SETDA, DUKCAPIL).orElseThrow().nominal()).isEqualTo(150);
    }

    @Test
    void equals_andHashCode_tellPoliciesApartByEachRule() {
        CapacityPolicy policy = everyRule().build();
        List<CapacityPolicy> others = List.of(
                everyRule().maxPresent(SETDA, 121).build(),
                everyRule().dailyQuota(SETDA, 400).build(),
                everyRule().maxPresent(SETDA, DUKCAPIL, 20, Role.GUEST).build(),
                everyRule().dailyQuota(SETDA, DUKCAPIL, 151).build(),
                everyRule().levels(LevelSchedule.none()).build(),
                everyRule().levels(SETDA, GENERAL).build(),
                everyRule().defaultStay(Duration.ofHours(3)).build(),
                CapacityPolicy.unlimited());

        assertThat(everyRule().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(policy));
        assertThat(others).extracting(CapacityPolicy::hashCode).doesNotContain(policy.hashCode());
        assertThat(policy).isNotEqualTo(null).isNotEqualTo(policy.toString());
    }

    @Test
    void toString_namesEveryRule() {
        CapacityPolicy policy = CapacityPolicy.builder().maxPresent(SETDA, 120).maxPresent(SETDA, DUKCAPIL, 20)
                .dailyQuota(SETDA, 400).dailyQuota(SETDA, DUKCAPIL, 150).levels(SETDA, OWN)
                .defaultStay(Duration.ofHours(2)).build();

        assertThat(policy).hasToString("CapacityPolicy[maxPresent={setda-complex=120 [STAFF, GUEST]},"
                + " agencyMaxPresent={setda-complex={dispendukcapil=20 [STAFF, GUEST]}},"
                + " dailyQuota={setda-complex=400 [GUEST]},"
                + " agencyDailyQuota={setda-complex={dispendukcapil=150 [GUEST]}}, levels=LevelSchedule[],"
                + " siteLevels={setda-complex=" + OWN + "}, defaultStay=PT2H]");
    }

    @Test
    void defaultStay_acceptsFromOneNanosecondToExactlySevenDays() {
        assertThat(CapacityPolicy.builder().defaultStay(CapacityPolicy.MAX_STAY).build().defaultStay())
                .isEqualTo(Duration.ofDays(7));
        assertThat(CapacityPolicy.builder().defaultStay(Duration.ofNanos(1)).build().defaultStay())
                .isEqualTo(Duration.ofNanos(1));
        assertThatThrownBy(() -> CapacityPolicy.builder().defaultStay(CapacityPolicy.MAX_STAY.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT168H0.000000001S");
    }
}
