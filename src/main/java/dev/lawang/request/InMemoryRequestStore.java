package dev.lawang.request;

import dev.lawang.directory.SiteId;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The default {@link RequestBook.Store}: entries in a map of this process, every method under the store's lock. */
final class InMemoryRequestStore implements RequestBook.Store {
    private final Map<RequestId, RequestEntry> entries = new LinkedHashMap<>();
    /** The request of each step, in the order the steps were recorded. */
    private final List<RequestId> steps = new ArrayList<>();

    @Override
    public synchronized Optional<RequestEntry> add(CodeRequest request, Step submitted) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(submitted, "submitted");
        if (submitted.state() != State.SUBMITTED) {
            throw new IllegalArgumentException("a request is added with a SUBMITTED step, not " + submitted.state());
        }
        for (RequestEntry e : openAt(request.site())) {
            if (!Collections.disjoint(e.request().covered(), request.covered())) {
                return Optional.empty();
            }
        }
        RequestId id = RequestId.of(entries.size() + 1L);
        RequestEntry entry = RequestEntry.submitted(id, request, submitted);
        entries.put(id, entry);
        steps.add(id);
        return Optional.of(entry);
    }

    @Override
    public synchronized boolean advance(RequestEntry current, RequestEntry next) {
        checkAdvance(current, next);
        RequestEntry stored = entries.get(current.id());
        if (stored == null) {
            throw new IllegalArgumentException("no request " + current.id() + " in this store");
        }
        if (stored.history().size() != current.history().size()) {
            return false;
        }
        entries.put(next.id(), next);
        steps.add(next.id());
        return true;
    }

    private static void checkAdvance(RequestEntry current, RequestEntry next) {
        Objects.requireNonNull(current, "current");
        if (!Objects.requireNonNull(next, "next").follows(current)) {
            throw new IllegalArgumentException("the next entry of request " + current.id()
                    + " must be the same request with one more step");
        }
    }

    @Override
    public synchronized Optional<RequestEntry> find(RequestId id) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<RequestEntry> openAt(SiteId site) {
        Objects.requireNonNull(site, "site");
        List<RequestEntry> out = new ArrayList<>();
        for (RequestEntry e : entries.values()) {
            if (e.state().isOpen() && e.request().site().equals(site)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized List<RequestEntry> entries() {
        return List.copyOf(entries.values());
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized List<RequestId> stepOrder() {
        return List.copyOf(steps);
    }

    @Override
    public synchronized String toString() {
        return "in memory, " + entries.size() + " requests";
    }
}
