package dev.lawang;

import dev.lawang.booking.BookingDesk;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.Outcome;
import dev.lawang.booking.ServiceId;
import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.SharedCode;
import dev.lawang.code.Verification;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in flow: decides check-ins and walk-ins, checks visitors out, expires stays, and reads occupancy.
 *
 * <p>A check-in runs its checks in this order, and the first that fails decides the refusal:
 * <ol>
 *   <li>the code: format, key, signature, validity window, revocation ({@link Verifier#check(String, Instant)},
 *       which builds no exception for a refused code);</li>
 *   <li>the code's site is in the directory ({@link RefusalReason#UNKNOWN_SITE}), a site that requires rotating
 *       codes got one ({@link RefusalReason#ROTATING_CODE_REQUIRED}), and the code covers the agency
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
 * <p>Time zones: a site's local day (daily quotas, levels) is the calendar day in the site's zone from the directory,
 * {@link Site#zone()}; the gate names that zone to the ledger on every admission and read, so no ledger can count a
 * site's day in another zone.
 *
 * <p>Stays and visits: a ledger that keeps the visit log itself ({@link OccupancyLedger#visitLog()}, such as
 * {@code JdbcLedger.of}) writes both in one atomic step per check-in, check-out and expiry, so a crash at any moment
 * leaves them in agreement. Otherwise the gate writes the ledger, then the log, under a lock chosen by the visitor
 * (one of 256), so within the process they agree, and {@link #recover()} settles what a crash between the two writes
 * left behind.
 *
 * <p>Thread-safe: different visitors proceed in parallel. Across several application instances sharing a ledger and
 * a visit log, the ledger's atomic admission keeps the counts right.
 */
public final class Gate {
    /** How old a stay or visit must be before {@link #recover()} settles it: five minutes. */
    public static final Duration RECOVERY_GRACE = Duration.ofMinutes(5);
    /** The default retention period of visits: 14 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

    private final Directory directory;
    private final Verifier verifier;
    private final OccupancyLedger ledger;
    private final VisitLog visits;
    private final VisitLog visitsView;
    private final Clock clock;
    private final LocationRule locationRule;
    private final HealthRule healthRule;
    private final ScreeningProtocol screeningProtocol;
    private final Duration retention;
    private final List<GateListener> listeners;
    private final Records records;
    private final TicketIds tickets = new TicketIds();

    private Gate(Builder b, Directory directory, Verifier verifier) {
        this.directory = directory;
        this.verifier = verifier;
        this.clock = b.clock;
        this.ledger = b.ledger != null ? b.ledger
                : OccupancyLedger.inMemory(b.policy != null ? b.policy : CapacityPolicy.unlimited(), b.clock);
        Optional<VisitLog> kept = ledger.visitLog();
        this.visits = kept.isPresent() ? kept.get() : b.visitLog != null ? b.visitLog : VisitLog.inMemory();
        this.records = Records.of(ledger, visits, kept.isPresent());
        this.visitsView = new ReadOnlyVisitLog(visits);
        this.locationRule = b.locationRule;
        this.healthRule = b.healthRule;
        this.screeningProtocol = b.screeningProtocol;
        this.retention = b.retention;
        this.listeners = List.copyOf(b.listeners);
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
        return Objects.requireNonNull(decide(Objects.requireNonNull(request, "request"), null), "decision");
    }

    /**
     * Decides a booked visitor's arrival: the desk checks the booking and its arrival window, then the code is checked
     * as by {@link #checkIn}, must be of the service's site, and counts once against the capacity rules.
     *
     * @param desk the booking desk
     * @param booking the booking's id
     * @param request the check-in, with the visitor and agency of the booking
     * @return the desk's outcome: the booking arrived with the gate's ticket, or why not
     */
    public Outcome arrive(BookingDesk desk, BookingId booking, CheckIn request) {
        return Arrivals.arrive(desk, booking, request, this::decide);
    }

    /**
     * Decides a booked visitor's arrival registered by the desk, without a code: the desk checks the booking and its
     * window as for a scan, the walk-in must be at the service's site, and is decided as by {@link #walkIn}.
     *
     * @param desk the booking desk
     * @param booking the booking's id
     * @param request the walk-in, with the visitor and agency of the booking, at the service's site
     * @return the desk's outcome: the booking arrived with the gate's ticket, or why not
     */
    public Outcome arrive(BookingDesk desk, BookingId booking, WalkIn request) {
        return Arrivals.arrive(desk, booking, request, this::walkIn);
    }

    /**
     * Registers a walk-in for a booked service, within the day's walk-in places, and decides it as {@link #walkIn}.
     *
     * @param desk the booking desk
     * @param service the service's id
     * @param request the walk-in, at the service's site
     * @return the desk's outcome: the walk-in arrived with the gate's ticket, or why not
     */
    public Outcome walkIn(BookingDesk desk, ServiceId service, WalkIn request) {
        return Arrivals.walkIn(desk, service, request, this::walkIn);
    }

    /** A check-in; with {@code only}, null when the verified code is of another site, which records nothing. */
    private @Nullable Decision decide(CheckIn request, @Nullable SiteId only) {
        Call call = new Call(request.visitor(), request.agency(), request.role(), false, clock.instant(),
                System.nanoTime());
        Verification verification = verifier.check(request.code(), call.now());
        if (verification instanceof Verification.Rejected rejected) {
            return refuse(RefusalReason.of(rejected.reason()), rejected.detail(), null, call);
        }
        SharedCode code = ((Verification.Verified) verification).code();
        if (only != null && !code.site().equals(only)) {
            return null;
        }
        Optional<Site> found = directory.site(code.site());
        if (found.isEmpty()) {
            return refuse(RefusalReason.UNKNOWN_SITE, "Site " + code.site() + ".", code.site(), call);
        }
        Site site = found.get();
        Verification.Channel channel = ((Verification.Verified) verification).channel();
        if (site.requiresRotatingCode() && channel != Verification.Channel.ROTATING_CODE) {
            return refuse(RefusalReason.ROTATING_CODE_REQUIRED, "Site " + site.id() + " shows a new code on its"
                    + " screen; a " + (channel == Verification.Channel.PRINTED_CODE ? "printed" : "registered foreign")
                    + " poster does not admit there.", site.id(), call);
        }
        if (!code.covers(request.agency())) {
            return refuse(RefusalReason.AGENCY_NOT_COVERED, "The code of site " + site.id() + " does not cover agency "
                    + request.agency() + ".", site.id(), call);
        }
        RefusalReason health = healthRule.check(request.status());
        if (health != null) {
            return refuse(health, "", site.id(), call);
        }
        RefusalReason location = locationRule.check(request.fix(), site.geofence(), call.now());
        if (location != null) {
            return refuse(location, locationDetail(location, request, site), site.id(), call);
        }
        return admit(site, call, call.channel(channel));
    }

    /**
     * Decides a walk-in screened by hand, at a site without a code.
     *
     * @param request the walk-in
     * @return {@link Decision.Admitted} with the ticket, or {@link Decision.Refused} with the first failed check
     */
    public Decision walkIn(WalkIn request) {
        Objects.requireNonNull(request, "request");
        Call call = new Call(request.visitor(), request.agency(), request.role(), true, clock.instant(),
                System.nanoTime());
        Optional<Site> found = directory.site(request.site());
        if (found.isEmpty()) {
            return refuse(RefusalReason.UNKNOWN_SITE, "Site " + request.site() + ".", request.site(), call);
        }
        if (!found.get().hasTenant(request.agency())) {
            return refuse(RefusalReason.AGENCY_NOT_COVERED, "Agency " + request.agency() + " does not work at site "
                    + request.site() + ".", request.site(), call);
        }
        String failure = screeningProtocol.failure(request.screening());
        if (failure != null) {
            return refuse(RefusalReason.SCREENING_FAILED, "Failed: " + failure + ".", request.site(), call);
        }
        return admit(found.get(), call, call.channel(null));
    }

    private Decision admit(Site place, Call call, EntryChannel channel) {
        SiteId site = place.id();
        List<GateEvent> events = listeners.isEmpty() ? null : new ArrayList<>(2);
        Admission admission = records.admit(new AdmitRequest(tickets.next(), call.visitor(), site, place.zone(),
                call.agency(), call.role(), channel), call, events);
        Decision decision;
        if (admission instanceof Admission.Refused refused) {
            RefusalReason reason = RefusalReason.of(refused.reason());
            String detail = reason.detail(RefusalReason.particulars(refused));
            decision = new Decision.Refused(reason, detail);
            LOG.debug("refused at site {} for agency {}: {}", site, call.agency(), reason);
            if (events != null) {
                events.add(refusedEvent(reason, detail, site, call));
            }
        } else {
            Admission.Admitted admitted = (Admission.Admitted) admission;
            decision = new Decision.Admitted(admitted.ticket(), admitted.repeat());
            LOG.debug("admitted at site {} for agency {}", site, call.agency());
        }
        if (events != null) {
            publish(events);
        }
        return decision;
    }

    /**
     * Checks a visitor out.
     *
     * @param ticket the ticket of the visit
     * @return the closed visit, or empty if no open visit has that ticket (unknown, already closed, or expired)
     */
    public Optional<Visit> checkOut(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Instant now = clock.instant();
        List<GateEvent> events = listeners.isEmpty() ? null : new ArrayList<>(1);
        Optional<Visit> closed = records.checkOut(ticket, now, events);
        closed.ifPresent(v -> LOG.debug("checked out at site {}", v.site()));
        if (events != null) {
            publish(events);
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
        List<GateEvent> events = listeners.isEmpty() ? null : new ArrayList<>();
        int expired = records.expire(now, events);
        OccupancyLedger.Settlement settled = recover();
        int purged = visits.purgeBefore(now.minus(retention));
        if (expired > 0 || purged > 0 || settled.settledAny()) {
            LOG.debug("expired {} stays, settled {}, deleted {} visits older than the retention period", expired,
                    settled, purged);
        }
        if (events != null) {
            publish(events);
        }
        return expired;
    }

    /**
     * Settles what a crash left between the ledger and the visit log, for stays and visits begun more than
     * {@link #RECOVERY_GRACE} ago (younger ones may be check-ins under way on another instance). {@link #expireStays()}
     * calls it; a host may call it by itself too, after a restart for example.
     *
     * <p>With a ledger that keeps the visit log itself ({@link OccupancyLedger#visitLog()}, such as
     * {@code JdbcLedger.of}), each check-in, check-out and expiry is one atomic step and nothing can be left apart;
     * the ledger settles what an older version left. Otherwise a crash between the gate's two writes leaves a stay
     * without its visit (an admission never answered: the stay is released, and the visitor is admitted afresh at
     * the next scan) or an open visit without its stay (a check-out or expiry never answered: the visit is closed
     * now).
     *
     * @return what was settled
     */
    public OccupancyLedger.Settlement recover() {
        Instant now = clock.instant();
        return records.recover(now.minus(RECOVERY_GRACE), now);
    }

    /**
     * Reads the occupancy of a site, all agencies together.
     *
     * @param site the site
     * @return people present, the limit, admissions today and the quota
     * @throws IllegalArgumentException if the site is not in the directory
     */
    public Occupancy occupancy(SiteId site) {
        return ledger.read(site, known(site).zone());
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
        return ledger.read(site, agency, known(site).zone());
    }

    /**
     * Returns a read-only view of the visit log, for contact tracing ({@link VisitLog#visitsOf},
     * {@link VisitLog#overlapping}, {@link VisitLog#find}, {@link VisitLog#openVisitOf}).
     *
     * <p>Writes go through the gate, under the per-visitor lock that keeps the visit log and the ledger in agreement:
     * the view's {@code append}, {@code close} and {@code purgeBefore} throw {@link UnsupportedOperationException}.
     * Use {@link #checkIn}, {@link #walkIn}, {@link #checkOut} and {@link #expireStays()} instead.
     *
     * @return a read-only view of the visit log this gate writes
     */
    public VisitLog visitLog() {
        return visitsView;
    }

    /**
     * Returns the capacity policy in force.
     *
     * @return the policy of the gate's ledger
     */
    public CapacityPolicy policy() {
        return ledger.policy();
    }

    /**
     * Replaces the capacity policy, for example when a new restriction level takes effect. It applies to admissions
     * and reads from now on; nobody present is checked out, and today's counts are kept.
     *
     * @param policy the new policy
     */
    public void replacePolicy(CapacityPolicy policy) {
        ledger.replacePolicy(Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Returns how long visits are kept after they end.
     *
     * @return the retention period
     */
    public Duration retention() {
        return retention;
    }

    private Site known(SiteId site) {
        Objects.requireNonNull(site, "site");
        return directory.site(site).orElseThrow(() -> new IllegalArgumentException("unknown site: " + site));
    }

    private Decision refuse(RefusalReason reason, String particulars, @Nullable SiteId site, Call call) {
        String detail = reason.detail(particulars);
        LOG.debug("refused at site {} for agency {}: {}", site == null ? "(unknown)" : site, call.agency(), reason);
        if (!listeners.isEmpty()) {
            publish(List.of(refusedEvent(reason, detail, site, call)));
        }
        return new Decision.Refused(reason, detail);
    }

    private static GateEvent.Refused refusedEvent(RefusalReason reason, String detail, @Nullable SiteId site,
            Call call) {
        return new GateEvent.Refused(reason, detail, site, call.agency(), call.role(), call.visitor(), call.walkIn(),
                call.now(), call.took());
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

    /** What a location refusal adds to its reason's sentence; nothing that would locate the visitor. */
    private String locationDetail(RefusalReason reason, CheckIn request, Site site) {
        return switch (reason) {
            case LOCATION_STALE -> "More than " + locationRule.maxFixAge() + " apart from the check-in.";
            case OUTSIDE_GEOFENCE -> Math.round(site.geofence().distanceTo(
                    Objects.requireNonNull(request.fix(), "fix").point())) + " m outside.";
            default -> "";
        };
    }

    /**
     * Builds a {@link Gate}. Only the directory and the verifier are required.
     *
     * <p>Defaults: no capacity limits ({@link CapacityPolicy#unlimited()}), an
     * {@linkplain OccupancyLedger#inMemory in-memory ledger} on the gate's clock, an
     * {@linkplain VisitLog#inMemory in-memory visit log}, the system clock in UTC, {@link LocationRule#requireInside()},
     * {@link HealthRule#ignore()}, {@link ScreeningProtocol#standard()}, a retention of {@link #DEFAULT_RETENTION}, no
     * listeners. Give either a policy or a ledger (a ledger holds its own policy and clock; give it the gate's clock),
     * not both.
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
         * @param directory the directory
         * @return this builder
         */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Sets the verifier of code texts.
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(Verifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets the capacity policy of the default in-memory ledger.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(CapacityPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the occupancy ledger, with its own policy, instead of the default in-memory one.
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(OccupancyLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets the visit log instead of the default in-memory one.
         *
         * @param visitLog the visit log
         * @return this builder
         */
        public Builder visitLog(VisitLog visitLog) {
            this.visitLog = Objects.requireNonNull(visitLog, "visitLog");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the location rule.
         *
         * @param locationRule the location rule
         * @return this builder
         */
        public Builder locationRule(LocationRule locationRule) {
            this.locationRule = Objects.requireNonNull(locationRule, "locationRule");
            return this;
        }

        /**
         * Sets the health rule.
         *
         * @param healthRule the health rule
         * @return this builder
         */
        public Builder healthRule(HealthRule healthRule) {
            this.healthRule = Objects.requireNonNull(healthRule, "healthRule");
            return this;
        }

        /**
         * Sets the screeningProtocol that walk-ins' manual screenings must pass.
         *
         * @param screeningProtocol the screening protocol for walk-ins
         * @return this builder
         */
        public Builder screeningProtocol(ScreeningProtocol screeningProtocol) {
            this.screeningProtocol = Objects.requireNonNull(screeningProtocol, "screeningProtocol");
            return this;
        }

        /**
         * Sets how long visits are kept after they end.
         *
         * @param retention the retention period; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code retention} is zero or negative
         */
        public Builder retention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive: " + retention);
            }
            this.retention = retention;
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
         * @throws IllegalStateException if the directory or the verifier is missing, both a policy and a ledger were
         *     given, or a visit log other than the one the ledger keeps
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
            if (ledger != null && visitLog != null && ledger.visitLog().isPresent()
                    && !ledger.visitLog().get().equals(visitLog)) {
                throw new IllegalStateException("the ledger keeps its own visit log; give no other");
            }
            return new Gate(this, sites, codes);
        }
    }
}
