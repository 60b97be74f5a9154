package dev.lawang.request;

import static dev.lawang.request.SmallRegency.completeRequest;
import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.SETDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.Directory;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import dev.lawang.testing.TestClock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

class RequestBookTest {
    private static final Instant T0 = Instant.parse("2021-11-01T01:00:00Z");
    private static final Instant FROM = Instant.parse("2021-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2022-06-01T00:00:00Z");

    private final Directory directory = SmallRegency.directory();
    private final TestClock clock = TestClock.at(T0);
    private final RequestBook book = RequestBook.create(clock);
    private final Issuer issuer = Issuer.generate();

    private RequestEntry submitted() {
        return book.submit(completeRequest().build(), directory, "office:diskominfo");
    }

    private RequestEntry approved() {
        RequestEntry e = submitted();
        clock.advance(Duration.ofDays(2));
        return book.approve(e.id(), "kominfo:reviewer-1");
    }

    private RequestEntry issued() {
        RequestEntry e = approved();
        clock.advance(Duration.ofDays(1));
        return book.issue(e.id(), issuer, FROM, UNTIL, "kominfo:issuer");
    }

    private RequestEntry rejected() {
        RequestEntry e = submitted();
        clock.advance(Duration.ofDays(1));
        return book.reject(e.id(), "kominfo:reviewer-1", "The photos do not show the entrance.");
    }

    private String export() {
        StringWriter out = new StringWriter();
        try {
            book.writeJsonLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void submit_recordsTheRequestDatedAndAttributed() {
        RequestEntry e = submitted();

        assertThat(e.id()).isEqualTo(RequestId.of(1));
        assertThat(e.state()).isEqualTo(State.SUBMITTED);
        assertThat(e.request()).isEqualTo(completeRequest().build());
        assertThat(e.history()).containsExactly(new Step(State.SUBMITTED, T0, "office:diskominfo"));
        assertThat(e.submittedAt()).isEqualTo(T0);
        assertThat(book.entry(e.id())).contains(e);
        assertThat(book.entries()).containsExactly(e);
        assertThat(book.size()).isEqualTo(1);
    }

    @Test
    void lifecycle_goesFromSubmittedThroughApprovedToIssued() {
        RequestEntry e = issued();

        assertThat(e.state()).isEqualTo(State.ISSUED);
        assertThat(e.history()).containsExactly(
                new Step(State.SUBMITTED, T0, "office:diskominfo"),
                new Step(State.APPROVED, T0.plus(Duration.ofDays(2)), "kominfo:reviewer-1"),
                new Step(State.ISSUED, T0.plus(Duration.ofDays(3)), "kominfo:issuer"));
        assertThat(e.since()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(e.rejectionReason()).isEmpty();
    }

    @Test
    void issue_producesASignedCodeForTheRequestedSiteAndAgencies() {
        RequestEntry e = issued();

        SharedCode code = e.code().orElseThrow();
        assertThat(code.site()).isEqualTo(SETDA);
        assertThat(code.agencies()).containsExactlyInAnyOrder(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM);
        assertThat(code.validFrom()).isEqualTo(FROM);
        assertThat(code.validUntil()).isEqualTo(UNTIL);
        assertThat(e.codeText()).contains(issuer.sign(code));
        assertThat(book.issuedCodes()).containsExactly(code);
    }

    @Test
    void reject_recordsTheReasonFromSubmitted() {
        RequestEntry e = rejected();

        assertThat(e.state()).isEqualTo(State.REJECTED);
        assertThat(e.rejectionReason()).contains("The photos do not show the entrance.");
        assertThat(e.history()).extracting(Step::state)
                .containsExactly(State.SUBMITTED, State.REJECTED);
        assertThat(e.code()).isEmpty();
    }

    @Test
    void reject_isAllowedFromApproved() {
        RequestEntry e = approved();

        RequestEntry r = book.reject(e.id(), "kominfo:head", "Approved by mistake: the site is being renovated.");

        assertThat(r.history()).extracting(Step::state)
                .containsExactly(State.SUBMITTED, State.APPROVED, State.REJECTED);
    }

    static Stream<Arguments> illegalSteps() {
        return Stream.of(
                Arguments.of("approve a rejected request", "rejected", "approve", "it is REJECTED"),
                Arguments.of("approve an approved request", "approved", "approve", "it is APPROVED"),
                Arguments.of("approve an issued request", "issued", "approve", "it is ISSUED"),
                Arguments.of("issue a submitted request", "submitted", "issue",
                        "only APPROVED requests can be issued"),
                Arguments.of("issue twice", "issued", "issue", "it is ISSUED"),
                Arguments.of("issue a rejected request", "rejected", "issue", "it is REJECTED"),
                Arguments.of("reject a rejected request", "rejected", "reject", "it is REJECTED"),
                Arguments.of("reject an issued request", "issued", "reject",
                        "only SUBMITTED or APPROVED requests can be rejected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalSteps")
    void illegalSteps_throwIllegalStateAndLeaveTheBookUnchanged(String name, String from, String step,
            String message) {
        RequestEntry e = switch (from) {
            case "submitted" -> submitted();
            case "approved" -> approved();
            case "issued" -> issued();
            default -> rejected();
        };
        clock.advance(Duration.ofHours(1));
        List<RequestEntry> before = book.entries();
        String exportBefore = export();

        Runnable attempt = switch (step) {
            case "approve" -> () -> book.approve(e.id(), "kominfo:reviewer-2");
            case "issue" -> () -> book.issue(e.id(), issuer, FROM, UNTIL, "kominfo:issuer");
            default -> () -> book.reject(e.id(), "kominfo:reviewer-2", "No.");
        };

        assertThatThrownBy(attempt::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("request R-1").hasMessageContaining(message);
        assertThat(book.entries()).isEqualTo(before);
        assertThat(export()).isEqualTo(exportBefore);
    }

    @Test
    void steps_onAnUnknownRequestAreRefused() {
        submitted();
        String before = export();

        assertThatThrownBy(() -> book.approve(RequestId.of(2), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no request R-2 in this book");
        assertThatThrownBy(() -> book.reject(RequestId.of(9), "x", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.issue(RequestId.of(9), issuer, FROM, UNTIL, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.entry(RequestId.of(2))).isEmpty();
        assertThat(export()).isEqualTo(before);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("blank actor", (Consumer<Fixture>) f -> f.book.approve(f.id, " ")),
                Arguments.of("actor with a newline", (Consumer<Fixture>) f -> f.book.approve(f.id, "a\nb")),
                Arguments.of("actor too long", (Consumer<Fixture>) f -> f.book.approve(f.id, "a".repeat(101))),
                Arguments.of("blank reason", (Consumer<Fixture>) f -> f.book.reject(f.id, "a", "  ")),
                Arguments.of("reason too long", (Consumer<Fixture>) f -> f.book.reject(f.id, "a", "r".repeat(501))),
                Arguments.of("reason with a control character",
                        (Consumer<Fixture>) f -> f.book.reject(f.id, "a", "bad\u0007")),
                Arguments.of("empty window", (Consumer<Fixture>) f -> f.book.issue(f.approved, f.issuer, FROM, FROM,
                        "a")),
                Arguments.of("reversed window", (Consumer<Fixture>) f -> f.book.issue(f.approved, f.issuer, UNTIL,
                        FROM, "a")),
                Arguments.of("window already over", (Consumer<Fixture>) f -> f.book.issue(f.approved, f.issuer,
                        T0.minus(Duration.ofDays(30)), T0, "a")));
    }

    record Fixture(RequestBook book, RequestId id, RequestId approved, Issuer issuer) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArguments_throwIllegalArgumentAndLeaveTheBookUnchanged(String name, Consumer<Fixture> attempt) {
        RequestEntry first = submitted();
        RequestEntry second = book.submit(CodeRequest.builder(DUKCAPIL, DUKCAPIL_OFFICE).position(IN_DUKCAPIL_OFFICE)
                .staffUsers(30).expectedGuestsPerDay(150).photo(URI.create("https://example.go.id/d.jpg"))
                .contact("dukcapil@example.go.id").build(), directory, "office:dukcapil");
        book.approve(second.id(), "kominfo:reviewer-1");
        String before = export();

        assertThatThrownBy(() -> attempt.accept(new Fixture(book, first.id(), second.id(), issuer)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void submit_refusesARequestWithProblemsAndRecordsNothing() {
        CodeRequest incomplete = completeRequest().contact("not an address @example.go.id").staffUsers(0).build();

        assertThatThrownBy(() -> book.submit(incomplete, directory, "office:diskominfo"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("staffUsers.notPositive", "contact.malformed"))
                .hasMessage("the request has 2 problems: staffUsers.notPositive, contact.malformed")
                .hasMessageNotContaining("not an address");
        assertThat(book.entries()).isEmpty();
    }

    @Test
    void submit_refusesADuplicateOfAnOpenRequestForTheSameSiteAndAgencies() {
        RequestEntry first = submitted();
        CodeRequest overlapping = completeRequest().covering(BAGIAN_UMUM).build();

        assertThat(book.problems(overlapping, directory)).extracting(Problem::key)
                .containsExactly("covering.duplicate");
        assertThat(book.problems(overlapping, directory).get(0).arguments())
                .containsEntry("request", "R-1").containsEntry("agencies", "bagian-umum");
        assertThatThrownBy(() -> book.submit(overlapping, directory, "office:umum"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("covering.duplicate");
        book.approve(first.id(), "kominfo:reviewer-1");
        assertThatThrownBy(() -> book.submit(completeRequest().build(), directory, "office:diskominfo"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(book.entries()).hasSize(1);
    }

    @Test
    void submit_acceptsTheSameAgenciesAgainOnceTheEarlierRequestIsClosed() {
        RequestEntry first = rejected();

        RequestEntry again = book.submit(completeRequest().build(), directory, "office:diskominfo");
        clock.advance(Duration.ofDays(1));
        book.approve(again.id(), "r");
        book.issue(again.id(), issuer, FROM, UNTIL, "i");
        RequestEntry renewal = book.submit(completeRequest().build(), directory, "office:diskominfo");

        assertThat(first.id()).isEqualTo(RequestId.of(1));
        assertThat(again.id()).isEqualTo(RequestId.of(2));
        assertThat(renewal.id()).isEqualTo(RequestId.of(3));
    }

    @Test
    void submit_acceptsRequestsForOtherAgenciesAtTheSameSite() {
        book.submit(completeRequest().covering(DISKOMINFO).build(), directory, "a");

        RequestEntry other = book.submit(completeRequest().covering(BAGIAN_UMUM, BAGIAN_HUKUM).build(), directory,
                "b");

        assertThat(other.id()).isEqualTo(RequestId.of(2));
    }

    @Test
    void steps_refuseAClockThatWentBackwards() {
        RequestEntry e = submitted();
        clock.set(T0.minusSeconds(1));
        String before = export();

        assertThatThrownBy(() -> book.approve(e.id(), "r")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its last step was later");
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void entries_areSnapshotsThatDoNotChangeLater() {
        RequestEntry e = submitted();
        List<RequestEntry> snapshot = book.entries();

        book.approve(e.id(), "r");

        assertThat(e.state()).isEqualTo(State.SUBMITTED);
        assertThat(snapshot.get(0).state()).isEqualTo(State.SUBMITTED);
        assertThat(book.entry(e.id()).orElseThrow().state()).isEqualTo(State.APPROVED);
        assertThatThrownBy(() -> snapshot.add(e)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void logs_neverContainTheContactAddress() {
        Logger logger = (Logger) LoggerFactory.getLogger(RequestBook.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.TRACE);
        try {
            RequestEntry e = issued();
            assertThatThrownBy(() -> book.submit(completeRequest().contact("bad@@example.go.id").build(), directory,
                    "a")).isInstanceOf(InvalidRequestException.class).hasMessageNotContaining("bad@@");
            assertThat(e.toString()).doesNotContain("it.diskominfo@example.go.id");
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("@"));
    }

    @Test
    void step_refusesAnActorThatIsBlankTooLongOrHasControlCharactersWithoutRepeatingIt() {
        assertThat(new Step(State.APPROVED, T0, "a".repeat(100)).actor()).hasSize(100);
        assertThatThrownBy(() -> new Step(State.APPROVED, T0, "kominfo:" + "x".repeat(93)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 101")
                .hasMessageNotContaining("kominfo");
        assertThatThrownBy(() -> new Step(State.APPROVED, T0, "kominfo\treviewer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("kominfo");
        assertThatThrownBy(() -> new Step(State.APPROVED, T0, "\u2003")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(State.APPROVED, T0, null)).hasMessage("actor");
    }

    @Test
    void state_isOpenOnlyBeforeTheCodeIsIssuedOrTheRequestRejected() {
        assertThat(State.values()).filteredOn(State::isOpen).containsExactly(State.SUBMITTED, State.APPROVED);
    }
}
