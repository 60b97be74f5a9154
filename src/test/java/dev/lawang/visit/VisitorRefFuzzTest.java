package dev.lawang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class VisitorRefFuzzTest {
    /** Any text either parses to a pseudonym that prints back unchanged, or fails with IllegalArgumentException. */
    @FuzzTest(maxDuration = "10s")
    void parse_acceptsOnlyThirtyTwoLowercaseHexDigits(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        boolean wellFormed = text.matches("[0-9a-f]{32}");
        try {
            assertThat(VisitorRef.parse(text).toText()).isEqualTo(text);
            assertThat(wellFormed).isTrue();
        } catch (IllegalArgumentException expected) {
            assertThat(wellFormed).isFalse();
            if (text.length() >= 4) {
                assertThat(expected.getMessage()).doesNotContain(text);
            }
        }
    }

    /** Any text either pseudonymises or fails with IllegalArgumentException whose message does not contain it. */
    @FuzzTest(maxDuration = "10s")
    void pseudonymise_acceptsOnlyLettersAndDigits(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        text.chars().filter(c -> !Character.isWhitespace(c) && c != '-' && c != '.').forEach(kept::appendCodePoint);
        String normalised = kept.toString();
        boolean wellFormed = normalised.matches("[0-9A-Za-z]{1,64}");
        try {
            assertThat(VisitorRef.pseudonymise(text, VisitorRefTest.SECRET).toText()).hasSize(32);
            assertThat(wellFormed).isTrue();
        } catch (IllegalArgumentException expected) {
            assertThat(wellFormed).isFalse();
            if (normalised.length() >= 4) {
                assertThat(expected.getMessage()).doesNotContain(normalised);
            }
        }
    }
}
