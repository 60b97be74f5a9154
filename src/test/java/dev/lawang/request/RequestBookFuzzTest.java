package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import dev.lawang.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

class RequestBookFuzzTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2021-12-15T03:00:00Z"));

    /**
     * Any text either loads as a book that writes itself back unchanged, or fails with RequestBookFormatException;
     * nothing else is thrown.
     */
    @FuzzTest(maxDuration = "30s")
    void readJsonLines_loadsAValidHistoryOrThrowsOnlyTheFormatException(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        RequestBook book;
        try {
            book = RequestBook.readJsonLines(new StringReader(text), CLOCK);
        } catch (RequestBookFormatException expected) {
            assertThat(expected.line()).isPositive();
            return;
        }
        StringWriter first = new StringWriter();
        book.writeJsonLines(first);
        RequestBook again = RequestBook.readJsonLines(new StringReader(first.toString()), CLOCK);
        StringWriter second = new StringWriter();
        again.writeJsonLines(second);
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(again.entries()).isEqualTo(book.entries());
    }
}
