package dev.lawang.visit;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.Objects;

/**
 * An open stay, as the occupancy ledger counts it and as the admitted visitor holds it: the ticket id to check out
 * with, where and as what the visitor was admitted, through which channel, since when, and when the stay runs out
 * (then the gate checks the visitor out by itself).
 *
 * <p>Instants come from the ledger's clock, truncated to microseconds (the precision of a PostgreSQL timestamp), so
 * every ledger reports the same values. Immutable and thread-safe.
 *
 * @param id the ticket id: also the id of the visit in the visit log
 * @param site the site
 * @param agency the agency visited at the site
 * @param role whether the visitor was admitted, and is counted, as staff or as a guest
 * @param channel how the visitor came in: the code scanned, or the desk's walk-in
 * @param in when the stay began
 * @param due when the stay runs out; not before {@code in}
 */
public record Ticket(TicketId id, SiteId site, AgencyId agency, Role role, EntryChannel channel, Instant in,
        Instant due) {
    /**
     * Validates the ticket.
     *
     * @param id not null
     * @param site not null
     * @param agency not null
     * @param role not null
     * @param channel not null
     * @param in not null
     * @param due not null, and not before {@code in}
     * @throws IllegalArgumentException if {@code due} is before {@code in}
     */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(in)) {
            throw new IllegalArgumentException("a ticket cannot be due (" + due + ") before it begins (" + in + ")");
        }
    }
}
