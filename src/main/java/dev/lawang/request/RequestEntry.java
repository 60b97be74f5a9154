package dev.lawang.request;

import dev.lawang.code.SharedCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request as a {@link RequestBook} holds it at one moment: its id, the request, its {@link State} and the dated,
 * attributed {@link Step}s that led there, the rejection reason if rejected, and the code if issued.
 *
 * <p>Immutable and thread-safe: the book hands out a new entry after every step.
 */
public final class RequestEntry {
    private final RequestId id;
    private final CodeRequest request;
    private final List<Step> history;
    private final @Nullable String rejectionReason;
    private final @Nullable SharedCode code;
    private final @Nullable String codeText;

    private RequestEntry(RequestId id, CodeRequest request, List<Step> history, @Nullable String rejectionReason,
            @Nullable SharedCode code, @Nullable String codeText) {
        this.id = id;
        this.request = request;
        this.history = List.copyOf(history);
        this.rejectionReason = rejectionReason;
        this.code = code;
        this.codeText = codeText;
    }

    /**
     * Creates an entry from its parts, as a {@link RequestBook.Store} reads it back; checked to be a history the book
     * could have written.
     *
     * @param id the request's id
     * @param request the request as submitted
     * @param history every step, oldest first: {@link State#SUBMITTED} first, then the states the lifecycle allows,
     *     in time order (equal instants allowed)
     * @param rejectionReason the reason, present exactly when the last step is {@link State#REJECTED}: 1 to
     *     {@value RequestBook#MAX_REASON_LENGTH} characters, not blank, no control characters
     * @param code the issued code, present exactly when the last step is {@link State#ISSUED}, for the request's site
     *     and exactly its agencies
     * @param codeText the code's signed text, present exactly when {@code code} is
     * @return the entry
     * @throws IllegalArgumentException if the parts do not make such a history
     */
    public static RequestEntry of(RequestId id, CodeRequest request, List<Step> history,
            @Nullable String rejectionReason, @Nullable SharedCode code, @Nullable String codeText) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        List<Step> steps = List.copyOf(Objects.requireNonNull(history, "history"));
        if (steps.isEmpty() || steps.get(0).state() != State.SUBMITTED) {
            throw new IllegalArgumentException("the history of request " + id + " must start with SUBMITTED");
        }
        for (int i = 1; i < steps.size(); i++) {
            State from = steps.get(i - 1).state();
            State to = steps.get(i).state();
            if (!from.isOpen() || to == State.SUBMITTED || (from == State.SUBMITTED && to == State.ISSUED)
                    || from == to) {
                throw new IllegalArgumentException("request " + id + " cannot go from " + from + " to " + to);
            }
            if (steps.get(i).at().isBefore(steps.get(i - 1).at())) {
                throw new IllegalArgumentException("the steps of request " + id + " are not in time order");
            }
        }
        State last = steps.get(steps.size() - 1).state();
        if ((last == State.REJECTED) != (rejectionReason != null)) {
            throw new IllegalArgumentException("request " + id + " has a rejection reason exactly when rejected");
        }
        if (rejectionReason != null) {
            checkReason(rejectionReason);
        }
        if ((last == State.ISSUED) != (code != null) || (code != null) != (codeText != null)) {
            throw new IllegalArgumentException("request " + id + " has a code and its text exactly when issued");
        }
        if (code != null) {
            checkCode(id, request, code);
        }
        return new RequestEntry(id, request, steps, rejectionReason, code, codeText);
    }

    static String checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > RequestBook.MAX_REASON_LENGTH
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a rejection reason must be 1 to " + RequestBook.MAX_REASON_LENGTH
                    + " characters, not blank, without control characters (length " + reason.length() + ")");
        }
        return reason;
    }

    static void checkCode(RequestId id, CodeRequest request, SharedCode code) {
        if (!code.site().equals(request.site()) || !code.agencies().equals(request.covered())) {
            throw new IllegalArgumentException("the code for request " + id + " must be for the site and agencies"
                    + " requested: site " + code.site() + ", " + code.agencies().size() + " agencies");
        }
    }

    /**
     * Tells whether this entry is {@code earlier} with exactly one more step: the same request, the same steps, one
     * after them. A {@link RequestBook.Store} checks it in {@link RequestBook.Store#advance}.
     *
     * @param earlier the entry before this step
     * @return whether this entry follows it directly
     */
    public boolean follows(RequestEntry earlier) {
        int n = Objects.requireNonNull(earlier, "earlier").history.size();
        return id.equals(earlier.id) && request.equals(earlier.request) && history.size() == n + 1
                && history.subList(0, n).equals(earlier.history);
    }

    static RequestEntry submitted(RequestId id, CodeRequest request, Step first) {
        return new RequestEntry(id, request, List.of(first), null, null, null);
    }

    RequestEntry with(Step next, @Nullable String reason, @Nullable SharedCode issued, @Nullable String text) {
        List<Step> longer = new ArrayList<>(history);
        longer.add(next);
        return new RequestEntry(id, request, longer, reason, issued, text);
    }

    /**
     * Returns the request's id in its book.
     *
     * @return the id
     */
    public RequestId id() {
        return id;
    }

    /**
     * Returns the request as submitted.
     *
     * @return the request
     */
    public CodeRequest request() {
        return request;
    }

    /**
     * Returns the current state: that of the last step.
     *
     * @return the state
     */
    public State state() {
        return history.get(history.size() - 1).state();
    }

    /**
     * Returns when the request was submitted.
     *
     * @return the time of the first step
     */
    public Instant submittedAt() {
        return history.get(0).at();
    }

    /**
     * Returns when the request entered its current state.
     *
     * @return the time of the last step
     */
    public Instant since() {
        return history.get(history.size() - 1).at();
    }

    /**
     * Returns every step, oldest first; the first is always {@link State#SUBMITTED}.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Step> history() {
        return history;
    }

    /**
     * Returns why the request was rejected.
     *
     * @return the reason if the state is {@link State#REJECTED}, otherwise empty
     */
    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    /**
     * Returns the code issued for this request; its agencies are the ones that received it.
     *
     * @return the code if the state is {@link State#ISSUED}, otherwise empty
     */
    public Optional<SharedCode> code() {
        return Optional.ofNullable(code);
    }

    /**
     * Returns the signed text of the issued code, as placed in the QR symbol and sent to the office. The book keeps
     * it as issued; whether it is genuine is for a {@code Verifier} to say.
     *
     * @return the text if the state is {@link State#ISSUED}, otherwise empty
     */
    public Optional<String> codeText() {
        return Optional.ofNullable(codeText);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestEntry e && id.equals(e.id) && request.equals(e.request)
                && history.equals(e.history) && Objects.equals(rejectionReason, e.rejectionReason)
                && Objects.equals(code, e.code) && Objects.equals(codeText, e.codeText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, request, history, rejectionReason, code, codeText);
    }

    @Override
    public String toString() {
        return "RequestEntry[" + id + " " + state() + " since " + since() + ", " + request + "]";
    }

    /**
     * Where a request stands. A request is {@link #SUBMITTED}, then {@link #APPROVED}, then {@link #ISSUED}; or it is
     * {@link #REJECTED}, from {@link #SUBMITTED} or {@link #APPROVED}, with a reason. {@link #ISSUED} and
     * {@link #REJECTED} are final: an issued code is withdrawn by revoking it in the trust list, and a rejected office
     * submits a new request.
     */
    public enum State {
        /** Received and waiting for review. */
        SUBMITTED,
        /** Reviewed and accepted; waiting for the code to be issued. */
        APPROVED,
        /** The code has been issued. Final. */
        ISSUED,
        /** Refused with a reason. Final. */
        REJECTED;

        /**
         * Tells whether a request in this state is still waiting for a code.
         *
         * @return whether this is {@link #SUBMITTED} or {@link #APPROVED}
         */
        public boolean isOpen() {
            return this == SUBMITTED || this == APPROVED;
        }
    }

    /**
     * One step in a request's history: the state it entered, when, and who made the step.
     *
     * <p>Immutable and thread-safe.
     *
     * @param state the state the request entered
     * @param at when the step was made, by the book's clock
     * @param actor who made the step, the host's name for the person or system: 1 to {@value #MAX_ACTOR_LENGTH}
     *        characters, not blank, no control characters
     */
    public record Step(State state, Instant at, String actor) {
        /** The longest actor name accepted, in characters. */
        public static final int MAX_ACTOR_LENGTH = 100;

        /**
         * Creates a step.
         *
         * @param state the state the request entered
         * @param at when the step was made
         * @param actor who made the step: 1 to {@value #MAX_ACTOR_LENGTH} characters, not blank, no control
         *        characters
         * @throws IllegalArgumentException if the actor is blank, too long or contains control characters; the
         *         message gives its length, not the name
         */
        public Step {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(at, "at");
            checkActor(actor);
        }

        static String checkActor(String actor) {
            Objects.requireNonNull(actor, "actor");
            if (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH
                    || actor.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR_LENGTH
                        + " characters, not blank, without control characters (length " + actor.length() + ")");
            }
            return actor;
        }
    }
}
