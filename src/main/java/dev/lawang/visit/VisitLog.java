package dev.lawang.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of visits: an SPI that the check-in flow writes and contact tracing reads.
 *
 * <p>A visitor has at most one open visit in a log. Visits are kept until {@link #purgeBefore(Instant)} removes them;
 * the gate calls it to enforce its retention period, so an implementation need not expire anything by itself.
 * {@link #inMemory()} is the default; a PostgreSQL implementation lets several application instances share one log. Every implementation must pass the contract test suite {@code VisitLogContract} and be thread-safe. No method
 * may put a visitor's pseudonym into an exception message or a log line.
 */
public interface VisitLog {
    /**
     * Returns a new, empty visit log in the memory of this process, the default of a gate.
     *
     * <p>Appending and closing take constant time; {@link #visitsOf}, {@link #overlapping} and {@link #purgeBefore}
     * scan every visit kept, which suits the rare contact-tracing query and a periodic purge. Visits live only as long
     * as the process. Thread-safe without locks of its own.
     *
     * @return the log
     */
    static VisitLog inMemory() {
        return new InMemoryVisitLog();
    }

    /**
     * Records a new open visit.
     *
     * @param visit the visit; open
     * @throws IllegalArgumentException if the visit is already closed
     * @throws IllegalStateException if the log already has a visit with this ticket, or an open visit of this
     *     visitor; nothing is recorded then
     */
    void append(Visit visit);

    /**
     * Closes an open visit.
     *
     * @param ticket the visit's ticket
     * @param out when it ended; not before the visit began
     * @return the closed visit, or empty if there is no visit with this ticket or it was already closed (nothing
     *     changes then)
     * @throws IllegalArgumentException if {@code out} is before the visit began; nothing changes then
     */
    Optional<Visit> close(TicketId ticket, Instant out);

    /**
     * Finds a visit by ticket, open or closed.
     *
     * @param ticket the ticket
     * @return the visit, or empty if there is none (never recorded, or purged)
     */
    Optional<Visit> find(TicketId ticket);

    /**
     * Finds a visitor's open visit.
     *
     * @param visitor the visitor
     * @return the open visit, or empty if the visitor has none
     */
    Optional<Visit> openVisitOf(VisitorRef visitor);

    /**
     * Returns the open visits that began before an instant, for the recovery of a gate whose ledger lives apart from
     * the log.
     *
     * @param inBefore only visits with {@code in} strictly before this instant
     * @return the open visits, in no particular order
     */
    List<Visit> openVisits(Instant inBefore);

    /**
     * Returns a visitor's visits still in the log, the first contact-tracing step.
     *
     * @param visitor the visitor
     * @return the visits, earliest first (by {@link Visit#in()}, then ticket)
     */
    List<Visit> visitsOf(VisitorRef visitor);

    /**
     * Returns the other visitors' visits that overlapped a visit at the same site, as {@link Visit#overlaps(Visit,
     * Duration)} defines it.
     *
     * @param visit the visit of the person whose contacts are sought
     * @param margin how much to widen that visit on each side; not negative
     * @return the overlapping visits, earliest first (by {@link Visit#in()}, then ticket)
     * @throws IllegalArgumentException if {@code margin} is negative
     */
    List<Visit> overlapping(Visit visit, Duration margin);

    /**
     * Removes every closed visit that ended before a cutoff. Open visits are kept.
     *
     * @param cutoff visits whose {@code out} is strictly before this instant are removed
     * @return how many visits were removed
     */
    int purgeBefore(Instant cutoff);
}
