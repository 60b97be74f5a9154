package dev.lawang.request;

import dev.lawang.code.SharedCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request as a {@link RequestBook} holds it at one moment: its id, the request, its state and the dated,
 * attributed history that led there, the rejection reason if rejected, and the code if issued.
 *
 * <p>Immutable and thread-safe: the book hands out a new entry after every transition.
 */
public final class RequestEntry {
    private final RequestId id;
    private final CodeRequest request;
    private final List<Transition> history;
    private final @Nullable String rejectionReason;
    private final @Nullable SharedCode code;
    private final @Nullable String codeText;

    private RequestEntry(RequestId id, CodeRequest request, List<Transition> history,
            @Nullable String rejectionReason, @Nullable SharedCode code, @Nullable String codeText) {
        this.id = id;
        this.request = request;
        this.history = List.copyOf(history);
        this.rejectionReason = rejectionReason;
        this.code = code;
        this.codeText = codeText;
    }

    static RequestEntry submitted(RequestId id, CodeRequest request, Transition first) {
        return new RequestEntry(id, request, List.of(first), null, null, null);
    }

    RequestEntry with(Transition next, @Nullable String reason, @Nullable SharedCode issued, @Nullable String text) {
        List<Transition> longer = new ArrayList<>(history);
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
     * Returns the current state: that of the last transition.
     *
     * @return the state
     */
    public RequestState state() {
        return history.get(history.size() - 1).state();
    }

    /**
     * Returns when the request was submitted.
     *
     * @return the time of the first transition
     */
    public Instant submittedAt() {
        return history.get(0).at();
    }

    /**
     * Returns when the request entered its current state.
     *
     * @return the time of the last transition
     */
    public Instant since() {
        return history.get(history.size() - 1).at();
    }

    /**
     * Returns every transition, oldest first; the first is always {@link RequestState#SUBMITTED}.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Transition> history() {
        return history;
    }

    /**
     * Returns why the request was rejected.
     *
     * @return the reason if the state is {@link RequestState#REJECTED}, otherwise empty
     */
    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    /**
     * Returns the code issued for this request; its agencies are the ones that received it.
     *
     * @return the code if the state is {@link RequestState#ISSUED}, otherwise empty
     */
    public Optional<SharedCode> code() {
        return Optional.ofNullable(code);
    }

    /**
     * Returns the signed text of the issued code, as placed in the QR symbol and sent to the office. The book keeps
     * it as issued; whether it is genuine is for a {@code Verifier} to say.
     *
     * @return the text if the state is {@link RequestState#ISSUED}, otherwise empty
     */
    public Optional<String> codeText() {
        return Optional.ofNullable(codeText);
    }

    @Override
    public boolean equals(Object o) {
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
}
