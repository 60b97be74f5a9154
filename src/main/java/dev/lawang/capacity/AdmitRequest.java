package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A request to admit a visitor to an agency at a site.
 *
 * <p>The caller chooses the ticket id, fresh for each new check-in, so that a retry of the same request (after a lost
 * reply from a shared ledger, say) is recognised and returns the same ticket instead of counting twice. The ledger
 * keeps at most one open stay per visitor. The zone is the site's time zone from the directory: it decides which
 * local calendar day the admission counts against; a ledger keeps no zones of its own.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the visitor out.
 *
 * @param ticket the caller-chosen id of the stay this request would open
 * @param visitor the visitor's pseudonym
 * @param site the site
 * @param zone the site's time zone, whose calendar days count daily quotas and date levels
 * @param agency the agency visited at the site
 * @param role whether the person checks in as staff or as a guest
 * @param channel how the person came in: the code scanned, or the desk's walk-in; the ledger keeps it on the ticket
 */
public record AdmitRequest(TicketId ticket, VisitorRef visitor, SiteId site, ZoneId zone, AgencyId agency,
        Role role, EntryChannel channel) {
    /**
     * Validates the request.
     *
     * @param ticket not null
     * @param visitor not null
     * @param site not null
     * @param zone not null
     * @param agency not null
     * @param role not null
     * @param channel not null
     */
    public AdmitRequest {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * Creates the request of a check-in with a printed code, the channel of every check-in before rotating codes.
     *
     * @param ticket not null
     * @param visitor not null
     * @param site not null
     * @param zone not null
     * @param agency not null
     * @param role not null
     */
    public AdmitRequest(TicketId ticket, VisitorRef visitor, SiteId site, ZoneId zone, AgencyId agency, Role role) {
        this(ticket, visitor, site, zone, agency, role, EntryChannel.PRINTED_CODE);
    }

    /**
     * Describes the request without the visitor.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AdmitRequest[ticket=" + ticket + ", site=" + site + ", zone=" + zone + ", agency=" + agency
                + ", role=" + role + ", channel=" + channel + "]";
    }
}
