package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.code.Issuer;
import dev.lawang.directory.Directory;
import dev.lawang.request.CoverageReport.AgencyRow;
import dev.lawang.request.CoverageReport.State;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Sragen case of {@code docs/requests.md}, built on the shared {@link Sragen} world. */
class SragenCoverageTest {
    private final Directory sragen = Sragen.directory();

    @Test
    void report_showsTheCaseOnTheDayOfTheNewspaperReport() {
        CoverageReport report = SragenRequests.report(sragen);

        assertThat(report.summary()).isEqualTo("44 of 66 agencies covered; 20 pending, 0 rejected, 2 without a code:"
                + " 22 must screen visitors by hand.");
        assertThat(report.inState(State.NONE)).extracting(a -> a.agency().value())
                .containsExactly("setda", "dispendukcapil");
        assertThat(report.inState(State.PENDING)).extracting(a -> a.agency().value())
                .allMatch(id -> id.startsWith("kecamatan-")).hasSize(20);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void report_coversOrHasARequestForExactlyTheAgenciesThatAskedForACode() {
        CoverageReport report = SragenRequests.report(sragen);

        assertThat(Stream.concat(report.inState(State.COVERED).stream(), report.inState(State.PENDING).stream())
                .map(AgencyRow::agency)).containsExactlyInAnyOrderElementsOf(Sragen.WITH_A_REQUEST);
    }

    @Test
    void report_showsOneSharedCodeForTheFourteenUnitsOfTheSetdaComplex() {
        CoverageReport report = SragenRequests.report(sragen);

        var setdaUnits = report.inState(State.COVERED).stream()
                .filter(a -> a.codes().get(0).site().equals(Sragen.SETDA)).toList();
        assertThat(setdaUnits).hasSize(14).allSatisfy(a -> {
            assertThat(a.codes()).hasSize(1);
            assertThat(a.codes().get(0).agencies()).isEqualTo(14);
            assertThat(a.codes().get(0).code()).isEqualTo(setdaUnits.get(0).codes().get(0).code());
        });
        assertThat(report.inState(State.COVERED)).filteredOn(a -> a.agency().value().startsWith("puskesmas-"))
                .hasSize(25).allSatisfy(a -> assertThat(a.codes().get(0).isShared()).isFalse());
        assertThat(report.agencies()).filteredOn(a -> a.agency().equals(Sragen.DISKOMINFO))
                .singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(State.COVERED));
    }

    @Test
    void report_warnsThatTheSetdaCodeEndsWithinThirtyDays() {
        CoverageReport report = SragenRequests.report(sragen);

        assertThat(report.expiringWithin(Duration.ofDays(30))).singleElement().satisfies(s -> {
            assertThat(s.site()).isEqualTo(Sragen.SETDA);
            assertThat(s.validUntil()).isEqualTo(Instant.parse("2021-12-31T17:00:00Z"));
        });
    }

    @Test
    void book_roundTripsThroughItsTextForm() throws IOException {
        RequestBook book = SragenRequests.book(sragen, Issuer.generate());
        StringWriter out = new StringWriter();
        book.writeJsonLines(out);

        RequestBook back = RequestBook.readJsonLines(new StringReader(out.toString()),
                TestClock.at(SragenRequests.REPORT_TIME));

        assertThat(back.entries()).isEqualTo(book.entries()).hasSize(51);
    }

    @Test
    void documentation_showsTheReportThisCaseProduces() throws IOException {
        String doc = Files.readString(Path.of("docs/requests.md"), StandardCharsets.UTF_8);
        CoverageReport report = SragenRequests.report(sragen);
        String markdown = report.toMarkdown(Duration.ofDays(30));
        String[] csv = report.toCsv().split("\r\n");

        assertThat(maskCodeIds(doc)).contains(maskCodeIds(markdown.replace("\n# ", "\n### ")
                .replaceFirst("^# ", "### ").replace("\n## ", "\n#### ")));
        assertThat(maskCodeIds(doc)).contains(maskCodeIds(csv[0] + "\n" + csv[1] + "\n" + csv[2] + "\n...\n"));
    }

    /** Code ids are random: the document shows those of one run. */
    private static String maskCodeIds(String text) {
        return text.replaceAll("\\b[0-9a-f]{32}\\b", "<code id>");
    }
}
