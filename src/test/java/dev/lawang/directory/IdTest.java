package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "setda-complex", "puskesmas-sragen-1", "0"})
    void of_acceptsSlugs(String slug) {
        assertThat(SiteId.of(slug).value()).isEqualTo(slug);
        assertThat(AgencyId.of(slug).toString()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "Setda", "a b", "a_b", "é", "a\n",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void of_rejectsNonSlugsNamingTheValue(String bad) {
        assertThatThrownBy(() -> AgencyId.of(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agency id");
        assertThatThrownBy(() -> SiteId.of(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site id");
    }

    @org.junit.jupiter.api.Test
    void of_abbreviatesHugeValuesInTheMessage() {
        String huge = "x".repeat(1_000_000) + "!";
        assertThatThrownBy(() -> SiteId.of(huge)).hasMessageContaining("(1000001 chars)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }
}
