package dev.lawang.request;

import static dev.lawang.request.SmallRegency.completeRequest;
import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.SEKRETARIAT_DAERAH;
import static dev.lawang.testing.Sragen.SETDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.CodeRequest.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeRequestTest {
    private final Directory directory = SmallRegency.directory();

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void problems_isEmptyForACompleteRequest() {
        CodeRequest r = completeRequest().build();

        assertThat(r.problems(directory)).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void build_keepsEveryField() {
        CodeRequest r = completeRequest().build();

        assertThat(r.requester()).isEqualTo(DISKOMINFO);
        assertThat(r.site()).isEqualTo(SETDA);
        assertThat(r.covered()).containsExactly(BAGIAN_HUKUM, BAGIAN_UMUM, DISKOMINFO);
        assertThat(r.position()).contains(IN_SETDA);
        assertThat(r.staffUsers()).hasValue(40);
        assertThat(r.expectedGuestsPerDay()).hasValue(150);
        assertThat(r.photos()).containsExactly(URI.create("https://files.example.go.id/setda/front.jpg"));
        assertThat(r.contact()).contains("it.diskominfo@example.go.id");
        assertThat(r.notes()).isEqualTo("Code to be shown at the main entrance.");
    }

    @Test
    void covered_isTheRequesterAloneWhenNotSet() {
        CodeRequest r = CodeRequest.builder(DUKCAPIL, DUKCAPIL_OFFICE).build();

        assertThat(r.covered()).containsExactly(DUKCAPIL);
        assertThat(CodeRequest.builder(DUKCAPIL, SETDA).covering(List.of()).build().covered())
                .containsExactly(DUKCAPIL);
    }

    @Test
    void build_copiesTheBuilderState() {
        CodeRequest.Builder b = completeRequest();
        CodeRequest first = b.build();

        b.staffUsers(99).covering(DISKOMINFO).photo(URI.create("https://example.go.id/2.jpg")).notes("");

        assertThat(first.staffUsers()).hasValue(40);
        assertThat(first.covered()).hasSize(3);
        assertThat(first.photos()).hasSize(1);
        assertThat(first.notes()).isNotEmpty();
        assertThat(first).isEqualTo(completeRequest().build()).isNotEqualTo(b.build());
    }

    @Test
    void toBuilder_reproducesTheRequest() {
        CodeRequest r = completeRequest().build();

        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    }

    static Stream<Arguments> eachFieldMissing() {
        Function<CodeRequest, CodeRequest.Builder> start = r -> CodeRequest.builder(r.requester(), r.site())
                .covering(r.covered()).notes(r.notes());
        CodeRequest full = completeRequest().build();
        return Stream.of(
                Arguments.of("position.missing", start.apply(full).staffUsers(40).expectedGuestsPerDay(150)
                        .photos(full.photos()).contact("it@example.go.id")),
                Arguments.of("staffUsers.missing", start.apply(full).position(IN_SETDA).expectedGuestsPerDay(150)
                        .photos(full.photos()).contact("it@example.go.id")),
                Arguments.of("expectedGuestsPerDay.missing", start.apply(full).position(IN_SETDA).staffUsers(40)
                        .photos(full.photos()).contact("it@example.go.id")),
                Arguments.of("photos.missing", start.apply(full).position(IN_SETDA).staffUsers(40)
                        .expectedGuestsPerDay(150).contact("it@example.go.id")),
                Arguments.of("contact.missing", start.apply(full).position(IN_SETDA).staffUsers(40)
                        .expectedGuestsPerDay(150).photos(full.photos())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachFieldMissing")
    void problems_namesEachMissingFieldInTurn(String key, CodeRequest.Builder builder) {
        List<Problem> problems = builder.build().problems(directory);

        assertThat(keys(problems)).containsExactly(key);
        assertThat(problems.get(0).field()).isEqualTo(key.substring(0, key.indexOf('.')));
        assertThat(problems.get(0).message()).contains("missing");
    }

    @Test
    void problems_listsEveryMissingFieldAtOnceInFieldOrder() {
        CodeRequest empty = CodeRequest.builder(DISKOMINFO, SETDA).build();

        assertThat(keys(empty.problems(directory))).containsExactly("position.missing", "staffUsers.missing",
                "expectedGuestsPerDay.missing", "photos.missing", "contact.missing");
    }

    @Test
    void problems_reportsAnUnknownRequesterAndSite() {
        CodeRequest r = completeRequest().build().toBuilder().build();
        CodeRequest unknownSite = CodeRequest.builder(DISKOMINFO, SiteId.of("town-hall")).covering(DISKOMINFO)
                .position(IN_SETDA).staffUsers(1).expectedGuestsPerDay(1).photos(r.photos())
                .contact("a@example.go.id").build();
        CodeRequest unknownRequester = CodeRequest.builder(AgencyId.of("bpbd"), SETDA).covering(BAGIAN_UMUM)
                .position(IN_SETDA).staffUsers(1).expectedGuestsPerDay(1).photos(r.photos())
                .contact("a@example.go.id").build();

        assertThat(keys(unknownSite.problems(directory))).containsExactly("site.unknown");
        assertThat(unknownSite.problems(directory).get(0).arguments()).containsEntry("site", "town-hall");
        assertThat(keys(unknownRequester.problems(directory))).containsExactly("requester.unknown");
        assertThat(unknownSite.problems()).isEmpty();
    }

    @Test
    void problems_reportsCoveredAgenciesThatAreUnknownOrNotTenants() {
        CodeRequest r = completeRequest().covering(DISKOMINFO, DUKCAPIL, AgencyId.of("bpbd")).build();

        List<Problem> problems = r.problems(directory);

        assertThat(keys(problems)).containsExactly("covering.unknown", "covering.notTenant");
        assertThat(problems.get(0).arguments()).containsEntry("agency", "bpbd");
        assertThat(problems.get(1).arguments()).containsEntry("agency", "dispendukcapil").containsEntry("site",
                "setda-complex");
        assertThat(problems.get(1).message()).contains("'dispendukcapil'", "does not work at", "'setda-complex'");
    }

    @Test
    void problems_reportsARequesterThatDoesNotWorkAtTheSite() {
        CodeRequest r = completeRequest().build();
        // The secretariat works at no site, and Diskominfo is not one of its sections.
        CodeRequest bySecretariat = CodeRequest.builder(SEKRETARIAT_DAERAH, SETDA).covering(DISKOMINFO)
                .position(IN_SETDA).staffUsers(1).expectedGuestsPerDay(1).photos(r.photos())
                .contact("a@example.go.id").build();

        assertThat(keys(bySecretariat.problems(directory))).containsExactly("requester.notTenant");
    }

    @Test
    void problems_acceptsAParentThatAsksForItsSectionsAtTheirSite() {
        CodeRequest r = completeRequest().build();
        CodeRequest forSections = CodeRequest.builder(SEKRETARIAT_DAERAH, SETDA).covering(BAGIAN_UMUM, BAGIAN_HUKUM)
                .position(IN_SETDA).staffUsers(1).expectedGuestsPerDay(1).photos(r.photos())
                .contact("a@example.go.id").build();

        assertThat(forSections.problems(directory)).isEmpty();
    }

    @Test
    void problems_saysHowFarOutsideTheGeofenceThePositionIs() {
        // 0.004 degrees of latitude due south of the fence's south-western corner (-7.4282, 111.0197), the point of
        // the fence nearest to it: 442.4 m on the ellipsoid, at 110,593 m per degree of latitude here.
        CodeRequest r = completeRequest().position(GeoPoint.of(-7.4322, 111.0197)).build();

        List<Problem> problems = r.problems(directory);

        assertThat(keys(problems)).containsExactly("position.outsideGeofence");
        long metres = Long.parseLong(problems.get(0).arguments().get("distanceMetres"));
        assertThat(metres).isBetween(441L, 443L);
        assertThat(problems.get(0).message()).contains(metres + " m outside", "within 100 m");
        assertThat(problems.get(0).arguments()).containsEntry("toleranceMetres", "100");
    }

    @Test
    void problems_acceptsAPositionJustOutsideButNearTheGeofence() {
        // Due south of the fence's south-western corner (-7.4282, 111.0197): 0.0008 degrees is 88 m outside, within
        // the 100 m tolerance; 0.0010 degrees is 111 m outside.
        CodeRequest near = completeRequest().position(GeoPoint.of(-7.4290, 111.0197)).build();
        CodeRequest far = completeRequest().position(GeoPoint.of(-7.4292, 111.0197)).build();

        assertThat(near.problems(directory)).isEmpty();
        assertThat(keys(far.problems(directory))).containsExactly("position.outsideGeofence");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void problems_refusesCountsBelowOne(int count) {
        CodeRequest r = completeRequest().staffUsers(count).expectedGuestsPerDay(count).build();

        assertThat(keys(r.problems())).containsExactly("staffUsers.notPositive", "expectedGuestsPerDay.notPositive");
        assertThat(r.problems().get(0).arguments()).containsEntry("value", Integer.toString(count));
    }

    @Test
    void problems_refusesAbsurdCountsAndAcceptsTheBounds() {
        CodeRequest atBounds = completeRequest().staffUsers(10_000).expectedGuestsPerDay(20_000).build();
        CodeRequest beyond = completeRequest().staffUsers(10_001).expectedGuestsPerDay(Integer.MAX_VALUE).build();

        assertThat(atBounds.problems()).isEmpty();
        assertThat(keys(beyond.problems())).containsExactly("staffUsers.tooMany", "expectedGuestsPerDay.tooMany");
        assertThat(beyond.problems().get(0).arguments()).containsEntry("max", "10000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it@example.go.id", "a.b+c@sub.example.co.id", "x@x.id", "o'brien@example.org",
        "UPPER@EXAMPLE.GO.ID"})
    void problems_acceptsPlainEmailAddresses(String email) {
        assertThat(completeRequest().contact(email).build().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "it", "it@", "@example.go.id", "it@example", "it@@example.go.id",
        "it@ex@ample.go.id", "it@example.go.id ", " it@example.go.id", "i t@example.go.id", ".it@example.go.id",
        "it.@example.go.id", "i..t@example.go.id", "it@example..go.id", "it@-example.go.id", "it@example-.go.id",
        "it@example.go.i", "it@example.go.1d", "it@exa_mple.go.id", "\"it\"@example.go.id", "it@[10.0.0.1]",
        "ît@example.go.id", "it@exämple.go.id", "it@example.go.id\n", "it@.example.go.id"})
    void problems_refusesMalformedEmailAddressesWithoutRepeatingThem(String email) {
        CodeRequest r = completeRequest().contact(email).build();

        List<Problem> problems = r.problems(directory);

        assertThat(keys(problems)).containsExactly("contact.malformed");
        if (!email.isBlank()) {
            assertThat(problems.get(0).message()).doesNotContain(email.strip());
            assertThat(problems.get(0).arguments().values()).doesNotContain(email);
        }
    }

    @Test
    void problems_refusesOverlongEmailAddresses() {
        String local = "a".repeat(64);
        String label = "b".repeat(63);
        String longest = local + "@" + label + "." + label + "." + "c".repeat(58) + ".id";
        assertThat(longest).hasSize(254);

        assertThat(completeRequest().contact(longest).build().problems()).isEmpty();
        assertThat(keys(completeRequest().contact("a" + longest).build().problems()))
                .containsExactly("contact.malformed");
        assertThat(keys(completeRequest().contact("a".repeat(65) + "@example.go.id").build().problems()))
                .containsExactly("contact.malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.go.id/a.jpg", "file:///home/a.jpg", "mailto:it@example.go.id",
        "front.jpg", "/photos/front.jpg", "http:///front.jpg", "data:image/png;base64,AAAA",
        "javascript:alert(1)"})
    void problems_refusesPhotosThatAreNotWebAddressesWithoutRepeatingThem(String uri) {
        CodeRequest r = completeRequest().photo(URI.create(uri)).build();

        List<Problem> problems = r.problems();

        assertThat(keys(problems)).containsExactly("photos.notHttp");
        assertThat(problems.get(0).arguments()).containsEntry("photo", "2");
        assertThat(problems.get(0).message()).contains("Photo 2").doesNotContain(uri);
    }

    @Test
    void problems_acceptsHttpAndHttpsInAnyCase() {
        CodeRequest r = completeRequest().photos(List.of(URI.create("HTTP://example.go.id/a.jpg"),
                URI.create("Https://example.go.id/b.jpg?size=large"))).build();

        assertThat(r.problems()).isEmpty();
    }

    @Test
    void problems_refusesTooManyOrTooLongPhotosAndNotes() {
        List<URI> eleven = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> URI.create("https://example.go.id/" + i + ".jpg")).toList();
        URI longUri = URI.create("https://example.go.id/" + "a".repeat(2_000));

        assertThat(keys(completeRequest().photos(eleven).build().problems())).containsExactly("photos.tooMany");
        assertThat(keys(completeRequest().photo(longUri).build().problems())).containsExactly("photos.tooLong");
        assertThat(completeRequest().notes("n".repeat(2_000)).build().problems()).isEmpty();
        assertThat(keys(completeRequest().notes("n".repeat(2_001)).build().problems()))
                .containsExactly("notes.tooLong");
    }

    @Test
    void problems_refusesMoreThan64CoveredAgencies() {
        List<AgencyId> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(AgencyId.of("bagian-" + i));
        }

        assertThat(keys(completeRequest().covering(many).build().problems())).containsExactly("covering.tooMany");
        assertThat(completeRequest().covering(many.subList(0, 64)).build().problems()).isEmpty();
    }

    @Test
    void toString_hidesTheContactAddressAndPhotoAddresses() {
        CodeRequest r = completeRequest().build();

        assertThat(r.toString()).doesNotContain("it.diskominfo@example.go.id", "files.example.go.id")
                .contains("diskominfo", "setda-complex", "contact=given", "photos=1");
    }

    @Test
    void builder_namesTheParameterOfEachNullAndKeepsItsState() {
        CodeRequest.Builder b = completeRequest();
        URI photo = URI.create("https://example.go.id/2.jpg");

        assertThatThrownBy(() -> CodeRequest.builder(null, SETDA)).hasMessage("requester");
        assertThatThrownBy(() -> CodeRequest.builder(DISKOMINFO, null)).hasMessage("site");
        assertThatThrownBy(() -> b.covering((Collection<AgencyId>) null)).hasMessage("covering");
        assertThatThrownBy(() -> b.covering((AgencyId[]) null)).hasMessage("covering");
        assertThatThrownBy(() -> b.covering(Arrays.asList(BAGIAN_UMUM, null))).hasMessage("covering");
        assertThatThrownBy(() -> b.position(null)).hasMessage("position");
        assertThatThrownBy(() -> b.photo(null)).hasMessage("photo");
        assertThatThrownBy(() -> b.photos(null)).hasMessage("photos");
        assertThatThrownBy(() -> b.photos(Arrays.asList(photo, null))).hasMessage("photos");
        assertThatThrownBy(() -> b.contact(null)).isInstanceOf(NullPointerException.class).hasMessage("contact");
        assertThatThrownBy(() -> b.notes(null)).hasMessage("notes");
        assertThat(b.build()).isEqualTo(completeRequest().build());
    }

    @Test
    void problems_needsADirectory() {
        assertThatThrownBy(() -> completeRequest().build().problems(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("directory");
    }

    @Test
    void problem_rejectsAKeyThatDoesNotStartWithItsField() {
        assertThatThrownBy(() -> new Problem("contact", "position.missing", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position.missing");
        assertThatThrownBy(() -> new Problem("contact", "contact.", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem("contact", "contactmissing", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problem_rejectsABlankFieldOrMessageAndCopiesItsArguments() {
        Map<String, String> arguments = new HashMap<>(Map.of("value", "0"));
        Problem p = new Problem("staffUsers", "staffUsers.notPositive", "At least 1.", arguments);
        arguments.put("value", "9");

        assertThat(p.arguments()).containsExactly(Map.entry("value", "0"));
        assertThat(p).hasToString("staffUsers.notPositive: At least 1.");
        assertThatThrownBy(() -> new Problem(" ", " .x", "x", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem("notes", "notes.tooLong", " ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
