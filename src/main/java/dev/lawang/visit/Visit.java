package dev.lawang.visit;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One visit: who (a pseudonym), where (site and agency), as what (staff or guest), how it came in (the
 * {@link EntryChannel}), from when, and, once closed, until when.
 *
 * <p>A visit covers the half-open interval {@code [in, out)}; an open visit has no {@code out} yet and extends
 * indefinitely. Nothing else about the visitor is recorded: no name, no national id, no health status, no position.
 * {@link #toString()} leaves the visitor out.
 *
 * <p>Immutable and thread-safe.
 */
public final class Visit {
    private final TicketId ticket;
    private final VisitorRef visitor;
    private final SiteId site;
    private final AgencyId agency;
    private final Role role;
    private final EntryChannel channel;
    private final Instant in;
    private final @Nullable Instant out;

    private Visit(TicketId ticket, VisitorRef visitor, SiteId site, AgencyId agency, Role role,
            EntryChannel channel, Instant in, @Nullable Instant out) {
        this.ticket = ticket;
        this.visitor = visitor;
        this.site = site;
        this.agency = agency;
        this.role = role;
        this.channel = channel;
        this.in = in;
        this.out = out;
    }

    /**
     * Returns an open visit.
     *
     * @param ticket the ticket id
     * @param visitor the visitor's pseudonym
     * @param site the site visited
     * @param agency the agency visited at the site
     * @param role whether the visitor came as staff or as a guest
     * @param channel how the visit came in: the code scanned, or the desk's walk-in
     * @param in when the visit began
     * @return the open visit
     */
    public static Visit open(TicketId ticket, VisitorRef visitor, SiteId site, AgencyId agency, Role role,
            EntryChannel channel, Instant in) {
        return new Visit(Objects.requireNonNull(ticket, "ticket"), Objects.requireNonNull(visitor, "visitor"),
                Objects.requireNonNull(site, "site"), Objects.requireNonNull(agency, "agency"),
                Objects.requireNonNull(role, "role"), Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(in, "in"), null);
    }

    /**
     * Returns the open visit of an admitted stay: its ticket's id, site, agency, role, channel and start.
     *
     * @param ticket the stay's ticket
     * @param visitor the visitor's pseudonym
     * @return the open visit
     */
    public static Visit open(Ticket ticket, VisitorRef visitor) {
        Objects.requireNonNull(ticket, "ticket");
        return open(ticket.id(), visitor, ticket.site(), ticket.agency(), ticket.role(), ticket.channel(),
                ticket.in());
    }

    /**
     * Returns this visit closed at the given instant.
     *
     * @param out when the visit ended; not before {@link #in()}
     * @return the closed visit
     * @throws IllegalStateException if this visit is already closed
     * @throws IllegalArgumentException if {@code out} is before {@link #in()}
     */
    public Visit withOut(Instant out) {
        Objects.requireNonNull(out, "out");
        if (this.out != null) {
            throw new IllegalStateException("visit " + ticket + " is already closed");
        }
        if (out.isBefore(in)) {
            throw new IllegalArgumentException("visit " + ticket + " cannot end at " + out + ", before it began at "
                    + in);
        }
        return new Visit(ticket, visitor, site, agency, role, channel, in, out);
    }

    /**
     * Tells whether another visitor's visit overlapped this one at the same site, give or take a margin.
     *
     * <p>This visit's interval is widened by {@code margin} on both sides; the other visit overlaps if its own
     * interval intersects the widened one. Open visits extend indefinitely. A visit never overlaps itself, nor a
     * visit of the same visitor.
     *
     * @param other the other visit
     * @param margin how much to widen this visit on each side; not negative
     * @return whether {@code other} counts as a contact of this visit
     * @throws IllegalArgumentException if {@code margin} is negative
     */
    public boolean overlaps(Visit other, Duration margin) {
        Objects.requireNonNull(other, "other");
        checkMargin(margin);
        if (!site.equals(other.site) || visitor.equals(other.visitor) || ticket.equals(other.ticket)) {
            return false;
        }
        Instant from = in.minus(margin);
        boolean endsAfterFrom = other.out == null || other.out.isAfter(from);
        boolean beginsBeforeUntil = out == null || other.in.isBefore(out.plus(margin));
        return endsAfterFrom && beginsBeforeUntil;
    }

    static void checkMargin(Duration margin) {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
    }

    /**
     * Returns the ticket id.
     *
     * @return the ticket id
     */
    public TicketId ticket() {
        return ticket;
    }

    /**
     * Returns the visitor's pseudonym.
     *
     * @return the visitor
     */
    public VisitorRef visitor() {
        return visitor;
    }

    /**
     * Returns the site visited.
     *
     * @return the site
     */
    public SiteId site() {
        return site;
    }

    /**
     * Returns the agency visited.
     *
     * @return the agency
     */
    public AgencyId agency() {
        return agency;
    }

    /**
     * Returns whether the visitor came as staff or as a guest.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * Returns how the visit came in: through a printed or a rotating code, another system's registered poster (no
     * signature behind it), or a walk-in registered at the desk.
     *
     * @return the entry channel
     */
    public EntryChannel channel() {
        return channel;
    }

    /**
     * Returns when the visit began.
     *
     * @return the check-in instant
     */
    public Instant in() {
        return in;
    }

    /**
     * Returns when the visit ended, if it has.
     *
     * @return the check-out instant, or empty while the visit is open
     */
    public Optional<Instant> out() {
        return Optional.ofNullable(out);
    }

    /**
     * Tells whether the visit is still open.
     *
     * @return whether it has not ended
     */
    public boolean isOpen() {
        return out == null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Visit v && ticket.equals(v.ticket) && visitor.equals(v.visitor) && site.equals(v.site)
                && agency.equals(v.agency) && role == v.role && channel == v.channel && in.equals(v.in)
                && Objects.equals(out, v.out);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticket, visitor, site, agency, role, channel, in, out);
    }

    /**
     * Returns a description without the visitor.
     *
     * @return ticket, role, site, agency, channel and times
     */
    @Override
    public String toString() {
        return "Visit[" + ticket + " " + role + " at " + site + "/" + agency + " via " + channel + " " + in + " to "
                + (out == null ? "open" : out.toString()) + "]";
    }
}
