package dev.lawang.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A visit log in the memory of one process: the default.
 *
 * <p>Appending and closing are constant-time; {@link #visitsOf(VisitorRef)}, {@link #overlapping(Visit, Duration)} and
 * {@link #purgeBefore(Instant)} scan every visit kept, which suits the rare contact-tracing query and a periodic purge.
 * Visits live only as long as the process; use a PostgreSQL log when they must survive a restart or be shared.
 *
 * <p>Thread-safe: operations on one visitor are atomic with respect to each other, and no global lock is taken.
 */
public final class InMemoryVisitLog implements VisitLog {
    private static final Comparator<Visit> EARLIEST_FIRST =
            Comparator.comparing(Visit::in).thenComparing(Visit::ticket);

    private final ConcurrentHashMap<TicketId, Visit> visits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<VisitorRef, TicketId> openByVisitor = new ConcurrentHashMap<>();

    /** Creates an empty log. */
    public InMemoryVisitLog() {
        // An empty log needs no set-up; the constructor exists to be documented.
    }

    @Override
    public void append(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        if (!visit.isOpen()) {
            throw new IllegalArgumentException("only an open visit can be appended: " + visit.ticket());
        }
        // The visitor's entry is the lock that makes "one open visit per visitor" atomic with close().
        openByVisitor.compute(visit.visitor(), (visitor, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("the visitor already has an open visit: " + existing);
            }
            if (visits.putIfAbsent(visit.ticket(), visit) != null) {
                throw new IllegalStateException("a visit with ticket " + visit.ticket() + " is already recorded");
            }
            return visit.ticket();
        });
    }

    @Override
    public Optional<Visit> close(TicketId ticket, Instant out) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(out, "out");
        Visit found = visits.get(ticket);
        if (found == null || !found.isOpen()) {
            return Optional.empty();
        }
        Visit[] closed = new Visit[1];
        openByVisitor.computeIfPresent(found.visitor(), (visitor, openTicket) -> {
            if (!openTicket.equals(ticket)) {
                return openTicket;
            }
            Visit current = visits.get(ticket);
            if (current == null || !current.isOpen()) {
                return openTicket;
            }
            closed[0] = current.withOut(out);
            visits.put(ticket, closed[0]);
            return null;
        });
        return Optional.ofNullable(closed[0]);
    }

    @Override
    public Optional<Visit> find(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return Optional.ofNullable(visits.get(ticket));
    }

    @Override
    public Optional<Visit> openVisitOf(VisitorRef visitor) {
        Objects.requireNonNull(visitor, "visitor");
        TicketId ticket = openByVisitor.get(visitor);
        if (ticket == null) {
            return Optional.empty();
        }
        @Nullable Visit visit = visits.get(ticket);
        return visit != null && visit.isOpen() ? Optional.of(visit) : Optional.empty();
    }

    @Override
    public List<Visit> visitsOf(VisitorRef visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return select(v -> v.visitor().equals(visitor));
    }

    @Override
    public List<Visit> overlapping(Visit visit, Duration margin) {
        Objects.requireNonNull(visit, "visit");
        Visit.checkMargin(margin);
        return select(v -> visit.overlaps(v, margin));
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int removed = 0;
        for (Map.Entry<TicketId, Visit> e : visits.entrySet()) {
            Visit v = e.getValue();
            Optional<Instant> out = v.out();
            if (out.isPresent() && out.get().isBefore(cutoff) && visits.remove(e.getKey(), v)) {
                removed++;
            }
        }
        return removed;
    }

    private List<Visit> select(Predicate<Visit> wanted) {
        List<Visit> result = new ArrayList<>();
        for (Visit v : visits.values()) {
            if (wanted.test(v)) {
                result.add(v);
            }
        }
        result.sort(EARLIEST_FIRST);
        return List.copyOf(result);
    }
}
