package dev.lawang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.Admission;
import dev.lawang.code.CodeException;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {
    private static final Instant NOW = Instant.parse("2021-12-15T02:00:00Z");
    private static final GeoPoint CENTRE = GeoPoint.of(-7.43, 111.025);
    private static final Geofence FENCE = Geofence.circle(CENTRE, 60);

    @Test
    void healthRule_ignoreNeedsNoStatusAndRefusesNone() {
        for (HealthStatus s : HealthStatus.values()) {
            assertThat(HealthRule.ignore().check(s)).isNull();
        }
        assertThat(HealthRule.ignore().check(null)).isNull();
        assertThat(HealthRule.ignore().isStatusRequired()).isFalse();
        assertThat(HealthRule.ignore().refused()).isEmpty();
    }

    @Test
    void healthRule_refuseNamesTheStatusesAndRequiresOne() {
        HealthRule rule = HealthRule.refuse(HealthStatus.RED, HealthStatus.BLACK);
        assertThat(rule.check(HealthStatus.GREEN)).isNull();
        assertThat(rule.check(HealthStatus.YELLOW)).isNull();
        assertThat(rule.check(HealthStatus.RED)).isEqualTo(RefusalReason.STATUS_REFUSED);
        assertThat(rule.check(HealthStatus.BLACK)).isEqualTo(RefusalReason.STATUS_REFUSED);
        assertThat(rule.check(null)).isEqualTo(RefusalReason.STATUS_REQUIRED);
        assertThat(rule.allowMissing().check(null)).isNull();
        assertThat(rule.allowMissing().refused()).containsExactlyInAnyOrder(HealthStatus.RED, HealthStatus.BLACK);
        assertThat(rule).isEqualTo(HealthRule.refuse(HealthStatus.BLACK, HealthStatus.RED, HealthStatus.RED));
        assertThat(rule.toString()).isEqualTo("HealthRule[refuse [RED, BLACK], status required]");
    }

    @Test
    void healthRule_refuseNeedsAtLeastOneStatus() {
        assertThatThrownBy(HealthRule::refuse).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void locationRule_checksInTheDocumentedOrder() {
        LocationRule rule = LocationRule.requireInside();
        assertThat(rule.check(null, FENCE, NOW)).isEqualTo(RefusalReason.LOCATION_REQUIRED);
        Fix mockedOldOutside = Fix.of(GeoPoint.of(-7.40, 111.025), 5).at(NOW.minusSeconds(3600)).mocked(true);
        assertThat(rule.check(mockedOldOutside, FENCE, NOW)).isEqualTo(RefusalReason.LOCATION_SUSPICIOUS);
        assertThat(rule.check(mockedOldOutside.mocked(false), FENCE, NOW)).isEqualTo(RefusalReason.LOCATION_STALE);
        assertThat(rule.check(mockedOldOutside.mocked(false).at(NOW), FENCE, NOW))
                .isEqualTo(RefusalReason.OUTSIDE_GEOFENCE);
        assertThat(rule.check(Fix.of(CENTRE, 5).at(NOW), FENCE, NOW)).isNull();
    }

    @Test
    void locationRule_fixAgeBoundariesAreInclusive() {
        LocationRule rule = LocationRule.requireInside().withMaxFixAge(Duration.ofSeconds(30));
        assertThat(rule.check(Fix.of(CENTRE, 5).at(NOW.minusSeconds(30)), FENCE, NOW)).isNull();
        assertThat(rule.check(Fix.of(CENTRE, 5).at(NOW.plusSeconds(30)), FENCE, NOW)).isNull();
        assertThat(rule.check(Fix.of(CENTRE, 5).at(NOW.minusSeconds(31)), FENCE, NOW))
                .isEqualTo(RefusalReason.LOCATION_STALE);
        assertThat(rule.maxFixAge()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void locationRule_uncertaintyIsRefusedOnlyWhenInsideIsRequired() {
        Fix vague = Fix.of(CENTRE, 200).at(NOW);
        assertThat(LocationRule.requireInside().check(vague, FENCE, NOW)).isEqualTo(RefusalReason.LOCATION_UNCERTAIN);
        assertThat(LocationRule.allowUncertain().check(vague, FENCE, NOW)).isNull();
        assertThat(LocationRule.ignore().check(null, FENCE, NOW)).isNull();
        assertThat(LocationRule.ignore().isChecking()).isFalse();
    }

    @Test
    void locationRule_aHigherConfidenceTurnsAnEdgeCaseUncertain() {
        // 40 m from the centre of a 60 m circle with a 10 m accuracy: inside at 95 %, not at 99.99 %.
        Fix nearEdge = Fix.of(GeoPoint.of(-7.43 + 40 / 110_600.0, 111.025), 10).at(NOW);
        assertThat(LocationRule.requireInside().check(nearEdge, FENCE, NOW)).isNull();
        assertThat(LocationRule.requireInside().withConfidence(0.9999).check(nearEdge, FENCE, NOW))
                .isEqualTo(RefusalReason.LOCATION_UNCERTAIN);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 0.2, Double.NaN})
    void locationRule_rejectsConfidencesOutsideTheOpenInterval(double level) {
        assertThatThrownBy(() -> LocationRule.requireInside().withConfidence(level))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
    }

    @Test
    void locationRule_rejectsANonPositiveFixAge() {
        assertThatThrownBy(() -> LocationRule.requireInside().withMaxFixAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max fix age must be positive: PT0S");
    }

    @Test
    void screeningProtocol_standardRequiresBelow37point5MaskAndWashedHands() {
        ScreeningProtocol p = ScreeningProtocol.standard();
        assertThat(p.passes(Screening.of(37.4, true, true))).isTrue();
        assertThat(p.passes(Screening.of(37.5, true, true))).isFalse();
        assertThat(p.passes(Screening.of(36.0, false, true))).isFalse();
        assertThat(p.passes(Screening.of(36.0, true, false))).isFalse();
        assertThat(p.temperatureBelow()).isEqualTo(37.5);
        assertThat(p.isMaskRequired()).isTrue();
        assertThat(p.isHandWashRequired()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {29.9, 45.1, Double.NaN, Double.POSITIVE_INFINITY, -37})
    void screening_rejectsImpossibleTemperaturesWithoutRepeatingThem(double celsius) {
        assertThatThrownBy(() -> Screening.of(celsius, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body temperature must be from 30.0 to 45.0 °C");
    }

    @ParameterizedTest
    @ValueSource(doubles = {34.9, 42.1, Double.NaN})
    void screeningProtocol_rejectsImplausibleThresholds(double celsius) {
        assertThatThrownBy(() -> ScreeningProtocol.standard().withTemperatureBelow(celsius))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(CodeException.Reason.class)
    void refusalReason_mirrorsEveryCodeReason(CodeException.Reason reason) {
        RefusalReason mirrored = RefusalReason.of(reason);
        assertThat(mirrored.name()).isEqualTo(reason.name());
        assertThat(mirrored.sentence()).isEqualTo(reason.sentence());
        assertThat(mirrored.isCodeProblem()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Admission.Reason.class)
    void refusalReason_mirrorsEveryCapacityReasonWithItsSentence(Admission.Reason refusal) {
        RefusalReason mirrored = RefusalReason.of(refusal);
        assertThat(mirrored.name()).isEqualTo(refusal.name());
        assertThat(mirrored.sentence()).isEqualTo(refusal.sentence());
        assertThat(mirrored.isCodeProblem()).isFalse();
    }
}
