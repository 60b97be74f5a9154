package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyTest {
    @Test
    void of_createsATopLevelAgencyAndWithParentNestsIt() {
        Agency umum = Agency.of("bagian-umum", "Bagian Umum");
        assertThat(umum.id()).isEqualTo(AgencyId.of("bagian-umum"));
        assertThat(umum.name()).isEqualTo("Bagian Umum");
        assertThat(umum.parent()).isNull();
        Agency nested = umum.withParent(AgencyId.of("setda"));
        assertThat(nested.parent()).isEqualTo(AgencyId.of("setda"));
        assertThat(nested.withoutParent()).isEqualTo(umum);
        assertThat(umum.parent()).isNull();
    }

    @Test
    void of_stripsSurroundingSpaceFromTheName() {
        assertThat(Agency.of("dkk", "  Dinas Kesehatan ").name()).isEqualTo("Dinas Kesehatan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Bagian\nUmum", "Tab\there"})
    void of_rejectsBlankNamesAndControlCharacters(String name) {
        assertThatThrownBy(() -> Agency.of("dkk", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name of agency dkk must be 1 to 200 characters");
    }

    @Test
    void of_rejectsOverlongNamesAndAbbreviatesThemInTheMessage() {
        assertThatThrownBy(() -> Agency.of("dkk", "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("...(201 chars)'");
    }

    @Test
    void withParent_rejectsTheAgencyItself() {
        Agency dkk = Agency.of("dkk", "Dinas Kesehatan");
        assertThatThrownBy(() -> dkk.withParent(AgencyId.of("dkk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agency dkk cannot be its own parent");
    }

    @Test
    void of_rejectsBadIds() {
        assertThatThrownBy(() -> Agency.of("Dinas Kesehatan", "Dinas Kesehatan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Dinas Kesehatan'");
    }
}
