package dev.lawang.request;

import static dev.lawang.request.SmallRegency.completeRequest;
import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_DUKCAPIL_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.testing.TestClock;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestBookJsonTest {
    private static final Instant T0 = Instant.parse("2021-11-01T01:00:00Z");
    /** A round position near the middle of the Setda complex, so that the lines below read as written. */
    private static final GeoPoint POSITION = GeoPoint.of(-7.4265, 111.0208);
    private static final String HEADER = "{\"format\":\"lawang-request-book\",\"version\":1}\n";
    private static final String SUBMITTED = "{\"request\":1,\"step\":\"submitted\",\"at\":\"2021-11-01T01:00:00Z\","
            + "\"actor\":\"office:diskominfo\",\"requester\":\"diskominfo\",\"site\":\"setda-complex\","
            + "\"covering\":[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"],"
            + "\"position\":{\"latitude\":-7.4265,\"longitude\":111.0208},\"staffUsers\":40,"
            + "\"expectedGuestsPerDay\":150,\"photos\":[\"https://files.example.go.id/setda/front.jpg\"],"
            + "\"contact\":\"it.diskominfo@example.go.id\",\"notes\":\"Code to be shown at the main entrance.\"}\n";
    private static final String APPROVED = "{\"request\":1,\"step\":\"approved\",\"at\":\"2021-11-02T01:00:00Z\","
            + "\"actor\":\"kominfo:reviewer-1\"}\n";

    private final TestClock clock = TestClock.at(T0);

    private static String write(RequestBook book) throws IOException {
        StringWriter out = new StringWriter();
        book.writeJsonLines(out);
        return out.toString();
    }

    private RequestBook read(String text) throws IOException {
        return RequestBook.readJsonLines(new StringReader(text), clock);
    }

    /** A book with one request in each state: issued, rejected from approved, pending. */
    private RequestBook sampleBook() {
        RequestBook book = RequestBook.create(clock);
        RequestEntry setda = book.submit(completeRequest().build(), SmallRegency.directory(), "office:diskominfo");
        clock.advance(Duration.ofDays(1));
        book.approve(setda.id(), "kominfo:reviewer-1");
        RequestEntry registry = book.submit(CodeRequest.builder(DUKCAPIL, DUKCAPIL_OFFICE).position(IN_DUKCAPIL_OFFICE)
                .staffUsers(30).expectedGuestsPerDay(150).photo(URI.create("https://example.go.id/d.jpg"))
                .contact("dukcapil@example.go.id").notes("Quoted \"notes\", commas, and ünïcödé.").build(),
                SmallRegency.directory(), "office:dukcapil");
        clock.advance(Duration.ofHours(5));
        book.issue(setda.id(), Issuer.generate(), Instant.parse("2021-11-03T00:00:00Z"),
                Instant.parse("2022-05-03T00:00:00Z"), "kominfo:issuer");
        book.approve(registry.id(), "kominfo:reviewer-2");
        book.reject(registry.id(), "kominfo:head", "Photos show the back door; send one of the entrance.");
        book.submit(completeRequest().covering(BAGIAN_UMUM).build(), SmallRegency.directory(), "office:umum");
        return book;
    }

    @Test
    void writeJsonLines_writesTheDocumentedFormat() throws IOException {
        RequestBook book = RequestBook.create(clock);
        RequestEntry e = book.submit(completeRequest().position(POSITION).build(), SmallRegency.directory(),
                "office:diskominfo");
        clock.advance(Duration.ofDays(1));
        book.approve(e.id(), "kominfo:reviewer-1");
        clock.advance(Duration.ofHours(2));
        book.reject(e.id(), "kominfo:head", "Wrong site, \"annex\" is closed.");

        assertThat(write(book)).isEqualTo(HEADER + SUBMITTED + APPROVED
                + "{\"request\":1,\"step\":\"rejected\",\"at\":\"2021-11-02T03:00:00Z\",\"actor\":\"kominfo:head\","
                + "\"reason\":\"Wrong site, \\\"annex\\\" is closed.\"}\n");
    }

    @Test
    void writeJsonLines_writesTheIssuedCode() throws IOException {
        RequestBook book = read(HEADER + SUBMITTED + APPROVED);
        clock.set(Instant.parse("2021-11-03T00:00:00Z"));
        Issuer issuer = Issuer.generate();
        RequestEntry e = book.issue(RequestId.of(1), issuer, Instant.parse("2021-11-03T00:00:00Z"),
                Instant.parse("2022-05-03T00:00:00Z"), "kominfo:issuer");
        SharedCode code = e.code().orElseThrow();

        assertThat(write(book)).isEqualTo(HEADER + SUBMITTED + APPROVED
                + "{\"request\":1,\"step\":\"issued\",\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"kominfo:issuer\","
                + "\"code\":\"" + code.id() + "\",\"validFrom\":\"2021-11-03T00:00:00Z\","
                + "\"validUntil\":\"2022-05-03T00:00:00Z\","
                + "\"covering\":[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"],"
                + "\"text\":\"" + issuer.sign(code) + "\"}\n");
    }

    @Test
    void readJsonLines_roundTripsEveryStateExactly() throws IOException {
        RequestBook book = sampleBook();
        String text = write(book);

        RequestBook back = read(text);

        assertThat(back.entries()).isEqualTo(book.entries());
        assertThat(back.issuedCodes()).isEqualTo(book.issuedCodes());
        assertThat(write(back)).isEqualTo(text);
        assertThat(back.entries()).extracting(RequestEntry::state).containsExactly(State.ISSUED,
                State.REJECTED, State.SUBMITTED);
    }

    @Test
    void readJsonLines_givesABookThatGoesOnWithTheSameChecks() throws IOException {
        RequestBook back = read(write(sampleBook()));
        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> back.approve(RequestId.of(2), "r")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> back.submit(completeRequest().covering(BAGIAN_UMUM).build(),
                SmallRegency.directory(), "office:umum")).isInstanceOf(InvalidRequestException.class);
        assertThat(back.approve(RequestId.of(3), "r").history().get(1).at()).isEqualTo(clock.instant());
        assertThat(back.submit(completeRequest().covering(BAGIAN_HUKUM).build(), SmallRegency.directory(),
                "office:hukum").id()).isEqualTo(RequestId.of(4));
    }

    @Test
    void readJsonLines_acceptsAnEmptyBookAndCrLfLineEnds() throws IOException {
        assertThat(read(HEADER).entries()).isEmpty();
        assertThat(read((HEADER + SUBMITTED + APPROVED).replace("\n", "\r\n")).entries().get(0).state())
                .isEqualTo(State.APPROVED);
        assertThat(read(HEADER.strip()).entries()).isEmpty();
    }

    @Test
    void readJsonLines_passesOnTheReadersOwnFailureUnwrapped() {
        IOException broken = new IOException("disk gone");
        Reader failsAfterTwoLines = new Reader() {
            private final Reader text = new StringReader(HEADER + SUBMITTED);

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = text.read(buf, off, len);
                if (n == -1) {
                    throw broken;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> RequestBook.readJsonLines(failsAfterTwoLines, clock)).isSameAs(broken);
    }

    @Test
    void writeJsonLines_passesOnTheWritersOwnFailureUnwrappedAndLeavesTheBookAsItWas() throws IOException {
        RequestBook book = sampleBook();
        String before = write(book);
        IOException full = new IOException("no space left on device");
        Writer failsAfter200Characters = new Writer() {
            private int written;

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                written += len;
                if (written > 200) {
                    throw full;
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> book.writeJsonLines(failsAfter200Characters)).isSameAs(full);
        assertThat(write(book)).isEqualTo(before);
    }

    static Stream<Arguments> hostileFiles() {
        String sub = SUBMITTED.strip();
        return Stream.of(
                Arguments.of("empty input", "", 1, "empty input"),
                Arguments.of("no header", SUBMITTED, 1, "field 'format' is missing"),
                Arguments.of("another format", "{\"format\":\"geojson\",\"version\":1}\n", 1, "field 'format'"),
                Arguments.of("a later version", "{\"format\":\"lawang-request-book\",\"version\":2}\n", 1,
                        "unsupported version 2"),
                Arguments.of("version as a string", "{\"format\":\"lawang-request-book\",\"version\":\"1\"}\n", 1,
                        "unsupported version"),
                Arguments.of("not JSON", HEADER + "request 1 submitted\n", 2, "not valid JSON"),
                Arguments.of("trailing tokens", HEADER + sub + " {}\n", 2, "not valid JSON"),
                Arguments.of("a blank line", HEADER + "\n" + SUBMITTED, 2, "must be a JSON object"),
                Arguments.of("an array", HEADER + "[1,2]\n", 2, "must be a JSON object"),
                Arguments.of("duplicate field", HEADER + sub.replace("\"staffUsers\":40,",
                        "\"staffUsers\":40,\"staffUsers\":4000,") + "\n", 2, "not valid JSON"),
                Arguments.of("unknown field", HEADER + sub.replace("\"notes\":", "\"nik\":\"3314...\",\"notes\":")
                        + "\n", 2, "unknown field 'nik'"),
                Arguments.of("missing field", HEADER + sub.replace("\"staffUsers\":40,", "") + "\n", 2,
                        "field 'staffUsers' is missing"),
                Arguments.of("unknown step", HEADER + sub.replace("submitted", "withdrawn") + "\n", 2,
                        "field 'step' must be"),
                Arguments.of("count as a string", HEADER + sub.replace("\"staffUsers\":40", "\"staffUsers\":\"40\"")
                        + "\n", 2, "field 'staffUsers' must be a whole number"),
                Arguments.of("count as a fraction", HEADER + sub.replace("\"staffUsers\":40", "\"staffUsers\":40.5")
                        + "\n", 2, "field 'staffUsers' must be a whole number"),
                Arguments.of("count too large for an int", HEADER + sub.replace("\"staffUsers\":40",
                        "\"staffUsers\":4000000000") + "\n", 2, "field 'staffUsers' must be a whole number"),
                Arguments.of("absurd count", HEADER + sub.replace("\"staffUsers\":40", "\"staffUsers\":40000")
                        + "\n", 2, "staffUsers.tooMany"),
                Arguments.of("zero guests", HEADER + sub.replace("\"expectedGuestsPerDay\":150",
                        "\"expectedGuestsPerDay\":0") + "\n", 2, "expectedGuestsPerDay.notPositive"),
                Arguments.of("request number 0", HEADER + sub.replace("\"request\":1", "\"request\":0") + "\n", 2,
                        "field 'request' must be a whole number of at least 1"),
                Arguments.of("request out of order", HEADER + sub.replace("\"request\":1", "\"request\":2") + "\n",
                        2, "the next request must be R-1"),
                Arguments.of("bad time", HEADER + sub.replace("2021-11-01T01:00:00Z", "yesterday") + "\n", 2,
                        "field 'at' must be an ISO-8601 instant"),
                Arguments.of("blank actor", HEADER + sub.replace("office:diskominfo", " ") + "\n", 2,
                        "actor must be"),
                Arguments.of("bad agency id", HEADER + sub.replace("\"requester\":\"diskominfo\"",
                        "\"requester\":\"Dis Kominfo\"") + "\n", 2, "field 'requester': agency id must be"),
                Arguments.of("bad site id", HEADER + sub.replace("setda-complex", "-setda") + "\n", 2,
                        "field 'site': site id must be"),
                Arguments.of("empty covering", HEADER + sub.replace(
                        "[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"]", "[]") + "\n", 2,
                        "must list 1 to 64 agencies"),
                Arguments.of("an agency twice", HEADER + sub.replace("\"bagian-hukum\",\"bagian-umum\"",
                        "\"bagian-umum\",\"bagian-umum\"") + "\n", 2, "lists an agency twice"),
                Arguments.of("position out of range", HEADER + sub.replace("-7.4265", "-97.4265") + "\n", 2,
                        "field 'position': latitude"),
                Arguments.of("position as an array", HEADER + sub.replace(
                        "{\"latitude\":-7.4265,\"longitude\":111.0208}", "[111.0208,-7.4265]") + "\n", 2,
                        "field 'position' must be an object"),
                Arguments.of("position with an extra field", HEADER + sub.replace("\"longitude\":111.0208",
                        "\"longitude\":111.0208,\"altitude\":90") + "\n", 2, "field 'position' must be an object"),
                Arguments.of("photo not a URI", HEADER + sub.replace("https://files.example.go.id/setda/front.jpg",
                        "https://files example") + "\n", 2, "photo 1 is not a valid URI"),
                Arguments.of("photo over ftp", HEADER + sub.replace("https://", "ftp://") + "\n", 2,
                        "photos.notHttp"),
                Arguments.of("malformed contact", HEADER + sub.replace("it.diskominfo@example.go.id",
                        "it.diskominfo@@example.go.id") + "\n", 2, "contact.malformed"),
                Arguments.of("approve before submit", HEADER + APPROVED, 2, "request R-1 has not been submitted"),
                Arguments.of("approve twice", HEADER + SUBMITTED + APPROVED + APPROVED, 4, "it is APPROVED"),
                Arguments.of("approve before submission time", HEADER + SUBMITTED
                        + APPROVED.replace("2021-11-02T01:00:00Z", "2021-10-31T01:00:00Z"), 3,
                        "its last step was later"),
                Arguments.of("issue without approval", HEADER + SUBMITTED + "{\"request\":1,\"step\":\"issued\","
                        + "\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"i\",\"code\":\"0123456789abcdef0123456789abcdef\","
                        + "\"validFrom\":\"2021-11-03T00:00:00Z\",\"validUntil\":\"2022-05-03T00:00:00Z\","
                        + "\"covering\":[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"],\"text\":\"LW1:X\"}\n", 3,
                        "it is SUBMITTED"),
                Arguments.of("issue for other agencies", HEADER + SUBMITTED + APPROVED + "{\"request\":1,"
                        + "\"step\":\"issued\",\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"i\","
                        + "\"code\":\"0123456789abcdef0123456789abcdef\",\"validFrom\":\"2021-11-03T00:00:00Z\","
                        + "\"validUntil\":\"2022-05-03T00:00:00Z\",\"covering\":[\"kejari\"],\"text\":\"LW1:X\"}\n",
                        4, "must be for the site and agencies requested"),
                Arguments.of("issue with a reversed window", HEADER + SUBMITTED + APPROVED + "{\"request\":1,"
                        + "\"step\":\"issued\",\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"i\","
                        + "\"code\":\"0123456789abcdef0123456789abcdef\",\"validFrom\":\"2022-05-03T00:00:00Z\","
                        + "\"validUntil\":\"2021-11-03T00:00:00Z\","
                        + "\"covering\":[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"],\"text\":\"LW1:X\"}\n", 4,
                        "is not allowed"),
                Arguments.of("issue with a blank text", HEADER + SUBMITTED + APPROVED + "{\"request\":1,"
                        + "\"step\":\"issued\",\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"i\","
                        + "\"code\":\"0123456789abcdef0123456789abcdef\",\"validFrom\":\"2021-11-03T00:00:00Z\","
                        + "\"validUntil\":\"2022-05-03T00:00:00Z\","
                        + "\"covering\":[\"bagian-hukum\",\"bagian-umum\",\"diskominfo\"],\"text\":\"LW1:\\u00e9\"}\n", 4,
                        "field 'text' must be"),
                Arguments.of("reject without a reason", HEADER + SUBMITTED + "{\"request\":1,\"step\":\"rejected\","
                        + "\"at\":\"2021-11-03T00:00:00Z\",\"actor\":\"r\",\"reason\":\"\"}\n", 3,
                        "a rejection reason must be"),
                Arguments.of("duplicate open request", HEADER + SUBMITTED + SUBMITTED.replace("\"request\":1",
                        "\"request\":2"), 3, "covering.duplicate"),
                Arguments.of("a line of 70,000 characters", HEADER + sub.replace("Code to be shown",
                        "x".repeat(70_000)) + "\n", 2, "line longer than 65536 characters"),
                Arguments.of("deep nesting", HEADER + "[".repeat(5_000) + "\n", 2, "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void readJsonLines_refusesHostileInputNamingTheLine(String name, String text, long line, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(RequestBookFormatException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(message)
                .hasMessageNotContaining("it.diskominfo@")
                .hasMessageNotContaining("files.example.go.id");
    }

    @Test
    void readJsonLines_neverRepeatsTheContactAddressInAnError() {
        String hostile = HEADER + SUBMITTED.replace("\"staffUsers\":40", "\"staffUsers\":\"it.diskominfo@x.id\"")
                .replace("\"notes\":\"", "\"notes\":\"it.diskominfo@y.id");
        String jsonError = HEADER + "{\"contact\":\"it.diskominfo@example.go.id\" \"oops\"}\n";

        assertThatThrownBy(() -> read(hostile)).isInstanceOf(RequestBookFormatException.class)
                .hasMessageNotContaining("it.diskominfo@");
        assertThatThrownBy(() -> read(jsonError)).isInstanceOf(RequestBookFormatException.class)
                .hasMessageNotContaining("it.diskominfo@")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void readJsonLines_stopsReadingAtTheOverlongLine() {
        Reader endless = new Reader() {
            private long served;

            @Override
            public int read(char[] buf, int off, int len) {
                if (served > 10_000_000) {
                    throw new AssertionError("read past the bound");
                }
                for (int i = 0; i < len; i++) {
                    buf[off + i] = 'x';
                }
                served += len;
                return len;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> RequestBook.readJsonLines(endless, clock))
                .isInstanceOf(RequestBookFormatException.class).hasMessageContaining("line 1: line longer than");
    }
}
