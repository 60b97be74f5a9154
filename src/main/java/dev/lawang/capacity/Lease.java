package dev.lawang.capacity;

import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;

/**
 * An open stay inside {@link InMemoryLedger}. Kept small, because a ledger holds one per person present: the ticket
 * id as two longs rather than a {@link TicketId}, instants as epoch microseconds.
 *
 * <p>Mutable: {@code open} is guarded by the lock of {@link #site}; the other fields are final.
 */
final class Lease {
    final long idHigh;
    final long idLow;
    final VisitorRef visitor;
    final SiteState site;
    final AgencyState agency;
    final Role role;
    final EntryChannel channel;
    final long startMicros;
    final long dueMicros;
    boolean open;

    Lease(TicketId id, VisitorRef visitor, SiteState site, AgencyState agency, Role role, EntryChannel channel,
            long startMicros, long dueMicros) {
        this.idHigh = id.high();
        this.idLow = id.low();
        this.visitor = visitor;
        this.site = site;
        this.agency = agency;
        this.role = role;
        this.channel = channel;
        this.startMicros = startMicros;
        this.dueMicros = dueMicros;
    }

    boolean hasId(long high, long low) {
        return idHigh == high && idLow == low;
    }

    boolean sameVisitAs(AdmitRequest request) {
        return visitor.equals(request.visitor()) && site.id.equals(request.site())
                && agency.id.equals(request.agency()) && role == request.role();
    }

    TicketId id() {
        return TicketId.of(idHigh, idLow);
    }

    /** The ticket, with {@code id} equal to this lease's id: the caller's copy, which spares a new one. */
    Ticket toTicket(TicketId id) {
        return new Ticket(id, site.id, agency.id, role, channel, instant(startMicros), instant(dueMicros));
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static long micros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("clock instant out of range: " + instant, e);
        }
    }
}
