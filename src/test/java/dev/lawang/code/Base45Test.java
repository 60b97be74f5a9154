package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base45Test {
    /** The examples of RFC 9285, section 4. */
    @ParameterizedTest
    @CsvSource({"AB, BB8", "Hello!!, %69 VD92EX0", "base-45, UJCLQE7W581", "ietf!, QED8WEX0"})
    void encode_matchesTheExamplesOfRfc9285(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base45.encode(bytes)).isEqualTo(encoded);
        assertThat(Base45.decode(encoded, 0)).isEqualTo(bytes);
    }

    @Test
    void decode_roundTripsEveryPairOfBytesAndEverySingleByte() {
        for (int n = 0; n < 65536; n++) {
            byte[] pair = {(byte) (n >>> 8), (byte) n};
            assertThat(Base45.decode(Base45.encode(pair), 0)).isEqualTo(pair);
        }
        for (int n = 0; n < 256; n++) {
            byte[] one = {(byte) n};
            assertThat(Base45.decode(Base45.encode(one), 0)).isEqualTo(one);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "ABCD", "GGW", ":::", "::", "6", "a", "AB#", "\u00c4BC", "BB8 "})
    void decode_rejectsNonCanonicalText(String text) {
        assertThatThrownBy(() -> Base45.decode(text, 0)).isInstanceOfSatisfying(CodeException.class,
                e -> assertThat(e.reason()).isEqualTo(CodeException.Reason.MALFORMED));
    }

    @Test
    void decode_acceptsTheLargestGroupValues() {
        assertThat(Base45.decode("FGW", 0)).containsExactly(0xFF, 0xFF);
        assertThat(Base45.decode("U5", 0)).containsExactly(0xFF);
    }
}
