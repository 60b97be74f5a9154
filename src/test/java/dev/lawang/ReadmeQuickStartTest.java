package dev.lawang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quick start of README.md, run as written; the README's code block must equal the lines marked below. */
class ReadmeQuickStartTest {
    private static final String BEGIN = "// README quick start: begin";
    private static final String END = "// README quick start: end";

    @Test
    void quickStart_admitsTheVisitorAndChecksOut() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        Instant until = from.plus(Duration.ofDays(91));
        String nik = Sragen.nik(0);
        byte[] secret = "a deployment secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
        Fix fix = Fix.of(Sragen.IN_SETDA, 10).at(Instant.now());

        // README quick start: begin
        Directory dir = Directory.readGeoJson(Files.newBufferedReader(Path.of("docs/examples/sragen.geojson")));
        Issuer issuer = Issuer.generate();                      // the authority's Ed25519 key
        String code = issuer.sign(SharedCode.builder(SiteId.of("setda-complex"))
                .covering(AgencyId.of("diskominfo"), AgencyId.of("bappeda-litbang"))
                .validFrom(from).validUntil(until).build());    // the text inside the poster's QR symbol
        Gate gate = Gate.builder().directory(dir)
                .verifier(Verifier.of(TrustList.builder().trust(issuer.publicKey()).build()))
                .policy(CapacityPolicy.builder().maxPresent(SiteId.of("setda-complex"), 120).build())
                .build();
        VisitorRef visitor = VisitorRef.pseudonymise(nik, secret);   // the national id goes no further
        Decision d = gate.checkIn(new CheckIn(code, visitor, AgencyId.of("diskominfo"), Role.GUEST, fix, null));
        // README quick start: end

        assertThat(d).isInstanceOf(Decision.Admitted.class);
        Ticket ticket = ((Decision.Admitted) d).ticket();
        assertThat(gate.occupancy(SiteId.of("setda-complex")).present()).isEqualTo(1);
        assertThat(gate.checkOut(ticket.id())).isPresent();
        assertThat(gate.occupancy(SiteId.of("setda-complex")).present()).isZero();
        assertThat(gate.expireStays()).isZero();
    }

    @Test
    void readmeShowsExactlyTheLinesThisTestRuns() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/lawang/ReadmeQuickStartTest.java"));
        List<String> tested = trimmed(source.subList(indexOf(source, BEGIN) + 1, indexOf(source, END)));
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = readme.indexOf("```java");
        assertThat(start).as("a java block in README.md").isNotNegative();
        List<String> shown = trimmed(readme.subList(start + 1, readme.subList(start + 1, readme.size())
                .indexOf("```") + start + 1));
        assertThat(shown).isEqualTo(tested);
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker) && !lines.get(i).contains("\"")) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

    /** Lines without the indentation, which differs between the README and this class. */
    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).collect(Collectors.toList());
    }
}
