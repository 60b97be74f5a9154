package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixTest {
    private static final GeoPoint SETDA = GeoPoint.of(-7.4265, 111.0210);

    @Test
    void of_hasNoTimeAndIsNotMocked() {
        Fix fix = Fix.of(SETDA, 12.5);
        assertThat(fix.point()).isEqualTo(SETDA);
        assertThat(fix.accuracyMeters()).isEqualTo(12.5);
        assertThat(fix.time()).isNull();
        assertThat(fix.mocked()).isFalse();
    }

    @Test
    void atAndMocked_returnChangedCopies() {
        Instant t = Instant.parse("2021-12-15T02:00:00Z");
        Fix fix = Fix.of(SETDA, 12.5);
        Fix later = fix.at(t).mocked(true);
        assertThat(later).isEqualTo(new Fix(SETDA, 12.5, t, true));
        assertThat(fix.time()).isNull();
        assertThat(later.mocked(false).mocked()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 100_000.5})
    void of_rejectsAccuracyThatIsNotAPositiveFiniteRadius(double accuracy) {
        assertThatThrownBy(() -> Fix.of(SETDA, accuracy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy")
                .hasMessageEndingWith(": " + accuracy);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, 0.001, 65, Fix.MAX_ACCURACY_METERS})
    void of_acceptsEveryFinitePositiveAccuracyUpToTheMaximum(double accuracy) {
        assertThat(Fix.of(SETDA, accuracy).accuracyMeters()).isEqualTo(accuracy);
    }

    @Test
    void of_rejectsTheAccuracyJustAboveTheMaximum() {
        double accuracy = Math.nextUp(Fix.MAX_ACCURACY_METERS);
        assertThatThrownBy(() -> Fix.of(SETDA, accuracy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accuracy must be a finite number of metres in (0, 100000.0]: " + accuracy);
    }

    @Test
    void at_rejectsANullTime() {
        assertThatThrownBy(() -> Fix.of(SETDA, 5).at(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("time");
    }

    @Test
    void fixesAreEqualOnlyWithTheSamePointAccuracyTimeAndFlag() {
        Instant t = Instant.parse("2021-12-15T02:00:00Z");
        Fix fix = Fix.of(SETDA, 12.5).at(t);
        assertThat(fix).isEqualTo(new Fix(SETDA, 12.5, t, false)).hasSameHashCodeAs(new Fix(SETDA, 12.5, t, false))
                .isNotEqualTo(fix.mocked(true))
                .isNotEqualTo(Fix.of(SETDA, 12.5))
                .isNotEqualTo(Fix.of(SETDA, 12.6).at(t))
                .isNotEqualTo(Fix.of(GeoPoint.of(-7.4265, 111.0211), 12.5).at(t));
    }

    @Test
    void of_rejectsNullPoint() {
        assertThatThrownBy(() -> Fix.of(null, 5)).isInstanceOf(NullPointerException.class).hasMessage("point");
    }
}
