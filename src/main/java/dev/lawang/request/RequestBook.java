package dev.lawang.request;

import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book of code requests: every request submitted, and each step of its lifecycle, dated by the book's clock and
 * attributed to an actor.
 *
 * <pre>
 * SUBMITTED --approve--&gt; APPROVED --issue--&gt; ISSUED
 *     |                      |
 *     +-------reject---------+--------&gt; REJECTED (with a reason)
 * </pre>
 *
 * <p>The book is an append-only history: a step is checked in full before anything is recorded, so a refused step
 * (an {@link IllegalStateException} for a step the lifecycle does not allow, an {@link IllegalArgumentException} for a
 * bad argument, an {@link InvalidRequestException} for a request with problems) leaves the book exactly as it was.
 * {@link RequestEntry.State#ISSUED} and {@link RequestEntry.State#REJECTED} are final.
 *
 * <p>A request is a <em>duplicate</em> when a request for the same site that is still open (submitted or approved)
 * already asks to cover one of its agencies; {@link #problems(CodeRequest, Directory)} reports it as a
 * {@code covering.duplicate} problem and {@link #submit} refuses it. Once the earlier request is issued or
 * rejected, the same agencies may ask again (to renew a code, or after fixing what was rejected).
 *
 * <p>{@link #writeJsonLines(Writer)} and {@link #readJsonLines(Reader, Clock)} store and load the whole history in a
 * documented text format ({@code docs/requests.md}); loading replays every step through the same checks.
 *
 * <p>The book keeps its entries in a {@link Store}: {@link #create(Clock)} keeps them in memory, and
 * {@link #create(Store, Clock)} in any other store, such as {@code dev.lawang.jdbc.JdbcRequestStore}, where every
 * application instance of a ministry shares one book. The lifecycle and its checks live here, once, whatever the
 * store; the store makes each step atomic, so two instances that approve, reject or issue the same request at once
 * record one step and the other is refused as if it had come second.
 *
 * <p>Thread-safe; entries handed out are immutable snapshots.
 */
public final class RequestBook {
    /** The longest rejection reason accepted, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RequestBook.class);

    /** How often a step is tried again when another writer recorded a step of the same request first. */
    private static final int ATTEMPTS = 3;

    private final Store store;
    private final Clock clock;

    private RequestBook(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates an empty book in the memory of this process.
     *
     * @param clock the clock that dates every step
     * @return the book
     */
    public static RequestBook create(Clock clock) {
        return create(Store.inMemory(), clock);
    }

    /**
     * Creates a book over a store, which may already hold requests (a database that other instances share).
     *
     * <p>Several books may share one store. The steps of a request must come in time order: when the instances'
     * clocks disagree, a step dated before the request's last step is refused ({@link IllegalStateException}), so keep
     * their clocks synchronised (NTP).
     *
     * @param store where the entries are kept
     * @param clock the clock that dates every step
     * @return the book
     */
    public static RequestBook create(Store store, Clock clock) {
        return new RequestBook(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Lists everything that would stop {@link #submit} from accepting the request: the problems of
     * {@link CodeRequest#problems(Directory)} and a {@code covering.duplicate} problem for each open request that
     * already asks to cover some of the same agencies at the same site.
     *
     * @param request the request
     * @param directory the directory the request refers to
     * @return the problems; empty if the request would be accepted
     */
    public List<Problem> problems(CodeRequest request, Directory directory) {
        Objects.requireNonNull(request, "request");
        List<Problem> all = new ArrayList<>(request.problems(Objects.requireNonNull(directory, "directory")));
        all.addAll(duplicates(request));
        return List.copyOf(all);
    }

    private List<Problem> duplicates(CodeRequest request) {
        List<Problem> out = new ArrayList<>();
        for (RequestEntry e : store.openAt(request.site())) {
            TreeSet<AgencyId> both = new TreeSet<>(e.request().covered());
            both.retainAll(request.covered());
            if (!both.isEmpty()) {
                String agencies = both.stream().map(AgencyId::value).collect(Collectors.joining(", "));
                out.add(Problem.of("covering", "duplicate", "Request " + e.id() + " for the site '"
                        + request.site() + "' is still " + e.state().name().toLowerCase(Locale.ROOT)
                        + " and already asks to cover: " + agencies + ".",
                        Map.of("request", e.id().toString(), "agencies", agencies)));
            }
        }
        return out;
    }

    /**
     * Records a new request as {@link RequestEntry.State#SUBMITTED}, if it has no problems.
     *
     * @param request the request
     * @param directory the directory the request refers to
     * @param actor who submits it: 1 to {@value RequestEntry.Step#MAX_ACTOR_LENGTH} characters, not blank, no control
     *        characters
     * @return the new entry, with the next request id
     * @throws InvalidRequestException if {@link #problems(CodeRequest, Directory)} finds anything; nothing is recorded
     * @throws IllegalArgumentException if the actor is blank, too long or has control characters
     */
    public RequestEntry submit(CodeRequest request, Directory directory, String actor) {
        Step.checkActor(actor);
        List<Problem> problems = problems(request, directory);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return recordSubmitted(request, actor, clock.instant(), () -> problems(request, directory));
    }

    /**
     * Records a request whose problems were checked; {@code recheck} lists them again when the store refuses the
     * request because another writer submitted an overlapping one since.
     */
    RequestEntry recordSubmitted(CodeRequest request, String actor, Instant at,
            Supplier<List<Problem>> recheck) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RequestEntry> added = store.add(request, new Step(State.SUBMITTED, at, actor));
            if (added.isPresent()) {
                RequestEntry entry = added.get();
                LOG.info("request {} submitted for site {} covering {} agencies", entry.id(), request.site(),
                        request.covered().size());
                return entry;
            }
            List<Problem> problems = recheck.get();
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
        throw new IllegalStateException("the request for the site '" + request.site() + "' was refused "
                + ATTEMPTS + " times as a duplicate of requests that were closed each time it was checked again");
    }

    /**
     * Approves a submitted request.
     *
     * @param id the request
     * @param actor who approves it: 1 to {@value RequestEntry.Step#MAX_ACTOR_LENGTH} characters, not blank, no
     *        control characters
     * @return the updated entry
     * @throws IllegalArgumentException if there is no such request, or the actor is not acceptable
     * @throws IllegalStateException if the request is not {@link RequestEntry.State#SUBMITTED}; nothing is recorded
     */
    public RequestEntry approve(RequestId id, String actor) {
        return recordApproved(id, actor, clock.instant());
    }

    RequestEntry recordApproved(RequestId id, String actor, Instant at) {
        return step(id, "approve", actor, at, e -> e.with(new Step(State.APPROVED, at, actor), null, null, null),
                State.SUBMITTED);
    }

    /**
     * Rejects a submitted or approved request, with a reason the office will read.
     *
     * @param id the request
     * @param actor who rejects it: 1 to {@value RequestEntry.Step#MAX_ACTOR_LENGTH} characters, not blank, no
     *        control characters
     * @param reason why: 1 to {@value #MAX_REASON_LENGTH} characters, not blank, no control characters
     * @return the updated entry
     * @throws IllegalArgumentException if there is no such request, or the actor or reason is not acceptable
     * @throws IllegalStateException if the request is issued or already rejected; nothing is recorded
     */
    public RequestEntry reject(RequestId id, String actor, String reason) {
        return recordRejected(id, actor, clock.instant(), reason);
    }

    RequestEntry recordRejected(RequestId id, String actor, Instant at, String reason) {
        RequestEntry.checkReason(reason);
        return step(id, "reject", actor, at, e -> e.with(new Step(State.REJECTED, at, actor), reason, null, null),
                State.SUBMITTED, State.APPROVED);
    }

    /**
     * Issues the code for an approved request: builds a {@link SharedCode} for the request's site covering exactly
     * the requested agencies, issued now and valid over {@code [validFrom, validUntil)} (whole seconds, as the
     * payload carries them), and signs it with the issuer. The entry keeps
     * the code (whose agencies are the ones that received it) and its signed text.
     *
     * @param id the request
     * @param issuer the authority's issuer
     * @param validFrom when the code starts to be valid
     * @param validUntil when it stops being valid; must be after {@code validFrom} and after now
     * @param actor who issues it: 1 to {@value RequestEntry.Step#MAX_ACTOR_LENGTH} characters, not blank, no
     *        control characters
     * @return the updated entry, with {@link RequestEntry#code()} and {@link RequestEntry#codeText()}
     * @throws IllegalArgumentException if there is no such request, the window is empty or already over, or the
     *         actor is not acceptable
     * @throws IllegalStateException if the request is not {@link RequestEntry.State#APPROVED} (issuing twice included);
     *         nothing is recorded
     */
    public RequestEntry issue(RequestId id, Issuer issuer, Instant validFrom, Instant validUntil, String actor) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Instant at = clock.instant();
        RequestEntry entry = stepFrom(store.find(Objects.requireNonNull(id, "id")).orElse(null), id, "issue", actor,
                at, State.APPROVED);
        checkWindow(validFrom, validUntil, at);
        CodeRequest request = entry.request();
        // the payload carries whole seconds; the step keeps the book's instant as it was
        SharedCode code = SharedCode.builder(request.site()).covering(request.covered())
                .issuedAt(at.truncatedTo(ChronoUnit.SECONDS)).validFrom(validFrom).validUntil(validUntil).build();
        String text = issuer.sign(code);
        return recordIssued(id, actor, at, code, text);
    }

    private static void checkWindow(Instant validFrom, Instant validUntil, Instant at) {
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("a code's validity window must not be empty: from " + validFrom
                    + " until " + validUntil);
        }
        if (!validUntil.isAfter(at)) {
            throw new IllegalArgumentException("a code must be valid after it is issued: valid until " + validUntil
                    + ", issued at " + at);
        }
    }

    RequestEntry recordIssued(RequestId id, String actor, Instant at, SharedCode code, String text) {
        checkWindow(code.validFrom(), code.validUntil(), at);
        return step(id, "issue", actor, at, e -> {
            RequestEntry.checkCode(e.id(), e.request(), code);
            return e.with(new Step(State.ISSUED, at, actor), null, code, text);
        }, State.APPROVED);
    }

    /**
     * Makes one step: checks it against the request as the store holds it and records it if no other writer recorded
     * a step of the same request in between; otherwise checks it again against what that writer left.
     */
    private RequestEntry step(RequestId id, String verb, String actor, Instant at,
            UnaryOperator<RequestEntry> next, State... allowed) {
        Objects.requireNonNull(id, "id");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            RequestEntry current = stepFrom(store.find(id).orElse(null), id, verb, actor, at, allowed);
            RequestEntry updated = next.apply(current);
            if (store.advance(current, updated)) {
                LOG.info("request {} is now {}", updated.id(), updated.state());
                return updated;
            }
        }
        throw new IllegalStateException("cannot " + verb + " request " + id + ": other steps of it were recorded "
                + ATTEMPTS + " times while this one was checked");
    }

    private static RequestEntry stepFrom(@Nullable RequestEntry entry, RequestId id, String verb, String actor,
            Instant at, State... allowed) {
        Step.checkActor(actor);
        if (entry == null) {
            throw new IllegalArgumentException("no request " + id + " in this book");
        }
        State state = entry.state();
        if (!List.of(allowed).contains(state)) {
            String from = List.of(allowed).stream().map(Enum::name).collect(Collectors.joining(" or "));
            throw new IllegalStateException("cannot " + verb + " request " + id + ": it is " + state + ", and only "
                    + from + " requests can be " + participle(verb));
        }
        if (at.isBefore(entry.since())) {
            throw new IllegalStateException("cannot " + verb + " request " + id + " at " + at
                    + ": its last step was later, at " + entry.since());
        }
        return entry;
    }

    private static String participle(String verb) {
        return verb.endsWith("e") ? verb + "d" : verb + "ed";
    }

    /**
     * Returns the entry of a request.
     *
     * @param id the request
     * @return the entry as it stands now, or empty if the book has no such request
     */
    public Optional<RequestEntry> entry(RequestId id) {
        return store.find(Objects.requireNonNull(id, "id"));
    }

    /**
     * Returns how many requests the book holds.
     *
     * @return the number of requests ever submitted
     */
    public int size() {
        return store.size();
    }

    /**
     * Returns every entry, in request id order.
     *
     * @return an unmodifiable snapshot
     */
    public List<RequestEntry> entries() {
        return store.entries();
    }

    /**
     * Returns the codes issued through this book, in request id order, including codes that have since expired;
     * revocation is recorded in a {@code TrustList}, not here.
     *
     * @return an unmodifiable list
     */
    public List<SharedCode> issuedCodes() {
        List<SharedCode> out = new ArrayList<>();
        for (RequestEntry e : store.entries()) {
            e.code().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Writes the whole history as JSON lines: a header line, then one line per step in the order the steps
     * happened. The format is described in {@code docs/requests.md}. The output contains the contact addresses of
     * the requests: store it as personal data.
     *
     * @param out where to write; flushed at the end, not closed
     * @throws IOException if the writer fails; it is passed on as the writer threw it, and the output may then be
     *         incomplete
     */
    public void writeJsonLines(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        // the order first: every step it names is then in the entries read after it, which may hold newer steps
        List<RequestId> order = store.stepOrder();
        Map<RequestId, RequestEntry> entries = new HashMap<>();
        for (RequestEntry e : store.entries()) {
            entries.put(e.id(), e);
        }
        RequestBookJson.writeHeader(out);
        Map<RequestId, Integer> seen = new HashMap<>();
        for (RequestId id : order) {
            int index = seen.merge(id, 1, Integer::sum) - 1;
            RequestBookJson.writeStep(out, Objects.requireNonNull(entries.get(id), "entry"), index);
        }
        out.flush();
    }

    /**
     * Reads a history written by {@link #writeJsonLines(Writer)} and replays it through the same checks as the live
     * methods, except those that need a directory (the directory may have changed since). Nothing half-read is
     * returned.
     *
     * <p>Two kinds of failure, kept apart: a reader that fails is the stream's own failure and comes out as the
     * reader's {@link IOException}, never wrapped; text that is not a valid history (malformed JSON, a missing,
     * unknown or mistyped field, an overlong line, a step the lifecycle does not allow) is
     * malformed content and comes out as a {@link RequestBookFormatException} with its line number. Nothing else is
     * thrown for any text. Reading stops at the first failure.
     *
     * @param in the text; read up to the end or the first failure, not closed
     * @param clock the clock that dates the steps made after loading
     * @return the book
     * @throws RequestBookFormatException if the text is not a valid history; {@link RequestBookFormatException#line()}
     *         is the line, and the message names it and the field, never a contact address
     * @throws IOException if the reader fails; it is passed on as the reader threw it
     */
    public static RequestBook readJsonLines(Reader in, Clock clock) throws IOException {
        Objects.requireNonNull(in, "in");
        RequestBook book = create(clock);
        RequestBookJson.read(in, book);
        return book;
    }

    List<Problem> problemsWithoutDirectory(CodeRequest request) {
        List<Problem> all = new ArrayList<>(request.problems());
        all.addAll(duplicates(request));
        return all;
    }

    @Nullable RequestEntry entryOrNull(RequestId id) {
        return store.find(id).orElse(null);
    }

    @Override
    public String toString() {
        return "RequestBook[" + store + "]";
    }


    /**
     * Where a {@link RequestBook} keeps its entries: an SPI. {@link #inMemory()} is the default; {@code
     * dev.lawang.jdbc.JdbcRequestStore} keeps them in PostgreSQL, shared by every application instance.
     *
     * <p>The store decides nothing about the lifecycle; the book checks every step before it hands it over. What the
     * store guarantees is atomicity: {@link #add} assigns the next id and refuses a duplicate in one step, and
     * {@link #advance} records a step only if no other step of the request was recorded since the entry was read.
     * Every implementation must pass the contract test suite {@code RequestBookContract} (the book's whole
     * behaviour over the store, from one instance and from two at once), be thread-safe, and put no contact address
     * into an exception message or a log line.
     */
    public interface Store {
        /**
         * Returns a new, empty store in the memory of this process.
         *
         * @return the store
         */
        static Store inMemory() {
            return new InMemoryRequestStore();
        }

        /**
         * Records a new request with its first step, under the next request id: one more than the number of
         * requests held. Refuses it, in the same atomic step, when an open request ({@link State#isOpen()}) for the
         * same site already covers one of its agencies.
         *
         * @param request the request; checked by the book
         * @param submitted its first step, {@link State#SUBMITTED}
         * @return the new entry, or empty if an open request overlaps it (nothing is recorded then)
         * @throws IllegalArgumentException if the step is not {@link State#SUBMITTED}
         */
        Optional<RequestEntry> add(CodeRequest request, Step submitted);

        /**
         * Records one more step of a request: replaces {@code current} with {@code next} if the request still has as
         * many steps as {@code current}, and otherwise changes nothing. When {@code next} leaves the open states, its
         * agencies stop counting as asked for at its site ({@link #add}).
         *
         * @param current the entry as read from this store
         * @param next {@code current} with one step more
         * @return whether the step was recorded; {@code false} if another step of the request was recorded first
         * @throws IllegalArgumentException if {@code next} is not {@code current} with one more step, or the store
         *     has no such request
         */
        boolean advance(RequestEntry current, RequestEntry next);

        /**
         * Finds a request.
         *
         * @param id the request
         * @return its entry as it stands now, or empty if the store has no such request
         */
        Optional<RequestEntry> find(RequestId id);

        /**
         * Returns the open requests ({@link State#isOpen()}) for a site, in request id order.
         *
         * @param site the site
         * @return an unmodifiable snapshot
         */
        List<RequestEntry> openAt(SiteId site);

        /**
         * Returns every entry, in request id order.
         *
         * @return an unmodifiable snapshot
         */
        List<RequestEntry> entries();

        /**
         * Returns how many requests the store holds.
         *
         * @return the number of requests ever added
         */
        int size();

        /**
         * Returns the request of each step ever recorded, in the order the steps were recorded: the k-th mention of
         * a request is its k-th step, and a request's first step comes after the first step of every request with a
         * smaller id.
         *
         * @return an unmodifiable snapshot
         */
        List<RequestId> stepOrder();
    }
}
