package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void decode_roundTripsEveryPairOfBytesAndEverySingleByte() {
        for (int n = 0; n < 65536; n++) {
            byte[] pair = {(byte) (n >>> 8), (byte) n};
            assertThat(decode(Base45.encode(pair))).isEqualTo(pair);
        }
        for (int n = 0; n < 256; n++) {
            byte[] one = {(byte) n};
            assertThat(decode(Base45.encode(one))).isEqualTo(one);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "ABCD", "GGW", ":::", "::", "6", "a", "AB#", "\u00c4BC", "BB8 "})
    void decode_rejectsNonCanonicalTextAsMalformedWithoutThrowing(String text) {
        Refusal refusal = new Refusal();

        assertThat(Base45.decode(text, 0, refusal)).isNull();
        assertThat(refusal.rejected().reason()).isEqualTo(CodeException.Reason.MALFORMED);
        assertThat(refusal.rejected().detail()).containsAnyOf("length", "value", "alphabet");
    }

    @Test
    void decode_namesWhatIsWrongAndWhere() {
        assertThat(problem("ABCD")).isEqualTo("Base45 text of 4 characters: the length must not leave one character"
                + " over");
        assertThat(problem("BB8a5")).contains("U+0061 at 3");
        assertThat(problem(":::")).isEqualTo("Base45 group at character 0 has value 91124, above 65535");
        assertThat(problem("BB8::")).isEqualTo("final Base45 pair at character 3 has value 2024, above 255");
        assertThat(problem("\u00c4BC")).contains("U+00C4 at 0");
    }

    @Test
    void decode_readsFromTheGivenOffset() {
        assertThat(decode("LW1:BB8", 4)).containsExactly('A', 'B');
    }

    private static byte[] decode(String text) {
        return decode(text, 0);
    }

    private static byte[] decode(String text, int from) {
        Refusal refusal = new Refusal();
        byte[] out = Base45.decode(text, from, refusal);
        assertThat(out).as("decoded %s", text).isNotNull();
        return out;
    }

    private static String problem(String text) {
        Refusal refusal = new Refusal();
        assertThat(Base45.decode(text, 0, refusal)).isNull();
        return refusal.rejected().detail();
    }

    @Test
    void decode_acceptsTheLargestGroupValues() {
        assertThat(decode("FGW")).containsExactly(0xFF, 0xFF);
        assertThat(decode("U5")).containsExactly(0xFF);
        assertThat(problem("GGW")).contains("65536");
        assertThat(problem("V5")).contains("256");
    }
}
