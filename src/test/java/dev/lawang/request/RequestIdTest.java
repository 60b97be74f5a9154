package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {
    @Test
    void parse_readsWhatToStringWrites() {
        assertThat(RequestId.of(12)).hasToString("R-12");
        assertThat(RequestId.parse("R-12")).isEqualTo(RequestId.of(12));
        assertThat(RequestId.parse("R-999999999999999999").number()).isEqualTo(999_999_999_999_999_999L);
        assertThat(RequestId.of(2)).isLessThan(RequestId.of(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R-", "R-0", "R-01", "r-1", "R1", "R--1", "R-1x", "R- 1", " R-1", "R-1\n",
        "R-1000000000000000000", "R-\u0661", "#1"})
    void parse_refusesAnythingElseNamingTheText(String text) {
        assertThatThrownBy(() -> RequestId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("request id must be R- and a number without leading zeros");
    }

    @Test
    void of_refusesNumbersBelowOne() {
        assertThatThrownBy(() -> RequestId.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request number must be at least 1: 0");
        assertThatThrownBy(() -> RequestId.of(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_shortensAVeryLongTextInItsMessage() {
        assertThatThrownBy(() -> RequestId.parse("R-" + "x".repeat(10_000)))
                .isInstanceOf(IllegalArgumentException.class).message().hasSizeLessThan(120);
    }
}
