package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class RequestIdFuzzTest {
    /**
     * Any text either parses to an id that prints back unchanged, or fails with IllegalArgumentException and a short
     * message; the printed form is {@code R-} and 1 to 18 digits without a leading zero.
     */
    @FuzzTest(maxDuration = "10s")
    void parse_acceptsOnlyThePrintedFormAndThrowsNothingElse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        boolean wellFormed = text.matches("R-[1-9][0-9]{0,17}");
        try {
            RequestId id = RequestId.parse(text);
            assertThat(wellFormed).isTrue();
            assertThat(id).hasToString(text);
            assertThat(RequestId.of(id.number())).isEqualTo(id);
        } catch (IllegalArgumentException expected) {
            assertThat(wellFormed).isFalse();
            assertThat(expected.getMessage()).hasSizeLessThan(120);
        }
    }
}
