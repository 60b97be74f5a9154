package dev.lawang;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Departure;
import dev.lawang.capacity.InMemoryLedger;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.capacity.Role;
import dev.lawang.capacity.Stay;
import dev.lawang.code.CodeException;
import dev.lawang.code.SharedCode;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.InMemoryVisitLog;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in flow: decides check-ins and walk-ins, checks visitors out, expires stays, and reads occupancy.
 *
 * <p>A check-in runs its checks in this order, and the first that fails decides the refusal:
 * <ol>
 *   <li>the code: format, key, signature, validity window, revocation ({@link Verifier#verify(String, Instant)});</li>
 *   <li>the code's site is in the directory ({@link RefusalReason#UNKNOWN_SITE}) and the code covers the agency
 *       ({@link RefusalReason#AGENCY_NOT_COVERED});</li>
 *   <li>the health status against the {@link HealthRule};</li>
 *   <li>the phone's position against the site's geofence, under the {@link LocationRule};</li>
 *   <li>a repeat: the visitor's open visit at the same site for the same agency is returned as it is;</li>
 *   <li>capacity: the site's and the agency's people present and daily quotas, counted by the
 *       {@link OccupancyLedger} atomically.</li>
 * </ol>
 * A walk-in replaces the first four with: the site is in the directory, the agency works there, and the manual
 * screening passes the {@link ScreeningProtocol}. A refusal records nothing: the ledger and the visit log are as
 * they were, and a visit open elsewhere stays open. An admission elsewhere closes the visitor's open visit first.
 *
 * <p>Retention: {@link #expireStays()} also deletes the visits that ended more than {@link #retention()} ago.
 *
 * <p>Thread-safe. Operations on one visitor are serialised by a lock chosen by the visitor (one of 256), so the
 * ledger and the visit log always agree; different visitors proceed in parallel. Across several application
 * instances sharing a ledger and a visit log, the ledger's atomic admission keeps the counts right.
 */
public final class Gate {
    /** The default retention period of visits: 14 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final int LOCK_STRIPES = 256;

    private final Directory directory;
    private final Verifier verifier;
    private final OccupancyLedger ledger;
    private final VisitLog visits;
    private final Clock clock;
    private final LocationRule locationRule;
    private final HealthRule healthRule;
    private final ScreeningProtocol screeningProtocol;
    private final Duration retention;
    private final List<GateListener> listeners;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final long ticketPrefix;
    private final long ticketKey;
    private final AtomicLong ticketCounter = new AtomicLong();

    private Gate(Builder b, Directory directory, Verifier verifier) {
        this.directory = directory;
        this.verifier = verifier;
        this.clock = b.clock;
        this.ledger = b.ledger != null ? b.ledger
                : InMemoryLedger.of(withSiteZones(b.policy != null ? b.policy : CapacityPolicy.unlimited(), directory),
                        b.clock);
        this.visits = b.visitLog != null ? b.visitLog : new InMemoryVisitLog();
        this.locationRule = b.locationRule;
        this.healthRule = b.healthRule;
        this.screeningProtocol = b.screeningProtocol;
        this.retention = b.retention;
        this.listeners = List.copyOf(b.listeners);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        SecureRandom random = new SecureRandom();
        this.ticketPrefix = random.nextLong();
        this.ticketKey = random.nextLong();
    }

    /** The directory knows each site's time zone; the default ledger counts days in it. */
    private static CapacityPolicy withSiteZones(CapacityPolicy policy, Directory directory) {
        CapacityPolicy.Builder zoned = policy.toBuilder();
        boolean changed = false;
        for (Site site : directory.sites()) {
            if (!policy.zone(site.id()).equals(site.zone())) {
                zoned.zone(site.id(), site.zone());
                changed = true;
            }
        }
        return changed ? zoned.build() : policy;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides a check-in with a scanned code.
     *
     * @param request the check-in
     * @return {@link Decision.Admitted} with the ticket, or {@link Decision.Refused} with the first failed check
     */
    public Decision checkIn(CheckIn request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        SharedCode code;
        try {
            code = verifier.verify(request.code(), now);
        } catch (CodeException e) {
            RefusalReason reason = RefusalReason.of(e.reason());
            return refuse(reason, codeDetail(reason), null, request.agency(), request.role(), request.visitor(), now);
        }
        Optional<Site> found = directory.site(code.site());
        if (found.isEmpty()) {
            return refuse(RefusalReason.UNKNOWN_SITE, "the code's site " + code.site() + " is not in the directory",
                    code.site(), request.agency(), request.role(), request.visitor(), now);
        }
        Site site = found.get();
        if (!code.covers(request.agency())) {
            return refuse(RefusalReason.AGENCY_NOT_COVERED, "the code of site " + site.id()
                    + " does not cover agency " + request.agency(), site.id(), request.agency(), request.role(),
                    request.visitor(), now);
        }
        RefusalReason health = healthRule.check(request.status());
        if (health != null) {
            return refuse(health, health == RefusalReason.STATUS_REQUIRED
                    ? "a health status is required" : "the visitor's health status is refused here",
                    site.id(), request.agency(), request.role(), request.visitor(), now);
        }
        RefusalReason location = locationRule.check(request.fix(), site.geofence(), now);
        if (location != null) {
            return refuse(location, locationDetail(location, request, site), site.id(), request.agency(),
                    request.role(), request.visitor(), now);
        }
        return admit(site.id(), request.agency(), request.visitor(), request.role(), false, now);
    }

    /**
     * Decides a walk-in screened by hand, at a site without a code.
     *
     * @param request the walk-in
     * @return {@link Decision.Admitted} with the ticket, or {@link Decision.Refused} with the first failed check
     */
    public Decision walkIn(WalkIn request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        Optional<Site> found = directory.site(request.site());
        if (found.isEmpty()) {
            return refuse(RefusalReason.UNKNOWN_SITE, "site " + request.site() + " is not in the directory",
                    request.site(), request.agency(), request.role(), request.visitor(), now);
        }
        if (!found.get().hasTenant(request.agency())) {
            return refuse(RefusalReason.AGENCY_NOT_COVERED, "agency " + request.agency() + " does not work at site "
                    + request.site(), request.site(), request.agency(), request.role(), request.visitor(), now);
        }
        String failure = screeningProtocol.failure(request.screening());
        if (failure != null) {
            return refuse(RefusalReason.SCREENING_FAILED, "screening failed: " + failure, request.site(),
                    request.agency(), request.role(), request.visitor(), now);
        }
        return admit(request.site(), request.agency(), request.visitor(), request.role(), true, now);
    }

    private Decision admit(SiteId site, AgencyId agency, VisitorRef visitor, Role role, boolean walkIn,
            Instant now) {
        TicketId fresh = nextTicket();
        boolean announce = !listeners.isEmpty();
        List<GateEvent> events = new ArrayList<>(announce ? 2 : 0);
        Decision decision;
        synchronized (lockOf(visitor)) {
            Admission admission = ledger.admit(
                    new AdmitRequest(fresh.toUuid(), visitor.toText(), site, agency, role));
            if (admission instanceof Admission.Refused refused) {
                RefusalReason reason = RefusalReason.of(refused.reason());
                decision = new Decision.Refused(reason, capacityDetail(reason, refused));
                if (announce) {
                    events.add(new GateEvent.Refused(reason, capacityDetail(reason, refused), site, agency, role,
                            visitor, now));
                }
            } else {
                Admission.Admitted admitted = (Admission.Admitted) admission;
                Stay stay = admitted.stay();
                TicketId ticket = TicketId.of(stay.visitId());
                if (admitted.repeat()) {
                    if (announce) {
                        Visit open = visits.find(ticket).orElseGet(() -> Visit.open(ticket, visitor, stay.site(),
                                stay.agency(), stay.role(), stay.start()));
                        events.add(new GateEvent.Admitted(open, true, walkIn, now));
                    }
                } else {
                    closeOpenVisit(visitor, admitted.moved(), stay.start(), now, events);
                    Visit visit = Visit.open(ticket, visitor, site, agency, stay.role(), stay.start());
                    try {
                        visits.append(visit);
                    } catch (RuntimeException e) {
                        ledger.release(stay.visitId());
                        throw e;
                    }
                    if (announce) {
                        events.add(new GateEvent.Admitted(visit, false, walkIn, now));
                    }
                }
                decision = new Decision.Admitted(
                        new Ticket(ticket, stay.site(), stay.agency(), stay.role(), stay.start(), stay.due()),
                        admitted.repeat());
            }
        }
        if (decision instanceof Decision.Refused refused) {
            LOG.debug("refused at site {} for agency {}: {}", site, agency, refused.reason());
        } else {
            LOG.debug("admitted at site {} for agency {}", site, agency);
        }
        publish(events);
        return decision;
    }

    /** Closes the visit the visitor leaves by being admitted elsewhere; the caller holds the visitor's lock. */
    private void closeOpenVisit(VisitorRef visitor, @Nullable Departure moved, Instant admittedAt, Instant now,
            List<GateEvent> events) {
        Optional<Visit> open = visits.openVisitOf(visitor);
        if (open.isEmpty()) {
            return;
        }
        Visit previous = open.get();
        Instant end = moved != null && TicketId.of(moved.stay().visitId()).equals(previous.ticket())
                ? moved.end() : admittedAt;
        Optional<Visit> closed = visits.close(previous.ticket(), latest(end, previous.in()));
        if (closed.isPresent() && !listeners.isEmpty()) {
            events.add(new GateEvent.CheckedOut(closed.get(), true, now));
        }
    }

    /**
     * Checks a visitor out.
     *
     * @param ticket the ticket of the visit
     * @return the closed visit, or empty if no open visit has that ticket (unknown, already closed, or expired)
     */
    public Optional<Visit> checkOut(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Optional<Visit> found = visits.find(ticket);
        if (found.isEmpty() || !found.get().isOpen()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Visit> closed;
        synchronized (lockOf(found.get().visitor())) {
            Optional<Departure> departure = ledger.release(ticket.toUuid());
            Instant end = departure.map(Departure::end).orElse(now);
            closed = visits.close(ticket, latest(end, found.get().in()));
        }
        if (closed.isPresent()) {
            LOG.debug("checked out at site {}", closed.get().site());
            if (!listeners.isEmpty()) {
                publish(List.of(new GateEvent.CheckedOut(closed.get(), false, now)));
            }
        }
        return closed;
    }

    /**
     * Checks out every visitor whose stay ran out, and deletes the visits that ended more than the retention period
     * ago. Call it on a schedule, every minute for example.
     *
     * <p>An expired visit ends when its stay was due, not when this method noticed.
     *
     * @return how many stays expired
     */
    public int expireStays() {
        Instant now = clock.instant();
        List<Departure> departures = ledger.expire();
        List<GateEvent> events = new ArrayList<>();
        for (Departure departure : departures) {
            TicketId ticket = TicketId.of(departure.stay().visitId());
            Optional<Visit> open = visits.find(ticket);
            if (open.isPresent()) {
                synchronized (lockOf(open.get().visitor())) {
                    visits.close(ticket, latest(departure.stay().due(), open.get().in()))
                            .ifPresent(v -> events.add(new GateEvent.Expired(v, now)));
                }
            }
        }
        int purged = visits.purgeBefore(now.minus(retention));
        if (!departures.isEmpty() || purged > 0) {
            LOG.debug("expired {} stays, deleted {} visits older than the retention period", departures.size(),
                    purged);
        }
        publish(events);
        return departures.size();
    }

    /**
     * Reads the occupancy of a site, all agencies together.
     *
     * @param site the site
     * @return people present, the limit, admissions today and the quota
     * @throws IllegalArgumentException if the site is not in the directory
     */
    public Occupancy occupancy(SiteId site) {
        return ledger.read(known(site));
    }

    /**
     * Reads the occupancy of one agency at a site.
     *
     * @param site the site
     * @param agency the agency
     * @return people present for the agency, its limit, its admissions today and its quota
     * @throws IllegalArgumentException if the site is not in the directory
     */
    public Occupancy occupancy(SiteId site, AgencyId agency) {
        Objects.requireNonNull(agency, "agency");
        return ledger.read(known(site), agency);
    }

    /**
     * Returns the visit log, for contact tracing ({@link VisitLog#visitsOf}, {@link VisitLog#overlapping}).
     *
     * @return the visit log this gate writes
     */
    public VisitLog visitLog() {
        return visits;
    }

    /**
     * Returns the occupancy ledger, for example to change the capacity policy ({@link OccupancyLedger#policy(
     * CapacityPolicy)}).
     *
     * @return the ledger this gate counts with
     */
    public OccupancyLedger ledger() {
        return ledger;
    }

    /**
     * Returns how long visits are kept after they end.
     *
     * @return the retention period
     */
    public Duration retention() {
        return retention;
    }

    private SiteId known(SiteId site) {
        Objects.requireNonNull(site, "site");
        if (directory.site(site).isEmpty()) {
            throw new IllegalArgumentException("unknown site: " + site);
        }
        return site;
    }

    private Decision refuse(RefusalReason reason, String detail, @Nullable SiteId site, AgencyId agency, Role role,
            VisitorRef visitor, Instant now) {
        LOG.debug("refused at site {} for agency {}: {}", site == null ? "(unknown)" : site, agency, reason);
        if (!listeners.isEmpty()) {
            publish(List.of(new GateEvent.Refused(reason, detail, site, agency, role, visitor, now)));
        }
        return new Decision.Refused(reason, detail);
    }

    private void publish(List<GateEvent> events) {
        for (GateEvent event : events) {
            for (GateListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a gate listener ({}) failed on a {} event; the gate carries on",
                            listener.getClass().getName(), event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    private Object lockOf(VisitorRef visitor) {
        return locks[visitor.hashCode() & (LOCK_STRIPES - 1)];
    }

    private TicketId nextTicket() {
        return TicketId.of(ticketPrefix, mix(ticketCounter.incrementAndGet() ^ ticketKey));
    }

    /** MurmurHash3's 64-bit finaliser: a bijection, so distinct counters give distinct ticket ids. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String codeDetail(RefusalReason reason) {
        return switch (reason) {
            case MALFORMED -> "the scanned text is not a valid Lawang code";
            case UNSUPPORTED_VERSION -> "the code's format version is not supported";
            case UNKNOWN_KEY -> "the code is signed by a key that is not trusted";
            case BAD_SIGNATURE -> "the code's signature does not verify";
            case NOT_YET_VALID -> "the code is not valid yet";
            case EXPIRED -> "the code has expired";
            case REVOKED -> "the code has been revoked";
            default -> throw new IllegalArgumentException("not a code refusal: " + reason);
        };
    }

    private String locationDetail(RefusalReason reason, CheckIn request, Site site) {
        return switch (reason) {
            case LOCATION_REQUIRED -> "a position is required";
            case LOCATION_SUSPICIOUS -> "the position is flagged as mocked";
            case LOCATION_STALE -> "the position is older than " + locationRule.maxFixAge();
            case OUTSIDE_GEOFENCE -> "the position is " + Math.round(site.geofence().distanceTo(
                    Objects.requireNonNull(request.fix(), "fix").point())) + " m outside the site's geofence";
            case LOCATION_UNCERTAIN -> "the position is too imprecise to tell whether it is inside the site";
            default -> throw new IllegalArgumentException("not a location refusal: " + reason);
        };
    }

    private static String capacityDetail(RefusalReason reason, Admission.Refused refused) {
        return switch (reason) {
            case SITE_FULL -> "the site is full: " + refused.count() + " present, limit " + refused.limit();
            case AGENCY_FULL -> "the agency is full: " + refused.count() + " present, limit " + refused.limit();
            default -> "today's quota is reached: " + refused.count() + " admitted, quota " + refused.limit();
        };
    }

    /**
     * Builds a {@link Gate}. Only the directory and the verifier are required.
     *
     * <p>Defaults: no capacity limits ({@link CapacityPolicy#unlimited()}), an {@link InMemoryLedger} on the gate's
     * clock that counts days in each site's time zone from the directory, an {@link InMemoryVisitLog}, the system
     * clock in UTC, {@link LocationRule#requireInside()}, {@link HealthRule#ignore()},
     * {@link ScreeningProtocol#standard()}, a retention of {@link #DEFAULT_RETENTION}, no listeners. Give either a
     * policy or a ledger (a ledger holds its own policy and clock; give it the gate's clock), not both.
     *
     * <p>Not thread-safe; {@link #build()} copies the state, so a builder can build several gates.
     */
    public static final class Builder {
        private @Nullable Directory directory;
        private @Nullable Verifier verifier;
        private @Nullable CapacityPolicy policy;
        private @Nullable OccupancyLedger ledger;
        private @Nullable VisitLog visitLog;
        private Clock clock = Clock.systemUTC();
        private LocationRule locationRule = LocationRule.requireInside();
        private HealthRule healthRule = HealthRule.ignore();
        private ScreeningProtocol screeningProtocol = ScreeningProtocol.standard();
        private Duration retention = DEFAULT_RETENTION;
        private final List<GateListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the directory of sites and agencies.
         *
         * @param sites the directory
         * @return this builder
         */
        public Builder directory(Directory sites) {
            this.directory = Objects.requireNonNull(sites, "sites");
            return this;
        }

        /**
         * Sets the verifier of codes.
         *
         * @param codes the verifier
         * @return this builder
         */
        public Builder verifier(Verifier codes) {
            this.verifier = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /**
         * Sets the capacity policy of the default in-memory ledger.
         *
         * @param limits the policy
         * @return this builder
         */
        public Builder policy(CapacityPolicy limits) {
            this.policy = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the occupancy ledger, with its own policy, instead of the default in-memory one.
         *
         * @param counts the ledger
         * @return this builder
         */
        public Builder ledger(OccupancyLedger counts) {
            this.ledger = Objects.requireNonNull(counts, "counts");
            return this;
        }

        /**
         * Sets the visit log instead of the default in-memory one.
         *
         * @param log the visit log
         * @return this builder
         */
        public Builder visitLog(VisitLog log) {
            this.visitLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param time the clock
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets the location rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder locationRule(LocationRule rule) {
            this.locationRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets the health rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder healthRule(HealthRule rule) {
            this.healthRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets the protocol that walk-ins' manual screenings must pass.
         *
         * @param protocol the protocol
         * @return this builder
         */
        public Builder screeningProtocol(ScreeningProtocol protocol) {
            this.screeningProtocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Sets how long visits are kept after they end.
         *
         * @param period the retention period; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code period} is zero or negative
         */
        public Builder retention(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("retention must be positive: " + period);
            }
            this.retention = period;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(GateListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the gate.
         *
         * @return the gate
         * @throws IllegalStateException if the directory or the verifier is missing, or both a policy and a ledger
         *     were given
         */
        public Gate build() {
            Directory sites = directory;
            Verifier codes = verifier;
            if (sites == null || codes == null) {
                throw new IllegalStateException("a gate needs a directory and a verifier");
            }
            if (policy != null && ledger != null) {
                throw new IllegalStateException("give either a policy or a ledger: the ledger holds its own policy");
            }
            return new Gate(this, sites, codes);
        }
    }
}
