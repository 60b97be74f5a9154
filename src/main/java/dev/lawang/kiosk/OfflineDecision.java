package dev.lawang.kiosk;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decision a kiosk took offline, as its {@link Journal} keeps it: what was asked, when, for whom (by pseudonym
 * only), and the outcome. It holds nothing the visit log does not hold.
 *
 * <p>An admission and a check-out name their ticket and no refusal; a refusal names its reason and no ticket (it
 * recorded nothing, so there is no visit to name). A check-out is never refused: a check-out of a visit the kiosk
 * does not know is not a decision. An admitted check-in names the {@link Code} it was admitted under, which gives its
 * visit its way in; a refused one names it too when the code verified. Immutable and thread-safe.
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
 * @param code what the decision keeps of the shared code a check-in was decided under, so that the centre can tell a
 *     decision under a code it revoked meanwhile and give the visit its way in; {@code null} for a walk-in, a
 *     check-out, or a refused check-in whose code did not verify
 */
public record OfflineDecision(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor, Role role,
        @Nullable TicketId ticket, @Nullable RefusalReason refusal, boolean clockJumped, @Nullable Code code) {
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
     * What a check-in keeps of the verified code it was decided under: the code's id and issue time, for the
     * centre's revocations by id and by a site's cut-off ({@link dev.lawang.code.TrustList#isRevoked(CodeId, SiteId,
     * Instant)}), and how the code came (the visit's {@link EntryChannel}). The code's site is the decision's
     * {@link OfflineDecision#site()}: a check-in is decided at its code's site. Nothing of the visitor. Immutable
     * and thread-safe.
     *
     * @param id the code's id ({@link SharedCode#id()}): for a rotating code its grant's, for a registered foreign
     *     text its binding's
     * @param issuedAt the code's issue time ({@link SharedCode#issuedAt()}), whole seconds
     * @param channel how the code came: {@link EntryChannel#PRINTED_CODE}, {@link EntryChannel#ROTATING_CODE} or
     *     {@link EntryChannel#REGISTERED_FOREIGN_CODE}, as the gate records it for the same scan
     */
    public record Code(CodeId id, Instant issuedAt, EntryChannel channel) {
        /**
         * Validates the code's part of a decision.
         *
         * @param id not null
         * @param issuedAt not null, whole seconds
         * @param channel not null, one of a code's ways in ({@link EntryChannel#signed()}, or
         *     {@link EntryChannel#REGISTERED_FOREIGN_CODE})
         * @throws IllegalArgumentException if {@code issuedAt} has a fraction of a second or {@code channel} is
         *     {@link EntryChannel#WALK_IN} or {@link EntryChannel#LEASED}
         */
        public Code {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(channel, "channel");
            if (!issuedAt.truncatedTo(ChronoUnit.SECONDS).equals(issuedAt)) {
                throw new IllegalArgumentException("a code's issue time is whole seconds: " + issuedAt);
            }
            if (channel == EntryChannel.WALK_IN) {
                throw new IllegalArgumentException("a walk-in comes in without a code");
            }
            if (channel == EntryChannel.LEASED) {
                throw new IllegalArgumentException("a leased place is no way in under a code");
            }
        }

        /**
         * Returns what a check-in keeps of a verified code.
         *
         * @param code the code as verified ({@code Verification.Verified.code()})
         * @param channel the visit's way in for the channel it was verified on
         * @return the code's part of the decision
         */
        public static Code of(SharedCode code, EntryChannel channel) {
            Objects.requireNonNull(code, "code");
            return new Code(code.id(), code.issuedAt(), channel);
        }
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
     * @param code only for a {@link Kind#CHECK_IN}; not null for an admitted one
     * @throws IllegalArgumentException if both or neither of {@code ticket} and {@code refusal} are given, a
     *     check-out names a refusal, a decision other than a check-in names a code, or an admitted check-in names
     *     none
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
        if (code == null && kind == Kind.CHECK_IN && ticket != null) {
            throw new IllegalArgumentException("an admitted check-in names the code it was admitted under");
        }
    }

    /**
     * Returns a decision without a code: a walk-in, a check-out, or a refused check-in whose code did not verify.
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
     * @throws IllegalArgumentException as the canonical constructor, and for an admitted check-in
     */
    public OfflineDecision(Kind kind, Instant at, SiteId site, AgencyId agency, VisitorRef visitor, Role role,
            @Nullable TicketId ticket, @Nullable RefusalReason refusal, boolean clockJumped) {
        this(kind, at, site, agency, visitor, role, ticket, refusal, clockJumped, null);
    }

    /**
     * Returns a check-in admitted under a code.
     *
     * @param at when the kiosk decided
     * @param site the site, the code's
     * @param agency the agency
     * @param visitor the visitor's pseudonym
     * @param role the visitor's role
     * @param ticket the ticket of the visit admitted
     * @param code what the check-in keeps of the verified code
     * @param clockJumped whether the wall clock had jumped
     * @return the decision
     */
    public static OfflineDecision checkIn(Instant at, SiteId site, AgencyId agency, VisitorRef visitor, Role role,
            TicketId ticket, Code code, boolean clockJumped) {
        return new OfflineDecision(Kind.CHECK_IN, at, site, agency, visitor, role,
                Objects.requireNonNull(ticket, "ticket"), null, clockJumped, Objects.requireNonNull(code, "code"));
    }

    /**
     * Returns an admitted walk-in or a check-out of a visit; an admitted check-in names its code
     * ({@link #checkIn}).
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
     * @throws IllegalArgumentException if {@code kind} is {@link Kind#CHECK_IN}
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

    /**
     * The way in of the visit this decision admits or would have admitted: {@link EntryChannel#WALK_IN} for a
     * walk-in, the code's channel for a check-in under a code; null for a check-out, or a check-in whose code did
     * not verify.
     */
    @Nullable EntryChannel channel() {
        if (kind == Kind.WALK_IN) {
            return EntryChannel.WALK_IN;
        }
        return code == null ? null : code.channel();
    }
}
