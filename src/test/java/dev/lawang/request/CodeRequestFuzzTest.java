package dev.lawang.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hostile forms: whatever an office types, the checks list problems and never throw, never repeat a contact or photo
 * address, use only the keys {@code docs/requests.md} documents, and a form they accept survives the book's text form.
 *
 * <p>The input is text, one field per line, so that the seeds can be read: requester and site, covered agencies,
 * position ({@code latitude longitude}), staff users, guests per day, contact, notes, then one photo address per line.
 * A missing line leaves the field unset; a value that cannot be built (an id that is not a slug, a URI that does not
 * parse) is left out.
 */
class CodeRequestFuzzTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2021-12-15T03:00:00Z"));
    private static final Directory DIRECTORY = SmallRegency.directory();
    private static final Set<String> DOCUMENTED_KEYS = documentedKeys();
    /** The one '@' a problem may carry: the example in the message for a malformed address. */
    private static final String EXAMPLE_ADDRESS = "name@domain.tld";

    @FuzzTest(maxDuration = "30s")
    void problems_listsWhatIsWrongWithoutThrowingOrRepeatingAddresses(byte[] input) throws IOException {
        CodeRequest request = form(new String(input, StandardCharsets.UTF_8));

        List<Problem> alone = request.problems();
        List<Problem> full = request.problems(DIRECTORY);

        assertThat(full).containsAll(alone);
        for (Problem p : full) {
            assertThat(DOCUMENTED_KEYS).contains(p.key());
            String said = p.message().replace(EXAMPLE_ADDRESS, "") + " " + p.arguments().values();
            assertThat(said).doesNotContain("@").doesNotContain("://");
        }
        if (full.isEmpty()) {
            RequestBook book = RequestBook.create(CLOCK);
            book.submit(request, DIRECTORY, "fuzz");
            StringWriter text = new StringWriter();
            book.writeJsonLines(text);
            RequestBook back = RequestBook.readJsonLines(new StringReader(text.toString()), CLOCK);
            assertThat(back.entries()).isEqualTo(book.entries());
        }
    }

    private static CodeRequest form(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        String[] who = line(lines, 0).split(" ", -1);
        AgencyId requester = agencyOr(who[0], Sragen.DISKOMINFO);
        SiteId site = Sragen.SETDA;
        if (who.length > 1 && SiteId.isValid(who[1])) {
            site = SiteId.of(who[1]);
        }
        CodeRequest.Builder b = CodeRequest.builder(requester, site);
        if (lines.size() > 1) {
            List<AgencyId> covering = new ArrayList<>();
            for (String id : lines.get(1).split(" ")) {
                if (AgencyId.isValid(id)) {
                    covering.add(AgencyId.of(id));
                }
            }
            b.covering(covering);
        }
        position(line(lines, 2), b);
        count(line(lines, 3), b::staffUsers);
        count(line(lines, 4), b::expectedGuestsPerDay);
        if (lines.size() > 5) {
            b.contact(lines.get(5));
        }
        if (lines.size() > 6) {
            b.notes(lines.get(6));
        }
        for (String photo : lines.subList(Math.min(7, lines.size()), lines.size())) {
            try {
                b.photo(new URI(photo));
            } catch (URISyntaxException notAUri) {
                // an office cannot type a value that is not a URI into the builder either
            }
        }
        return b.build();
    }

    private static String line(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "";
    }

    private static AgencyId agencyOr(String id, AgencyId otherwise) {
        return AgencyId.isValid(id) ? AgencyId.of(id) : otherwise;
    }

    private static void position(String text, CodeRequest.Builder b) {
        String[] parts = text.split(" ");
        if (parts.length != 2) {
            return;
        }
        try {
            b.position(GeoPoint.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        } catch (IllegalArgumentException notAPosition) {
            // NumberFormatException is one too: text that is no number, or a point off the globe, leaves it unset
        }
    }

    private static void count(String text, IntConsumer setter) {
        try {
            setter.accept(Integer.parseInt(text));
        } catch (NumberFormatException notAnInt) {
            // the builder takes an int: text that is none leaves the field unset
        }
    }

    /** The keys in the tables of the "Problems" section of docs/requests.md. */
    private static Set<String> documentedKeys() {
        String doc;
        try {
            doc = Files.readString(Path.of("docs/requests.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = doc.substring(doc.indexOf("### Problems"), doc.indexOf("## The request book"));
        Matcher keys = Pattern.compile("`([a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*)`").matcher(section);
        List<String> found = new ArrayList<>();
        while (keys.find()) {
            found.add(keys.group(1));
        }
        return found.stream().collect(Collectors.toUnmodifiableSet());
    }
}
