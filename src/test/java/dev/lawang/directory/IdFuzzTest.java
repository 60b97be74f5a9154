package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class IdFuzzTest {
    /** Any string either parses to an id that prints back unchanged, or fails with IllegalArgumentException. */
    @FuzzTest(maxDuration = "10s")
    void parse_acceptsOnlySlugsAndNeverThrowsAnythingElse(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(SiteId.of(text).value()).isEqualTo(text);
            assertThat(AgencyId.isValid(text)).isTrue();
        } catch (IllegalArgumentException expected) {
            assertThat(AgencyId.isValid(text)).isFalse();
        }
    }
}
