package dev.lawang;

import dev.lawang.capacity.Role;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.TicketId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an admitted visitor gets: the ticket id to check out with, where and as what they were admitted, since when,
 * and when the stay runs out (then the gate checks them out automatically).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the ticket id, also the visit's id in the visit log and the ledger
 * @param site the site
 * @param agency the agency visited
 * @param role whether admitted as staff or as a guest
 * @param in when the visit began
 * @param due when the stay runs out
 */
public record Ticket(TicketId id, SiteId site, AgencyId agency, Role role, Instant in, Instant due) {
    /**
     * Validates the ticket.
     *
     * @param id the record component of that name
     * @param site the record component of that name
     * @param agency the record component of that name
     * @param role the record component of that name
     * @param in the record component of that name
     * @param due the record component of that name
     * @throws IllegalArgumentException if {@code due} is before {@code in}
     */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(in)) {
            throw new IllegalArgumentException("a ticket cannot be due (" + due + ") before it begins (" + in + ")");
        }
    }
}
