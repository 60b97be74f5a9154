package dev.lawang.capacity;

import dev.lawang.visit.Ticket;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A stay the ledger closed: the ticket, whose stay it was, when it ended and why.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the visitor out.
 *
 * @param ticket the stay as it was while open
 * @param visitor the visitor whose stay it was
 * @param end when it ended; never before {@code ticket.in()}, even if the clock moved backwards
 * @param cause why it ended
 */
public record Departure(Ticket ticket, VisitorRef visitor, Instant end, Cause cause) {
    /** Why a stay ended. */
    public enum Cause {
        /** Checked out: {@link OccupancyLedger#release(dev.lawang.visit.TicketId)}. */
        RELEASED,
        /** The stay ran out: {@link OccupancyLedger#expire()}. */
        EXPIRED,
        /** The visitor was admitted elsewhere, which closes the open stay in the same step. */
        MOVED
    }

    /**
     * Validates the departure.
     *
     * @param ticket not null
     * @param visitor not null
     * @param end not null, and not before {@code ticket.in()}
     * @param cause not null
     * @throws IllegalArgumentException if {@code end} is before the stay began
     */
    public Departure {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cause, "cause");
        if (end.isBefore(ticket.in())) {
            throw new IllegalArgumentException("a stay must not end before it begins: " + ticket.in() + ", " + end);
        }
    }

    /**
     * Describes the departure without the visitor.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "Departure[ticket=" + ticket + ", end=" + end + ", cause=" + cause + "]";
    }
}
