package dev.lawang.kiosk;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decision a kiosk took offline, as its {@link Journal} keeps it: what was asked, when, for whom (by pseudonym
 * only), and the outcome. It holds nothing the visit log does not hold.
 *
 * <p>An admission and a check-out name their ticket and no refusal; a refusal names its reason and no ticket (it
 * recorded nothing, so there is no visit to name). A check-out is never refused: a check-out of a visit the kiosk
 * does not know is not a decision. Immutable and thread-safe.
 *
 * @param kind what was asked
 * @param at when the kiosk decided, by its wall clock
 * @param site the site of the visit
 * @param agency the agency visited
 * @param visitor the visitor's pseudonym
 * @param role whether the visitor came as staff or as a guest
 * @param ticket the ticket of the visit admitted or closed; {@code null} for a refusal
 * @param refusal why the visitor was refused; {@code null} for an admission or a check-out
 * @param clockJumped whether the kiosk's wall clock had jumped against its monotonic clock when it decided, so that
 *     {@code at} may be wrong
 * @param code the id of the shared code a check-in was decided under, so that the centre can tell a decision under a
 *     code it revoked meanwhile; {@code null} for a walk-in, a check-out, or a check-in whose code did not verify
 */
public record OfflineDecision(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor, Role role,
        @Nullable TicketId ticket, @Nullable RefusalReason refusal, boolean clockJumped, @Nullable CodeId code) {
    /** What the kiosk was asked to decide. */
    public enum Kind {
        /** A check-in with a site's shared code. */
        CHECK_IN,
        /** A walk-in registered at the desk, without a code. */
        WALK_IN,
        /** A check-out, which closes a visit. */
        CHECK_OUT
    }

    /**
     * Validates the decision.
     *
     * @param kind not null
     * @param at not null
     * @param site not null
     * @param agency not null
     * @param visitor not null
     * @param role not null
     * @param ticket not null exactly when {@code refusal} is null
     * @param refusal null for a {@link Kind#CHECK_OUT}, and exactly when {@code ticket} is not null
     * @param clockJumped whether the wall clock had jumped
     * @param code only for a {@link Kind#CHECK_IN}, or null
     * @throws IllegalArgumentException if both or neither of {@code ticket} and {@code refusal} are given, a
     *     check-out names a refusal, or a decision other than a check-in names a code
     */
    public OfflineDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(role, "role");
        if ((ticket == null) == (refusal == null)) {
            throw new IllegalArgumentException("a decision names either a ticket (admitted, checked out) or a refusal"
                    + " reason, not " + (ticket == null ? "neither" : "both"));
        }
        if (kind == Kind.CHECK_OUT && refusal != null) {
            throw new IllegalArgumentException("a check-out is never refused: " + refusal);
        }
        if (code != null && kind != Kind.CHECK_IN) {
            throw new IllegalArgumentException("only a check-in is decided under a code: " + kind);
        }
    }

    /**
     * Returns a decision without a code.
     *
     * @param kind not null
     * @param at not null
     * @param site not null
     * @param agency not null
     * @param visitor not null
     * @param role not null
     * @param ticket not null exactly when {@code refusal} is null
     * @param refusal null for a {@link Kind#CHECK_OUT}, and exactly when {@code ticket} is not null
     * @param clockJumped whether the wall clock had jumped
     */
    public OfflineDecision(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor, Role role,
            @Nullable TicketId ticket, @Nullable RefusalReason refusal, boolean clockJumped) {
        this(kind, at, site, agency, visitor, role, ticket, refusal, clockJumped, null);
    }

    /**
     * Returns this check-in as decided under a code.
     *
     * @param code the verified code's id
     * @return the same decision naming the code
     * @throws IllegalArgumentException if this is not a check-in
     */
    public OfflineDecision under(CodeId code) {
        return new OfflineDecision(kind, at, site, agency, visitor, role, ticket, refusal, clockJumped,
                Objects.requireNonNull(code, "code"));
    }

    /**
     * Returns an admission or a check-out of a visit.
     *
     * @param kind what was asked
     * @param at when the kiosk decided
     * @param site the site
     * @param agency the agency
     * @param visitor the visitor's pseudonym
     * @param role the visitor's role
     * @param ticket the ticket of the visit admitted or closed
     * @param clockJumped whether the wall clock had jumped
     * @return the decision
     */
    public static OfflineDecision of(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor,
            Role role, TicketId ticket, boolean clockJumped) {
        return new OfflineDecision(kind, at, site, agency, visitor, role, Objects.requireNonNull(ticket, "ticket"),
                null, clockJumped);
    }

    /**
     * Returns a refused check-in or walk-in.
     *
     * @param kind {@link Kind#CHECK_IN} or {@link Kind#WALK_IN}
     * @param at when the kiosk decided
     * @param site the site
     * @param agency the agency
     * @param visitor the visitor's pseudonym
     * @param role the visitor's role
     * @param refusal why
     * @param clockJumped whether the wall clock had jumped
     * @return the decision
     * @throws IllegalArgumentException if {@code kind} is {@link Kind#CHECK_OUT}
     */
    public static OfflineDecision refused(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor,
            Role role, RefusalReason refusal, boolean clockJumped) {
        return new OfflineDecision(kind, at, site, agency, visitor, role, null,
                Objects.requireNonNull(refusal, "refusal"), clockJumped);
    }

    /**
     * Tells whether the visitor was refused.
     *
     * @return whether {@link #refusal()} is not null
     */
    public boolean isRefused() {
        return refusal != null;
    }
}
