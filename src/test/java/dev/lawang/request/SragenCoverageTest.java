package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.code.Issuer;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.request.CoverageReport.State;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Sragen case of {@code docs/requests.md}, built on {@code docs/examples/sragen.geojson}. */
class SragenCoverageTest {
    private static Directory sragen;

    @BeforeAll
    static void readDirectory() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("docs/examples/sragen.geojson"), StandardCharsets.UTF_8)) {
            sragen = Directory.readGeoJson(in);
        }
    }

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
    void report_showsOneSharedCodeForTheFourteenUnitsOfTheSetdaComplex() {
        CoverageReport report = SragenRequests.report(sragen);

        var setdaUnits = report.inState(State.COVERED).stream()
                .filter(a -> a.codes().get(0).site().equals(SiteId.of("setda-complex"))).toList();
        assertThat(setdaUnits).hasSize(14).allSatisfy(a -> {
            assertThat(a.codes()).hasSize(1);
            assertThat(a.codes().get(0).agencies()).isEqualTo(14);
            assertThat(a.codes().get(0).code()).isEqualTo(setdaUnits.get(0).codes().get(0).code());
        });
        assertThat(report.inState(State.COVERED)).filteredOn(a -> a.agency().value().startsWith("puskesmas-"))
                .hasSize(25).allSatisfy(a -> assertThat(a.codes().get(0).isShared()).isFalse());
        assertThat(report.agencies()).filteredOn(a -> a.agency().equals(AgencyId.of("diskominfo")))
                .singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(State.COVERED));
    }

    @Test
    void report_warnsThatTheSetdaCodeEndsWithinThirtyDays() {
        CoverageReport report = SragenRequests.report(sragen);

        assertThat(report.expiringWithin(Duration.ofDays(30))).singleElement().satisfies(s -> {
            assertThat(s.site()).isEqualTo(SiteId.of("setda-complex"));
            assertThat(s.validUntil()).isEqualTo(Instant.parse("2021-12-31T17:00:00Z"));
        });
    }

    @Test
    void book_roundTripsThroughItsTextForm() throws IOException {
        RequestBook book = SragenRequests.book(sragen, Issuer.generate());
        var out = new java.io.StringWriter();
        book.writeJsonLines(out);

        RequestBook back = RequestBook.readJsonLines(new java.io.StringReader(out.toString()),
                java.time.Clock.systemUTC());

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
