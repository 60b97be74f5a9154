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
import dev.lawang.directory.AgencyId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The behaviour of a {@link RequestBook} over every {@link RequestBook.Store}: its lifecycle, its checks, its export,
 * and its atomicity when several books share one store from several threads. An implementation's test extends this
 * class and supplies an empty store, and a second instance of it over the same data (the same object for a store in
 * memory; another connection pool for a database).
 */
public abstract class RequestBookContract {
    private static final Instant T0 = Instant.parse("2021-11-01T01:00:00Z");
    private static final Instant FROM = Instant.parse("2021-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2022-06-01T00:00:00Z");
    private static final int THREADS = 8;

    private final Directory directory = SmallRegency.directory();
    private final TestClock clock = TestClock.at(T0);
    private final Issuer issuer = Issuer.generate();
    private RequestBook.Store store = RequestBook.Store.inMemory();
    private RequestBook book = RequestBook.create(store, clock);

    /** For implementations' test classes. */
    protected RequestBookContract() {
    }

    /**
     * Returns a new, empty store.
     *
     * @return the store under test
     */
    protected abstract RequestBook.Store newStore();

    /**
     * Returns another instance over the same data as the store {@link #newStore()} returned last, as a second
     * application instance would have it.
     *
     * @return the second instance
     */
    protected abstract RequestBook.Store secondInstance();

    @BeforeEach
    void createBook() {
        store = newStore();
        book = RequestBook.create(store, clock);
    }

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

    @Test
    void entries_readBackFromAnotherInstanceEqualWhatTheBookHandedOut() {
        clock.set(T0.plusNanos(123_456_789));
        RequestEntry rejected = rejected();
        clock.advance(Duration.ofNanos(1));
        RequestEntry issued = book.issue(approvedOther().id(), issuer, FROM, UNTIL, "kominfo:issuer");
        RequestBook other = RequestBook.create(secondInstance(), clock);

        assertThat(other.entry(rejected.id())).contains(book.entry(rejected.id()).orElseThrow());
        assertThat(other.entry(issued.id())).contains(issued);
        assertThat(other.entries()).isEqualTo(book.entries()).hasSize(2);
        assertThat(other.issuedCodes()).containsExactly(issued.code().orElseThrow());
        assertThat(other.size()).isEqualTo(2);
        assertThat(issued.history().get(2).at()).isEqualTo(T0.plusNanos(123_456_790).plus(Duration.ofDays(3)));
    }

    /** A second request, for another site, approved two days after the clock's instant. */
    private RequestEntry approvedOther() {
        RequestEntry e = book.submit(CodeRequest.builder(DUKCAPIL, DUKCAPIL_OFFICE).position(IN_DUKCAPIL_OFFICE)
                .staffUsers(30).expectedGuestsPerDay(150).photo(URI.create("https://example.go.id/d.jpg"))
                .contact("dukcapil@example.go.id").notes("Loket pelayanan").build(), directory, "office:dukcapil");
        clock.advance(Duration.ofDays(1));
        book.approve(e.id(), "kominfo:reviewer-1");
        clock.advance(Duration.ofDays(1));
        return book.entry(e.id()).orElseThrow();
    }

    @Test
    void issue_signsWholeSecondsWhenTheClockHasAFractionAndKeepsTheStepExact() {
        RequestEntry e = approved();
        Instant at = clock.instant().plusMillis(250);
        clock.set(at);

        RequestEntry issued = book.issue(e.id(), issuer, FROM, UNTIL, "kominfo:issuer");

        assertThat(issued.since()).isEqualTo(at);
        assertThat(issued.code().orElseThrow().issuedAt()).isEqualTo(at.minusMillis(250));
        assertThat(book.entry(e.id())).contains(issued);
    }

    @Test
    void writeJsonLines_ofTheStoredBookReadsBackToTheSameEntries() throws IOException {
        clock.set(T0.plusNanos(5));
        rejected();
        book.issue(approvedOther().id(), issuer, FROM, UNTIL, "kominfo:issuer");
        submitted();

        RequestBook back = RequestBook.readJsonLines(new java.io.StringReader(export()), clock);

        assertThat(back.entries()).isEqualTo(book.entries()).hasSize(3);
        assertThat(store.stepOrder()).extracting(RequestId::number).containsExactly(1L, 1L, 2L, 2L, 2L, 3L);
    }

    @Test
    void coverageReport_readFromTheStoreShowsTheSragenCase() {
        Directory sragen = dev.lawang.testing.Sragen.directory();
        SragenRequests.book(sragen, issuer, store);
        RequestBook other = RequestBook.create(secondInstance(), TestClock.at(SragenRequests.REPORT_TIME));

        CoverageReport report = CoverageReport.of(sragen, other, other.issuedCodes(), SragenRequests.REPORT_TIME);

        assertThat(report.summary()).isEqualTo("44 of 66 agencies covered; 20 pending, 0 rejected, 2 without a code:"
                + " 22 must screen visitors by hand.");
        assertThat(other.entries()).hasSize(51);
    }

    @Test
    void store_advance_recordsNothingWhenAnotherStepCameFirst() {
        RequestEntry e = submitted();
        RequestEntry approved = e.with(new Step(State.APPROVED, T0, "a"), null, null, null);
        RequestEntry rejected = e.with(new Step(State.REJECTED, T0, "b"), "No.", null, null);

        assertThat(store.advance(e, approved)).isTrue();
        assertThat(secondInstance().advance(e, rejected)).isFalse();

        assertThat(store.find(e.id())).contains(approved);
        assertThat(store.openAt(SETDA)).containsExactly(approved);
        assertThat(store.stepOrder()).extracting(RequestId::number).containsExactly(1L, 1L);
    }

    @Test
    void store_refusesStepsThatAreNotTheNextOfTheRequest() {
        RequestEntry e = submitted();
        RequestEntry approved = e.with(new Step(State.APPROVED, T0, "a"), null, null, null);
        RequestEntry twoAhead = approved.with(new Step(State.REJECTED, T0, "a"), "No.", null, null);
        RequestEntry other = RequestEntry.submitted(RequestId.of(7), e.request(), e.history().get(0));

        assertThatThrownBy(() -> store.advance(e, twoAhead)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.advance(e, e)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.advance(other, other.with(new Step(State.APPROVED, T0, "a"), null, null,
                null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no request R-7");
        assertThatThrownBy(() -> store.add(e.request(), new Step(State.APPROVED, T0, "a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.entries()).containsExactly(e);
        assertThat(store.stepOrder()).hasSize(1);
    }

    @Test
    void store_add_refusesAnOverlapWithAnOpenRequestAndAcceptsItOnceClosed() {
        RequestEntry e = submitted();
        CodeRequest overlapping = completeRequest().covering(BAGIAN_HUKUM).build();

        assertThat(secondInstance().add(overlapping, new Step(State.SUBMITTED, T0, "b"))).isEmpty();
        assertThat(store.size()).isEqualTo(1);
        store.advance(e, e.with(new Step(State.REJECTED, T0, "r"), "No.", null, null));

        assertThat(secondInstance().add(overlapping, new Step(State.SUBMITTED, T0, "b")))
                .hasValueSatisfying(added -> assertThat(added.id()).isEqualTo(RequestId.of(2)));
        assertThat(store.openAt(SETDA)).extracting(RequestEntry::id).containsExactly(RequestId.of(2));
    }

    @Test
    void twoInstances_racingDuplicateSubmissions_acceptExactlyOnePerAgency() throws Exception {
        List<RequestBook> books = List.of(book, RequestBook.create(secondInstance(), clock));
        List<AgencyId> agencies = List.of(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        race(i -> {
            try {
                books.get(i % 2).submit(completeRequest().covering(agencies.get(i % 3)).build(), directory,
                        "office-" + i);
                accepted.incrementAndGet();
            } catch (InvalidRequestException e) {
                assertThat(e.problems()).extracting(Problem::key).containsExactly("covering.duplicate");
                refused.incrementAndGet();
            }
        }, 6);

        assertThat(accepted).hasValue(3);
        assertThat(refused).hasValue(THREADS * 6 - 3);
        assertThat(book.entries()).extracting(e -> e.id().number()).containsExactly(1L, 2L, 3L);
        assertThat(book.entries()).flatExtracting(e -> e.request().covered())
                .containsExactlyInAnyOrderElementsOf(agencies);
    }

    @Test
    void twoInstances_racingApprovalsAndRejections_recordOneStepPerRequest() throws Exception {
        RequestBook second = RequestBook.create(secondInstance(), clock);
        List<RequestEntry> requests = new ArrayList<>();
        for (AgencyId agency : List.of(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM)) {
            requests.add(book.submit(completeRequest().covering(agency).build(), directory, "office"));
        }
        requests.add(approvedOther());
        long before = book.entries().stream().mapToLong(e -> e.history().size()).sum();
        AtomicInteger won = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();

        race(i -> {
            RequestEntry e = requests.get(i % requests.size());
            RequestBook b = i % 2 == 0 ? book : second;
            try {
                if (i % 3 == 0) {
                    b.reject(e.id(), "reviewer-" + i, "Not this one.");
                } else {
                    b.approve(e.id(), "reviewer-" + i);
                }
                won.incrementAndGet();
            } catch (IllegalStateException expected) {
                lost.incrementAndGet();
            }
        }, requests.size());

        assertThat(won.get() + lost.get()).isEqualTo(THREADS * requests.size());
        for (RequestEntry e : requests) {
            RequestEntry now = second.entry(e.id()).orElseThrow();
            assertThat(now.history()).hasSizeBetween(2, 3);
            assertThat(now.history().get(1).state()).isIn(State.APPROVED, State.REJECTED);
        }
        long after = book.entries().stream().mapToLong(e -> e.history().size()).sum();
        assertThat(won.get()).isEqualTo(after - before);
        assertThat(store.stepOrder()).hasSize((int) after);
    }

    @Test
    void twoInstances_racingIssues_issueTheApprovedRequestOnce() throws Exception {
        RequestEntry e = approved();
        RequestBook second = RequestBook.create(secondInstance(), clock);
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        race(i -> {
            try {
                (i % 2 == 0 ? book : second).issue(e.id(), issuer, FROM, UNTIL, "issuer-" + i);
                issued.incrementAndGet();
            } catch (IllegalStateException expected) {
                refused.incrementAndGet();
            }
        }, 1);

        assertThat(issued).hasValue(1);
        assertThat(refused).hasValue(THREADS - 1);
        assertThat(second.issuedCodes()).hasSize(1);
        assertThat(second.entry(e.id()).orElseThrow().history()).hasSize(3);
    }

    private interface Attempt {
        void run(int i);
    }

    private static void race(Attempt attempt, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < perThread; k++) {
                        attempt.run(thread * perThread + k);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
