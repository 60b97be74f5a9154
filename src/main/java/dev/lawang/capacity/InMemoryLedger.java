package dev.lawang.capacity;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link OccupancyLedger} ({@link OccupancyLedger#inMemory}): counts held in memory, for one application
 * instance.
 *
 * <p>Thread-safe without a global lock: each site has its own lock, and an admission holds only the lock of its
 * site, so admissions at different sites run in parallel. All limits of one admission (site, agency, both daily
 * quotas) are checked and counted under that one lock, which makes the step all or nothing. When a visitor moves
 * from one site to another, the admission takes both sites' locks, always in the order of their {@link SiteId}s, so
 * two opposite moves cannot deadlock; the indexes of open visits by id and by visitor have their own short locks,
 * taken only inside a site lock or alone, never the other way round.
 *
 * <p>Counts of a site are kept from its first admission for the life of the ledger; {@code docs/performance.md}
 * gives the memory an open stay takes. Instants are truncated to microseconds.
 */
final class InMemoryLedger implements OccupancyLedger {
    /** The due instant of {@link #admit(AdmitRequest, long)} that stands for the policy's default stay. */
    private static final long POLICY_DUE = Long.MIN_VALUE;

    private final Clock clock;
    private volatile CapacityPolicy policy;
    private final ConcurrentHashMap<SiteId, SiteState> sites = new ConcurrentHashMap<>();
    private final LeaseIndex.ById byId = new LeaseIndex.ById();
    private final LeaseIndex.ByVisitor byVisitor = new LeaseIndex.ByVisitor();
    private final OfflineRecords offline = new OfflineRecords();

    private InMemoryLedger(CapacityPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static InMemoryLedger of(CapacityPolicy policy, Clock clock) {
        return new InMemoryLedger(policy, clock);
    }

    @Override
    public Admission admit(AdmitRequest request) {
        Objects.requireNonNull(request, "request");
        return admit(request, POLICY_DUE);
    }

    @Override
    public Admission admitUntil(AdmitRequest request, Instant due) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(due, "due");
        long dueMicros;
        try {
            dueMicros = Lease.micros(due);
        } catch (IllegalStateException e) {
            dueMicros = due.isBefore(Instant.EPOCH) ? POLICY_DUE + 1 : Long.MAX_VALUE;
        }
        return admit(request, dueMicros);
    }

    /** An admission; {@code dueMicros} is when the new stay is due, or {@link #POLICY_DUE} for the policy's stay. */
    private Admission admit(AdmitRequest request, long dueMicros) {
        Admission admission = tryAdmit(request, dueMicros);
        while (admission == null) {
            Thread.onSpinWait();
            admission = sameId(request);
            if (admission == null) {
                admission = tryAdmit(request, dueMicros);
            }
        }
        return admission;
    }

    /** The open stay with the request's ticket id, or null if there is none (any more). */
    private @Nullable Admission sameId(AdmitRequest request) {
        Lease sameId = byId.get(request.ticket());
        if (sameId == null) {
            return null;
        }
        synchronized (sameId.site) {
            if (!sameId.open) {
                return null;
            }
            if (!sameId.sameVisitAs(request)) {
                throw new IllegalArgumentException("ticket " + request.ticket()
                        + " is already open for another visitor, site, agency or role");
            }
            return new Admitted(sameId.toTicket(request.ticket()), true, null);
        }
    }

    /**
     * One attempt, assuming no open visit has the request's id; null when that turns out wrong, or when another
     * thread changed the visitor's open visit meanwhile.
     */
    private @Nullable Admission tryAdmit(AdmitRequest request, long dueMicros) {
        CapacityPolicy rules = policy;
        SiteState target = site(request.site());
        Lease previous = byVisitor.get(request.visitor());
        long clockMicros = Lease.micros(clock.instant());
        SiteState other = previous == null ? target : previous.site;
        if (other == target) {
            synchronized (target) {
                return admitLocked(request, rules, target, previous, clockMicros, dueMicros);
            }
        }
        SiteState first = other.id.compareTo(target.id) < 0 ? other : target;
        SiteState second = first == target ? other : target;
        synchronized (first) {
            synchronized (second) {
                return admitLocked(request, rules, target, previous, clockMicros, dueMicros);
            }
        }
    }

    /**
     * The admission proper, under the lock of the target site and of the previous visit's site. An open lease is
     * always the one indexed under its visitor key, so {@code previous.open} proves {@code previous} is current.
     * The clock is read before the locks are taken, to keep the JDK's clock call out of the critical section; the
     * sites' times never run backwards all the same, since each is the latest of its own time and the reading.
     */
    private @Nullable Admission admitLocked(AdmitRequest request, CapacityPolicy rules, SiteState target,
            @Nullable Lease previous, long clockMicros, long dueMicros) {
        if (previous != null && !previous.open) {
            return null;
        }
        SiteState left = previous != null && previous.site != target ? previous.site : null;
        long now = target.timeAt(clockMicros);
        if (left != null) {
            now = left.timeAt(now);
        }
        Admission admission = decide(request, rules, target, previous, now, dueMicros);
        if (admission != null) {
            target.advance(now);
            if (left != null) {
                left.advance(now);
            }
        }
        return admission;
    }

    /** The outcome at the sites' time {@code now}, which the caller keeps only if there is one. */
    private @Nullable Admission decide(AdmitRequest request, CapacityPolicy rules, SiteState target,
            @Nullable Lease previous, long now, long dueMicros) {
        target.refresh(rules, request.zone(), now);
        if (previous != null && previous.site == target && previous.agency.id.equals(request.agency())) {
            boolean sameLease = previous.hasId(request.ticket().high(), request.ticket().low());
            if (sameLease ? previous.role != request.role() : byId.get(request.ticket()) != null) {
                return null;
            }
            return new Admitted(previous.toTicket(sameLease ? request.ticket() : previous.id()), true, null);
        }
        AgencyState agency = target.agency(request.agency());
        agency.refresh(rules);
        Refused refused = check(request.role(), target, agency, previous);
        if (refused != null) {
            boolean stale = previous == null && byVisitor.get(request.visitor()) != null;
            return stale || byId.get(request.ticket()) != null ? null : refused;
        }
        Lease lease = new Lease(request.ticket(), request.visitor(), target, agency, request.role(),
                request.channel(), now, dueMicros == POLICY_DUE ? due(now, rules) : within(dueMicros, now));
        if (!byId.putIfAbsent(lease)) {
            return null;
        }
        Departure moved = null;
        if (previous == null ? !byVisitor.putIfAbsent(lease) : !byVisitor.replace(previous, lease)) {
            byId.remove(lease);
            return null;
        }
        if (previous != null) {
            moved = close(previous, previous.id(), now, Departure.Cause.MOVED);
        }
        target.enter(request.role());
        agency.enter(request.role());
        lease.open = true;
        return new Admitted(lease.toTicket(request.ticket()), false, moved);
    }

    /** The first limit that refuses, or null; a visit the visitor leaves at the same site frees its place. */
    private static @Nullable Refused check(Role role, SiteState site, AgencyState agency, @Nullable Lease previous) {
        int bit = Limit.bit(role);
        if (site.limit != SiteState.NONE && (site.limitMask & bit) != 0) {
            long present = site.present(site.limitMask);
            boolean frees = previous != null && previous.site == site
                    && (site.limitMask & Limit.bit(previous.role)) != 0;
            if ((frees ? present - 1 : present) >= site.limit) {
                return new Refused(Admission.Reason.SITE_FULL, present, site.limit);
            }
        }
        if (agency.limit != SiteState.NONE && (agency.limitMask & bit) != 0) {
            long present = agency.present(agency.limitMask);
            if (present >= agency.limit) {
                return new Refused(Admission.Reason.AGENCY_FULL, present, agency.limit);
            }
        }
        if (site.quota != SiteState.NONE && (site.quotaMask & bit) != 0) {
            long admitted = site.admitted(site.quotaMask);
            if (admitted >= site.quota) {
                return new Refused(Admission.Reason.DAILY_QUOTA_REACHED, admitted, site.quota);
            }
        }
        if (agency.quota != SiteState.NONE && (agency.quotaMask & bit) != 0) {
            long admitted = agency.admitted(agency.quotaMask);
            if (admitted >= agency.quota) {
                return new Refused(Admission.Reason.DAILY_QUOTA_REACHED, admitted, agency.quota);
            }
        }
        return null;
    }

    private static long due(long now, CapacityPolicy rules) {
        long stay = rules.defaultStay().toNanos() / 1_000;
        return now > Long.MAX_VALUE - stay ? Long.MAX_VALUE : now + stay;
    }

    /** A due instant asked for, brought between the stay's start and {@link CapacityPolicy#MAX_STAY} after it. */
    private static long within(long dueMicros, long now) {
        long max = CapacityPolicy.MAX_STAY.toNanos() / 1_000;
        return Math.max(now, Math.min(dueMicros, now > Long.MAX_VALUE - max ? Long.MAX_VALUE : now + max));
    }

    /** Closes an open lease; the caller holds its site's lock and has updated the visitor index. */
    private Departure close(Lease lease, TicketId id, long now, Departure.Cause cause) {
        lease.open = false;
        byId.remove(lease);
        lease.site.leave(lease.role);
        lease.agency.leave(lease.role);
        return new Departure(lease.toTicket(id), lease.visitor, Lease.instant(Math.max(now, lease.startMicros)), cause);
    }

    @Override
    public Optional<Departure> release(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return close(ticket, null);
    }

    @Override
    public Optional<Departure> releaseUnused(TicketId ticket, ZoneId zone) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(zone, "zone");
        return close(ticket, zone);
    }

    /** Releases a stay; with a zone, as a place never used, whose admission comes off its day's count. */
    private Optional<Departure> close(TicketId ticket, @Nullable ZoneId unusedIn) {
        Lease lease = byId.get(ticket);
        if (lease == null) {
            return Optional.empty();
        }
        long clockMicros = Lease.micros(clock.instant());
        synchronized (lease.site) {
            if (!lease.open) {
                return Optional.empty();
            }
            long now = lease.site.advance(clockMicros);
            byVisitor.remove(lease);
            Departure departure = close(lease, ticket, now, Departure.Cause.RELEASED);
            if (unusedIn != null) {
                lease.site.unadmitIfToday(policy, lease, now, unusedIn);
            }
            return Optional.of(departure);
        }
    }

    @Override
    public List<Departure> expire() {
        long clockNow = Lease.micros(clock.instant());
        List<Lease> candidates = new ArrayList<>();
        byId.forEach(lease -> {
            if (lease.dueMicros <= Math.max(clockNow, lease.site.lastMicros)) {
                candidates.add(lease);
            }
        });
        List<Departure> departures = new ArrayList<>(candidates.size());
        for (Lease lease : candidates) {
            synchronized (lease.site) {
                long now = lease.site.advance(clockNow);
                if (lease.open && lease.dueMicros <= now) {
                    byVisitor.remove(lease);
                    departures.add(close(lease, lease.id(), now, Departure.Cause.EXPIRED));
                    if (lease.channel == EntryChannel.LEASED) {
                        lease.site.unadmitIfToday(policy, lease, now);
                    }
                }
            }
        }
        return departures;
    }

    @Override
    public List<Ticket> openStays(Instant startedBefore) {
        long before = Lease.micros(Objects.requireNonNull(startedBefore, "startedBefore"));
        List<Ticket> open = new ArrayList<>();
        byId.forEach(lease -> {
            if (lease.startMicros < before) {
                open.add(lease.toTicket(lease.id()));
            }
        });
        return open;
    }

    @Override
    public OfflineEffect.Applied applyOffline(OfflineEffect effect) {
        Objects.requireNonNull(effect, "effect");
        TicketId ticket = effect.stay().ticket();
        synchronized (offline) {
            OfflineRecords.Entry before = offline.applied(effect.device(), effect.sequence());
            if (before != null) {
                return before.ticket().equals(ticket)
                        ? new OfflineEffect.Applied(OfflineEffect.Outcome.ALREADY_APPLIED, null, null, before.outcome())
                        : OfflineEffect.Applied.now(OfflineEffect.Outcome.MISMATCH, null, null);
            }
            OfflineEffect.Applied applied = switch (effect.kind()) {
                case REFUSAL -> OfflineEffect.Applied.now(OfflineEffect.Outcome.RECORDED, null, null);
                case CHECK_OUT -> checkOutOffline(ticket);
                case ADMISSION -> admitOffline(effect);
            };
            if (applied.outcome() != OfflineEffect.Outcome.NO_OPEN_PLACEHOLDER) {
                offline.record(effect, applied.outcome());
            }
            return applied;
        }
    }

    private OfflineEffect.Applied checkOutOffline(TicketId ticket) {
        if (!offline.admitted(ticket)) {
            return OfflineEffect.Applied.now(OfflineEffect.Outcome.PENDING, null, null);
        }
        Optional<Departure> departure = release(ticket);
        return departure.isPresent()
                ? OfflineEffect.Applied.now(OfflineEffect.Outcome.RELEASED, departure.get().ticket(), null)
                : OfflineEffect.Applied.now(OfflineEffect.Outcome.NOT_OPEN, null, null);
    }

    private OfflineEffect.Applied admitOffline(OfflineEffect effect) {
        AdmitRequest stay = effect.stay();
        if (offline.admitted(stay.ticket()) || byId.get(stay.ticket()) != null) {
            return OfflineEffect.Applied.now(OfflineEffect.Outcome.TICKET_IN_USE, null, null);
        }
        OfflineEffect.Outcome unswapped = offline.checkedOut(stay.ticket()) != null
                ? OfflineEffect.Outcome.ALREADY_OVER
                : byVisitor.get(stay.visitor()) != null ? OfflineEffect.Outcome.VISITOR_ELSEWHERE : null;
        for (TicketId placeholder : effect.placeholders()) {
            Lease held = byId.get(placeholder);
            if (held == null || !held.site.id.equals(stay.site()) || !held.agency.id.equals(stay.agency())) {
                continue;
            }
            if (unswapped != null) {
                if (release(placeholder).isPresent()) {
                    return OfflineEffect.Applied.now(unswapped, null, placeholder);
                }
                continue;
            }
            Ticket swapped = swap(held, stay, effect.at());
            if (swapped != null) {
                return OfflineEffect.Applied.now(OfflineEffect.Outcome.SWAPPED, swapped, placeholder);
            }
            if (byVisitor.get(stay.visitor()) != null) {
                unswapped = OfflineEffect.Outcome.VISITOR_ELSEWHERE;
                if (release(placeholder).isPresent()) {
                    return OfflineEffect.Applied.now(unswapped, null, placeholder);
                }
            }
        }
        if (!effect.placeholders().isEmpty()) {
            return OfflineEffect.Applied.now(OfflineEffect.Outcome.NO_OPEN_PLACEHOLDER, null, null);
        }
        return OfflineEffect.Applied.now(unswapped != null ? unswapped : OfflineEffect.Outcome.UNLEASED, null, null);
    }

    /**
     * Puts the stay of an offline admission in the place of an open placeholder: the same place present and the
     * same admission today (the day's count stays the placeholder's, a guest). Null if the placeholder is no longer
     * open or the visitor has an open stay.
     */
    private @Nullable Ticket swap(Lease placeholder, AdmitRequest stay, Instant at) {
        CapacityPolicy rules = policy;
        long clockMicros = Lease.micros(clock.instant());
        synchronized (placeholder.site) {
            if (!placeholder.open) {
                return null;
            }
            long now = placeholder.site.advance(clockMicros);
            long start = Math.min(Math.max(Lease.micros(at), placeholder.startMicros), now);
            Lease lease = new Lease(stay.ticket(), stay.visitor(), placeholder.site, placeholder.agency, stay.role(),
                    stay.channel(), start, due(start, rules));
            if (!byId.putIfAbsent(lease)) {
                return null;
            }
            if (!byVisitor.putIfAbsent(lease)) {
                byId.remove(lease);
                return null;
            }
            placeholder.open = false;
            byId.remove(placeholder);
            byVisitor.remove(placeholder);
            if (stay.role() != placeholder.role) {
                placeholder.site.swapPresent(placeholder.role, stay.role());
                placeholder.agency.swapPresent(placeholder.role, stay.role());
            }
            lease.open = true;
            return lease.toTicket(stay.ticket());
        }
    }

    @Override
    public Occupancy read(SiteId site, ZoneId zone) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(zone, "zone");
        SiteState state = known(site);
        synchronized (state) {
            state.refresh(policy, zone, state.advance(Lease.micros(clock.instant())));
            return state.occupancy();
        }
    }

    @Override
    public Occupancy read(SiteId site, AgencyId agency, ZoneId zone) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(zone, "zone");
        CapacityPolicy rules = policy;
        SiteState state = known(site);
        synchronized (state) {
            state.refresh(rules, zone, state.advance(Lease.micros(clock.instant())));
            AgencyState counts = state.agencyOrEmpty(agency);
            counts.refresh(rules);
            return counts.occupancy();
        }
    }

    @Override
    public CapacityPolicy policy() {
        return policy;
    }

    @Override
    public void replacePolicy(CapacityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The number of open stays; for measurements. */
    int openVisits() {
        return byId.size();
    }

    private SiteState site(SiteId id) {
        SiteState state = sites.get(id);
        return state != null ? state : sites.computeIfAbsent(id, SiteState::new);
    }

    /** The site's counts, or fresh ones that are not kept, so that reading unknown sites costs no memory. */
    private SiteState known(SiteId id) {
        SiteState state = sites.get(id);
        return state != null ? state : new SiteState(id);
    }

    @Override
    public String toString() {
        return "InMemoryLedger[sites=" + sites.size() + ", policy=" + policy + "]";
    }
}
