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

/**
 * A visit log in the memory of one process: the default, made by {@link VisitLog#inMemory()}.
 *
 * <p>Appending and closing are constant-time; {@link #visitsOf(VisitorRef)}, {@link #overlapping(Visit, Duration)} and
 * {@link #purgeBefore(Instant)} scan every visit kept, which suits the rare contact-tracing query and a periodic purge.
 * Visits live only as long as the process; use a PostgreSQL log when they must survive a restart or be shared.
 *
 * <p>Thread-safe without locks of its own: a visit is opened by claiming its visitor's entry and closed by removing
 * it, so a visitor never has two open visits and a visit closes at most once. A reader may briefly see a visit just
 * being appended as the visitor's open visit before {@link #find(TicketId)} finds it, or a visit just being closed
 * still open.
 */
final class InMemoryVisitLog implements VisitLog {
    private static final Comparator<Visit> EARLIEST_FIRST =
            Comparator.comparing(Visit::in).thenComparing(Visit::ticket);

    private final ConcurrentHashMap<TicketId, Visit> visits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<VisitorRef, Visit> openByVisitor = new ConcurrentHashMap<>();

    @Override
    public void append(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        if (!visit.isOpen()) {
            throw new IllegalArgumentException("only an open visit can be appended: " + visit.ticket());
        }
        // Claiming the visitor's entry first makes "one open visit per visitor" hold however appends interleave.
        Visit open = openByVisitor.putIfAbsent(visit.visitor(), visit);
        if (open != null) {
            throw new IllegalStateException("the visitor already has an open visit: " + open.ticket());
        }
        if (visits.putIfAbsent(visit.ticket(), visit) != null) {
            openByVisitor.remove(visit.visitor(), visit);
            throw new IllegalStateException("a visit with ticket " + visit.ticket() + " is already recorded");
        }
    }

    @Override
    public Optional<Visit> close(TicketId ticket, Instant out) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(out, "out");
        Visit open = visits.get(ticket);
        if (open == null || !open.isOpen()) {
            return Optional.empty();
        }
        Visit closed = open.withOut(out);
        // Whoever removes the visitor's open entry closes the visit; a concurrent second close finds it gone.
        if (!openByVisitor.remove(open.visitor(), open)) {
            return Optional.empty();
        }
        visits.replace(ticket, open, closed);
        return Optional.of(closed);
    }

    @Override
    public Optional<Visit> find(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return Optional.ofNullable(visits.get(ticket));
    }

    @Override
    public Optional<Visit> openVisitOf(VisitorRef visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return Optional.ofNullable(openByVisitor.get(visitor));
    }

    @Override
    public List<Visit> openVisits(Instant inBefore) {
        Objects.requireNonNull(inBefore, "inBefore");
        List<Visit> open = new ArrayList<>();
        for (Visit v : openByVisitor.values()) {
            if (v.in().isBefore(inBefore)) {
                open.add(v);
            }
        }
        return open;
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
