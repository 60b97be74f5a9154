package dev.lawang.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorRefTest {
    /** Bytes 0x00 to 0x1f: the secret of the test vectors in docs/privacy.md. */
    static final byte[] SECRET = secret(0);

    static byte[] secret(int first) {
        byte[] s = new byte[32];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (first + i);
        }
        return s;
    }

    // Expected values computed with Python's hmac module, independently of this code.
    @ParameterizedTest
    @ValueSource(strings = {
        "3314010101010001=22a915208007e8000e0744c2cabd70f3",
        "A1234567=1e631b93998200c65a3b49f928cad2e7",
        "3314010101010002=63709984af06e9fa18a998c758701b15"})
    void pseudonymise_matchesTheDocumentedTestVectors(String vector) {
        String[] parts = vector.split("=");
        assertThat(VisitorRef.pseudonymise(parts[0], SECRET).toText()).isEqualTo(parts[1]);
    }

    @Test
    void pseudonymise_dependsOnTheSecret() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 0xff);
        assertThat(VisitorRef.pseudonymise("3314010101010001", other).toText())
                .isEqualTo("9a3fa85813be94bd42cd2da1dab6a0cf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3314 0101 0101 0001", " 3314-0101-0101-0001 ", "3314.0101.0101.0001", "3314010101010001\n"})
    void pseudonymise_ignoresSeparatorsAndSurroundingSpace(String formatted) {
        assertThat(VisitorRef.pseudonymise(formatted, SECRET))
                .isEqualTo(VisitorRef.pseudonymise("3314010101010001", SECRET));
    }

    @Test
    void pseudonymise_isCaseInsensitiveForLetters() {
        assertThat(VisitorRef.pseudonymise("a1234567", SECRET).toText()).isEqualTo("1e631b93998200c65a3b49f928cad2e7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "- . -", "3314/0101", "33140101010100é1", "3314\u00000101"})
    void pseudonymise_rejectsIdsWithoutOrWithForeignCharactersWithoutRepeatingThem(String bad) {
        assertThatThrownBy(() -> VisitorRef.pseudonymise(bad, SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("national id")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("3314"));
    }

    @Test
    void pseudonymise_rejectsIdsLongerThanTheLimit() {
        assertThat(VisitorRef.pseudonymise("9".repeat(64), SECRET)).isNotNull();
        assertThatThrownBy(() -> VisitorRef.pseudonymise("9".repeat(65), SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("999"));
        assertThatThrownBy(() -> VisitorRef.pseudonymise("9".repeat(5_000_000), SECRET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pseudonymise_rejectsSecretsShorterThan32Bytes() {
        assertThatThrownBy(() -> VisitorRef.pseudonymise("3314010101010001", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret must be at least 32 bytes, got 31");
    }

    @Test
    void toString_revealsNeitherThePseudonymNorTheId() {
        VisitorRef ref = VisitorRef.pseudonymise("3314010101010001", SECRET);
        assertThat(ref.toString()).isEqualTo("VisitorRef[redacted]");
    }

    @Test
    void parse_readsBackTheTextForm() {
        VisitorRef ref = VisitorRef.pseudonymise("3314010101010001", SECRET);
        assertThat(VisitorRef.parse(ref.toText())).isEqualTo(ref).hasSameHashCodeAs(ref);
        assertThat(VisitorRef.parse("0123456789abcdef0123456789abcdef").toText())
                .isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
        "0123456789ABCDEF0123456789ABCDEF", "+123456789abcdef0123456789abcdef", "0123456789abcdeg0123456789abcdef",
        "0123456789abcdef 123456789abcdef"})
    void parse_rejectsAnythingButThirtyTwoLowercaseHexDigitsWithoutRepeatingIt(String bad) {
        assertThatThrownBy(() -> VisitorRef.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("visitor pseudonym must be 32 lowercase hexadecimal digits")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0123456789"));
    }
}
