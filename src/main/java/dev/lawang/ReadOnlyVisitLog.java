package dev.lawang;

import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The visit log as {@link Gate#visitLog()} hands it out: reads pass through, writes are refused, because only the
 * gate may write, under the per-visitor lock that keeps the log and the ledger in agreement.
 */
final class ReadOnlyVisitLog implements VisitLog {
    private final VisitLog log;

    ReadOnlyVisitLog(VisitLog log) {
        this.log = log;
    }

    @Override
    public void append(Visit visit) {
        throw refused("append");
    }

    @Override
    public Optional<Visit> close(TicketId ticket, Instant out) {
        throw refused("close");
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        throw refused("purgeBefore");
    }

    @Override
    public Optional<Visit> find(TicketId ticket) {
        return log.find(ticket);
    }

    @Override
    public Optional<Visit> openVisitOf(VisitorRef visitor) {
        return log.openVisitOf(visitor);
    }

    @Override
    public List<Visit> openVisits(Instant inBefore) {
        return log.openVisits(inBefore);
    }

    @Override
    public List<Visit> visitsOf(VisitorRef visitor) {
        return log.visitsOf(visitor);
    }

    @Override
    public List<Visit> overlapping(Visit visit, Duration margin) {
        return log.overlapping(visit, margin);
    }

    private static UnsupportedOperationException refused(String operation) {
        return new UnsupportedOperationException("the gate's visit log is read-only: " + operation
                + " goes through Gate.checkIn, walkIn, checkOut or expireStays");
    }

    @Override
    public String toString() {
        return "ReadOnlyVisitLog[" + log + "]";
    }
}
