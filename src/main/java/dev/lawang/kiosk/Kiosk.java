package dev.lawang.kiosk;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.HealthRule;
import dev.lawang.LocationRule;
import dev.lawang.RefusalReason;
import dev.lawang.ScreeningProtocol;
import dev.lawang.WalkIn;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.SharedCode;
import dev.lawang.code.Verification;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A kiosk deciding check-ins, walk-ins and check-outs offline, against its leases, with the gate's rules in the gate's order
 * (docs/check-in.md): the site is in the directory, the agency works there, the screening passes, a repeat is
 * admitted with its ticket, and capacity comes last: people present under the lease, then admissions under it.
 * A lease's places bound both: at most {@link Lease#places()} people present at once, and, where the policy has a
 * daily quota for the site or the agency that counts the visitor's role, at most that many admissions.
 *
 * <p>Every decision is in the {@link Journal} before it is returned. The kiosk rebuilds its counts from the journal's
 * recovered records when it is built, so a restart after a power cut admits no more than the lease allows.
 *
 * <p>The kiosk refuses to decide ({@link OfflineAnswer.Undecided}) without a lease for the site and agency, once the
 * lease has expired, and once its trust data is older than {@link Builder#maxTrustAge}. It flags a decision
 * ({@link OfflineDecision#clockJumped()}) when its wall clock has moved against the monotonic clock
 * ({@code System.nanoTime}) by more than {@link Builder#clockTolerance} since the kiosk was built.
 *
 * <p>A stay counts as present under its lease until it is checked out; the kiosk does not expire stays offline (the
 * central gate does, after sync). Check-ins with a shared code need a {@link Builder#verifier}.
 *
 * <p>Thread-safe. Desks deciding at once share the journal's flushes: each decision is checked and counted under
 * the kiosk's lock, and written outside it; a place is counted before its record is written, so no other desk can
 * take it meanwhile, and a failed write gives it back. A repeat or a check-out of a visit whose record is still
 * being written waits for it, so no answer rests on a record that is not on disk.
 */
public final class Kiosk {
    private final Directory directory;
    private final CapacityPolicy policy;
    private final Journal journal;
    private final Map<String, Held> leases = new HashMap<>();
    private final Map<TicketId, Ticket> open = new HashMap<>();
    private final Map<VisitorRef, TicketId> openByVisitor = new HashMap<>();
    private final Map<TicketId, VisitorRef> visitorOf = new HashMap<>();
    private final Set<TicketId> writing = new HashSet<>();
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Instant trustedAsOf;
    private final Duration maxTrustAge;
    private final long toleranceNanos;
    private final ScreeningProtocol screeningProtocol;
    private final @Nullable Verifier verifier;
    private final LocationRule locationRule;
    private final HealthRule healthRule;
    private final long offsetNanos;

    /** A lease and what the kiosk has used of it. */
    private static final class Held {
        final Lease lease;
        int admitted;
        int present;

        Held(Lease lease) {
            this.lease = lease;
        }
    }

    private Kiosk(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.journal = Objects.requireNonNull(b.journal, "journal");
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
        this.trustedAsOf = Objects.requireNonNull(b.trustedAsOf, "trustedAsOf");
        this.maxTrustAge = b.maxTrustAge;
        this.toleranceNanos = b.clockTolerance.toNanos();
        this.screeningProtocol = b.screeningProtocol;
        this.verifier = b.verifier;
        this.locationRule = b.locationRule;
        this.healthRule = b.healthRule;
        for (Lease lease : b.leases) {
            leases.put(key(lease.site(), lease.agency()), new Held(lease));
        }
        this.offsetNanos = OfflineRules.wallNanos(clock.instant()) - nanoTime.getAsLong();
        Instant now = clock.instant();
        for (Journal.Entry e : journal.recovered()) {
            replay(e.decision(), now);
        }
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static String key(SiteId site, AgencyId agency) {
        return site.value() + "/" + agency.value();
    }

    /** Counts a recovered decision: admissions under a lease since it was taken, stays not yet due as present. */
    private void replay(OfflineDecision d, Instant now) {
        if (d.isRefused()) {
            return;
        }
        TicketId ticket = Objects.requireNonNull(d.ticket());
        if (d.kind() == OfflineDecision.Kind.CHECK_OUT) {
            close(ticket);
            return;
        }
        Held held = leases.get(key(d.site(), d.agency()));
        if (held != null && !d.at().isBefore(held.lease.taken())) {
            held.admitted++;
        }
        Instant due = d.at().plus(policy.defaultStay());
        if (due.isAfter(now)) {
            openStay(new Ticket(ticket, d.site(), d.agency(), d.role(), Objects.requireNonNull(d.channel()), d.at(),
                    due), d.visitor());
        }
    }

    private void openStay(Ticket ticket, VisitorRef visitor) {
        open.put(ticket.id(), ticket);
        openByVisitor.put(visitor, ticket.id());
        visitorOf.put(ticket.id(), visitor);
        Held held = leases.get(key(ticket.site(), ticket.agency()));
        if (held != null) {
            held.present++;
        }
    }

    private @Nullable Ticket close(TicketId id) {
        Ticket ticket = open.remove(id);
        if (ticket == null) {
            return null;
        }
        VisitorRef visitor = visitorOf.remove(id);
        if (visitor != null) {
            openByVisitor.remove(visitor, id);
        }
        Held held = leases.get(key(ticket.site(), ticket.agency()));
        if (held != null && held.present > 0) {
            held.present--;
        }
        return ticket;
    }

    /**
     * Decides a walk-in offline, as {@code Gate.walkIn} would against the lease, and journals the decision.
     *
     * @param request the walk-in
     * @return the decision once it is on disk, or why the kiosk may not decide
     * @throws IOException if the journal could not write the decision; nothing is decided or counted then
     */
    public OfflineAnswer walkIn(WalkIn request) throws IOException {
        Objects.requireNonNull(request, "request");
        return decide(OfflineDecision.Kind.WALK_IN, request.site(), request.agency(), request.visitor(),
                request.role(), null, OfflineRules.walkIn(directory, screeningProtocol, request));
    }

    /**
     * Decides a check-in with a shared code offline, as {@code Gate.checkIn} would against the lease, and journals
     * the decision: the code is verified with the kiosk's {@link Builder#verifier} (signature, validity, the
     * revocations it knows), then the site is in the directory, takes the code's channel, the code covers the
     * agency, the health and location rules pass, and capacity comes last, against the lease for the code's site and
     * the agency. A code that does not verify is journaled as a refusal at the site of the agency's lease. The
     * journaled check-in keeps the code's id and issue time, for the centre's revocations, and the visit's way in,
     * as the gate records it for the same scan ({@link OfflineDecision.Code}).
     *
     * @param request the check-in
     * @return the decision once it is on disk, or why the kiosk may not decide
     * @throws IOException if the journal could not write the decision; nothing is decided or counted then
     * @throws IllegalStateException if the kiosk was built without a verifier
     */
    public OfflineAnswer checkIn(CheckIn request) throws IOException {
        Objects.requireNonNull(request, "request");
        Verifier codes = verifier;
        if (codes == null) {
            throw new IllegalStateException("this kiosk has no verifier: Builder.verifier decides check-ins");
        }
        Instant now = clock.instant();
        if (trustTooOld(now)) {
            return new OfflineAnswer.Undecided(OfflineAnswer.Reason.TRUST_DATA_TOO_OLD);
        }
        Verification verification = codes.check(request.code(), now);
        if (verification instanceof Verification.Rejected rejected) {
            SiteId site = leasedSiteOf(request.agency());
            if (site == null) {
                return new OfflineAnswer.Undecided(OfflineAnswer.Reason.NO_LEASE);
            }
            return decide(OfflineDecision.Kind.CHECK_IN, site, request.agency(), request.visitor(), request.role(),
                    null, RefusalReason.of(rejected.reason()));
        }
        Verification.Verified verified = (Verification.Verified) verification;
        SharedCode code = verified.code();
        return decide(OfflineDecision.Kind.CHECK_IN, code.site(), request.agency(), request.visitor(),
                request.role(), OfflineDecision.Code.of(code, CheckIn.entryChannel(verified.channel())),
                OfflineRules.checkIn(directory, healthRule, locationRule, code, verified.channel(), request, now));
    }

    /** The site of a lease for the agency, the first by site id if there are several; null without one. */
    private synchronized @Nullable SiteId leasedSiteOf(AgencyId agency) {
        SiteId site = null;
        for (Held held : leases.values()) {
            if (held.lease.agency().equals(agency) && (site == null || held.lease.site().compareTo(site) < 0)) {
                site = held.lease.site();
            }
        }
        return site;
    }

    /**
     * Decides an admission after its checks before capacity (a refusal, or null): journaled, then answered. A
     * check-in's code is null only when it did not verify, and then {@code checked} says so.
     */
    private OfflineAnswer decide(OfflineDecision.Kind kind, SiteId site, AgencyId agency, VisitorRef visitor,
            Role role, OfflineDecision.@Nullable Code code, @Nullable RefusalReason checked) throws IOException {
        OfflineDecision moved = null;
        OfflineDecision d;
        Ticket ticket;
        Ticket earlierTicket;
        boolean jumped;
        synchronized (this) {
            Instant now = clock.instant();
            OfflineAnswer.Reason undecided = undecided(site, agency, now);
            if (undecided != null) {
                return new OfflineAnswer.Undecided(undecided);
            }
            jumped = clockJumped(now);
            RefusalReason refusal = checked;
            earlierTicket = null;
            if (refusal == null) {
                earlierTicket = earlierVisit(visitor);
                if (earlierTicket != null && earlierTicket.site().equals(site)
                        && earlierTicket.agency().equals(agency)) {
                    return new OfflineAnswer.Decided(new Decision.Admitted(earlierTicket, true), jumped);
                }
                refusal = capacity(Objects.requireNonNull(leases.get(key(site, agency))), site, agency, role);
            }
            if (refusal != null) {
                d = new OfflineDecision(kind, now, site, agency, visitor, role, null, refusal, jumped, code);
                ticket = null;
            } else {
                if (earlierTicket != null) {
                    moved = OfflineDecision.of(OfflineDecision.Kind.CHECK_OUT, now, earlierTicket.site(),
                            earlierTicket.agency(), visitor, earlierTicket.role(), earlierTicket.id(), jumped);
                    close(earlierTicket.id());
                }
                ticket = new Ticket(TicketId.random(), site, agency, role,
                        code == null ? EntryChannel.WALK_IN : code.channel(), now, now.plus(policy.defaultStay()));
                d = new OfflineDecision(kind, now, site, agency, visitor, role, ticket.id(), null, jumped, code);
                // Counted now: no other desk takes the place while the record is written; a repeat waits for it.
                Objects.requireNonNull(leases.get(key(site, agency))).admitted++;
                openStay(ticket, visitor);
                writing.add(ticket.id());
            }
        }
        if (ticket == null) {
            journal.append(d);
            return new OfflineAnswer.Decided(new Decision.Refused(Objects.requireNonNull(d.refusal()),
                    Objects.requireNonNull(d.refusal()).sentence()), jumped);
        }
        boolean written = false;
        try {
            if (moved != null) {
                journal.append(moved);
            }
            journal.append(d);
            written = true;
        } finally {
            synchronized (this) {
                writing.remove(ticket.id());
                if (!written) {
                    close(ticket.id());
                    Objects.requireNonNull(leases.get(key(site, agency))).admitted--;
                    if (moved != null && earlierTicket != null) {
                        openStay(earlierTicket, visitor);
                    }
                }
                notifyAll();
            }
        }
        return new OfflineAnswer.Decided(new Decision.Admitted(ticket, false), jumped);
    }

    /** The visitor's open visit at this kiosk, once its record is on disk. Holds the lock. */
    private @Nullable Ticket earlierVisit(VisitorRef visitor) {
        while (true) {
            TicketId earlier = openByVisitor.get(visitor);
            if (earlier == null || !writing.contains(earlier)) {
                return earlier == null ? null : open.get(earlier);
            }
            awaitWrite();
        }
    }

    @SuppressWarnings("WaitNotInLoop") // both callers loop
    private void awaitWrite() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a desk's record was being written", e);
        }
    }

    /**
     * Checks a visit out offline and journals it; a visit the kiosk does not know is not a decision.
     *
     * @param ticket the visit's ticket
     * @return the journaled check-out, or empty if the kiosk has no open visit under that ticket
     * @throws IOException if the journal could not write the check-out; the visit stays open then
     */
    public Optional<OfflineDecision> checkOut(TicketId ticket) throws IOException {
        Objects.requireNonNull(ticket, "ticket");
        OfflineDecision d;
        Ticket stay;
        VisitorRef visitor;
        synchronized (this) {
            while (writing.contains(ticket)) {
                awaitWrite();
            }
            stay = open.get(ticket);
            visitor = visitorOf.get(ticket);
            if (stay == null || visitor == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            d = OfflineDecision.of(OfflineDecision.Kind.CHECK_OUT, now, stay.site(), stay.agency(), visitor,
                    stay.role(), ticket, clockJumped(now));
            close(ticket);
        }
        boolean written = false;
        try {
            journal.append(d);
            written = true;
        } finally {
            if (!written) {
                synchronized (this) {
                    openStay(stay, visitor);
                }
            }
        }
        return Optional.of(d);
    }

    private boolean trustTooOld(Instant now) {
        return Duration.between(trustedAsOf, now).compareTo(maxTrustAge) > 0;
    }

    private OfflineAnswer.@Nullable Reason undecided(SiteId site, AgencyId agency, Instant now) {
        if (trustTooOld(now)) {
            return OfflineAnswer.Reason.TRUST_DATA_TOO_OLD;
        }
        Held held = leases.get(key(site, agency));
        if (held == null) {
            return OfflineAnswer.Reason.NO_LEASE;
        }
        if (!now.isBefore(held.lease.expires())) {
            return OfflineAnswer.Reason.LEASE_EXPIRED;
        }
        return null;
    }

    private boolean clockJumped(Instant now) {
        long drift = OfflineRules.wallNanos(now) - nanoTime.getAsLong() - offsetNanos;
        return Math.abs(drift) > toleranceNanos;
    }

    /** The gate's order: site present, agency present, then the daily quotas, each against the lease's places. */
    private @Nullable RefusalReason capacity(Held held, SiteId site, AgencyId agency, Role role) {
        int places = held.lease.places();
        boolean sitePresent = OfflineRules.counts(policy.maxPresent(site), role);
        if ((sitePresent || OfflineRules.counts(policy.maxPresent(site, agency), role)) && held.present >= places) {
            return sitePresent ? RefusalReason.SITE_FULL : RefusalReason.AGENCY_FULL;
        }
        boolean quota = OfflineRules.counts(policy.dailyQuota(site), role)
                || OfflineRules.counts(policy.dailyQuota(site, agency), role);
        if (quota && held.admitted >= places) {
            return RefusalReason.DAILY_QUOTA_REACHED;
        }
        return null;
    }

    /** Builds a kiosk; reusable. */
    public static final class Builder {
        private @Nullable Directory directory;
        private @Nullable CapacityPolicy policy;
        private @Nullable Journal journal;
        private List<Lease> leases = List.of();
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private @Nullable Instant trustedAsOf;
        private Duration maxTrustAge = Duration.ofHours(24);
        private Duration clockTolerance = Duration.ofSeconds(2);
        private ScreeningProtocol screeningProtocol = ScreeningProtocol.standard();
        private @Nullable Verifier verifier;
        private LocationRule locationRule = LocationRule.requireInside();
        private HealthRule healthRule = HealthRule.ignore();

        private Builder() {
        }

        /**
         * Sets the verifier of shared codes, over the trust data as of {@link #trustedAsOf}. Required for
         * {@link Kiosk#checkIn}.
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(Verifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets the location rule for check-ins, as the central gate's. Default: {@link LocationRule#requireInside()}.
         *
         * @param locationRule the rule
         * @return this builder
         */
        public Builder locationRule(LocationRule locationRule) {
            this.locationRule = Objects.requireNonNull(locationRule, "locationRule");
            return this;
        }

        /**
         * Sets the health rule for check-ins, as the central gate's. Default: {@link HealthRule#ignore()}.
         *
         * @param healthRule the rule
         * @return this builder
         */
        public Builder healthRule(HealthRule healthRule) {
            this.healthRule = Objects.requireNonNull(healthRule, "healthRule");
            return this;
        }

        /**
         * Sets the directory, as of the kiosk's last sync. Required.
         *
         * @param directory the sites and agencies
         * @return this builder
         */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Sets the capacity policy, which says which limits count which roles. Required.
         *
         * @param policy the central gate's policy
         * @return this builder
         */
        public Builder policy(CapacityPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the journal, whose recovered records the kiosk counts against its leases. Required.
         *
         * @param journal the open journal
         * @return this builder
         */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Sets the leases, at most one per site and agency.
         *
         * @param leases the leases taken before going offline
         * @return this builder
         * @throws IllegalArgumentException if two leases are for the same site and agency
         */
        public Builder leases(Lease... leases) {
            List<Lease> list = List.of(leases);
            if (list.stream().map(l -> key(l.site(), l.agency())).distinct().count() != list.size()) {
                throw new IllegalArgumentException("two leases for the same site and agency: " + list);
            }
            this.leases = list;
            return this;
        }

        /**
         * Sets the wall clock. Default: {@link Clock#systemUTC()}.
         *
         * @param clock the wall clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Sets when the kiosk's trust data (keys, revocations) was last brought up to date. Required.
         *
         * @param trustedAsOf the instant of the last update
         * @return this builder
         */
        public Builder trustedAsOf(Instant trustedAsOf) {
            this.trustedAsOf = Objects.requireNonNull(trustedAsOf, "trustedAsOf");
            return this;
        }

        /**
         * Sets how old the trust data may be for the kiosk to decide offline. Default: 24 hours.
         *
         * @param maxTrustAge positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxTrustAge} is not positive
         */
        public Builder maxTrustAge(Duration maxTrustAge) {
            Objects.requireNonNull(maxTrustAge, "maxTrustAge");
            if (maxTrustAge.isNegative() || maxTrustAge.isZero()) {
                throw new IllegalArgumentException("maxTrustAge must be positive: " + maxTrustAge);
            }
            this.maxTrustAge = maxTrustAge;
            return this;
        }

        /**
         * Sets how far the wall clock may move against the monotonic clock before decisions are flagged. Default:
         * 2 seconds.
         *
         * @param clockTolerance not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code clockTolerance} is negative
         */
        public Builder clockTolerance(Duration clockTolerance) {
            Objects.requireNonNull(clockTolerance, "clockTolerance");
            if (clockTolerance.isNegative()) {
                throw new IllegalArgumentException("clockTolerance must not be negative: " + clockTolerance);
            }
            this.clockTolerance = clockTolerance;
            return this;
        }

        /**
         * Sets the screening protocol for walk-ins. Default: {@link ScreeningProtocol#standard()}.
         *
         * @param screeningProtocol the protocol
         * @return this builder
         */
        public Builder screeningProtocol(ScreeningProtocol screeningProtocol) {
            this.screeningProtocol = Objects.requireNonNull(screeningProtocol, "screeningProtocol");
            return this;
        }

        /**
         * Builds the kiosk and counts the journal's recovered records against its leases.
         *
         * @return the kiosk
         * @throws NullPointerException if the directory, policy, journal or trust instant is not set
         */
        public Kiosk build() {
            return new Kiosk(this);
        }
    }
}
