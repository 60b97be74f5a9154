package dev.lawang.request;

import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
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
 * <p>Thread-safe: every method holds the book's lock for its duration. Entries handed out are immutable snapshots.
 */
public final class RequestBook {
    /** The longest rejection reason accepted, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RequestBook.class);

    private final Clock clock;
    private final Map<RequestId, RequestEntry> entries = new LinkedHashMap<>();
    /** The request of each step, in the order the steps happened: the k-th mention of an id is its k-th step. */
    private final List<RequestId> steps = new ArrayList<>();

    private RequestBook(Clock clock) {
        this.clock = clock;
    }

    /**
     * Creates an empty book.
     *
     * @param clock the clock that dates every step
     * @return the book
     */
    public static RequestBook create(Clock clock) {
        return new RequestBook(Objects.requireNonNull(clock, "clock"));
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
    public synchronized List<Problem> problems(CodeRequest request, Directory directory) {
        Objects.requireNonNull(request, "request");
        List<Problem> all = new ArrayList<>(request.problems(Objects.requireNonNull(directory, "directory")));
        all.addAll(duplicates(request));
        return List.copyOf(all);
    }

    private List<Problem> duplicates(CodeRequest request) {
        List<Problem> out = new ArrayList<>();
        for (RequestEntry e : entries.values()) {
            if (!e.state().isOpen() || !e.request().site().equals(request.site())) {
                continue;
            }
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
    public synchronized RequestEntry submit(CodeRequest request, Directory directory, String actor) {
        Step.checkActor(actor);
        List<Problem> problems = problems(request, directory);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return recordSubmitted(request, actor, clock.instant());
    }

    RequestEntry recordSubmitted(CodeRequest request, String actor, Instant at) {
        RequestId id = RequestId.of(entries.size() + 1L);
        RequestEntry entry = RequestEntry.submitted(id, request, new Step(State.SUBMITTED, at, actor));
        entries.put(id, entry);
        steps.add(id);
        LOG.info("request {} submitted for site {} covering {} agencies", id, request.site(),
                request.covered().size());
        return entry;
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
    public synchronized RequestEntry approve(RequestId id, String actor) {
        return recordApproved(id, actor, clock.instant());
    }

    RequestEntry recordApproved(RequestId id, String actor, Instant at) {
        RequestEntry entry = stepFrom(id, "approve", actor, at, State.SUBMITTED);
        return record(entry.with(new Step(State.APPROVED, at, actor), null, null, null));
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
    public synchronized RequestEntry reject(RequestId id, String actor, String reason) {
        return recordRejected(id, actor, clock.instant(), reason);
    }

    RequestEntry recordRejected(RequestId id, String actor, Instant at, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a rejection reason must be 1 to " + MAX_REASON_LENGTH
                    + " characters, not blank, without control characters (length " + reason.length() + ")");
        }
        RequestEntry entry = stepFrom(id, "reject", actor, at, State.SUBMITTED, State.APPROVED);
        return record(entry.with(new Step(State.REJECTED, at, actor), reason, null, null));
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
    public synchronized RequestEntry issue(RequestId id, Issuer issuer, Instant validFrom, Instant validUntil,
            String actor) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Instant at = clock.instant();
        RequestEntry entry = stepFrom(id, "issue", actor, at, State.APPROVED);
        checkWindow(validFrom, validUntil, at);
        CodeRequest request = entry.request();
        SharedCode code = SharedCode.builder(request.site()).covering(request.covered()).issuedAt(at)
                .validFrom(validFrom).validUntil(validUntil).build();
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
        RequestEntry entry = stepFrom(id, "issue", actor, at, State.APPROVED);
        checkWindow(code.validFrom(), code.validUntil(), at);
        if (!code.site().equals(entry.request().site()) || !code.agencies().equals(entry.request().covered())) {
            throw new IllegalArgumentException("the code for request " + id + " must be for the site and agencies"
                    + " requested: site " + code.site() + ", " + code.agencies().size() + " agencies");
        }
        return record(entry.with(new Step(State.ISSUED, at, actor), null, code, text));
    }

    private RequestEntry stepFrom(RequestId id, String verb, String actor, Instant at, State... allowed) {
        Objects.requireNonNull(id, "id");
        Step.checkActor(actor);
        RequestEntry entry = entries.get(id);
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

    private RequestEntry record(RequestEntry updated) {
        entries.put(updated.id(), updated);
        steps.add(updated.id());
        LOG.info("request {} is now {}", updated.id(), updated.state());
        return updated;
    }

    /**
     * Returns the entry of a request.
     *
     * @param id the request
     * @return the entry as it stands now, or empty if the book has no such request
     */
    public synchronized Optional<RequestEntry> entry(RequestId id) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Returns how many requests the book holds.
     *
     * @return the number of requests ever submitted
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Returns every entry, in request id order.
     *
     * @return an unmodifiable snapshot
     */
    public synchronized List<RequestEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * Returns the codes issued through this book, in request id order, including codes that have since expired;
     * revocation is recorded in a {@code TrustList}, not here.
     *
     * @return an unmodifiable list
     */
    public synchronized List<SharedCode> issuedCodes() {
        List<SharedCode> out = new ArrayList<>();
        for (RequestEntry e : entries.values()) {
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
    public synchronized void writeJsonLines(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        RequestBookJson.writeHeader(out);
        Map<RequestId, Integer> seen = new HashMap<>();
        for (RequestId id : steps) {
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
        return entries.get(id);
    }

    @Override
    public synchronized String toString() {
        return "RequestBook[" + entries.size() + " requests]";
    }
}
