package dev.lawang.capacity;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link OccupancyLedger}: counts held in memory, for one application instance.
 *
 * <p>Thread-safe without a global lock: each site has its own lock, and an admission holds only the lock of its
 * site, so admissions at different sites run in parallel. All limits of one admission (site, agency, both daily
 * quotas) are checked and counted under that one lock, which makes the step all or nothing. When a visitor moves
 * from one site to another, the admission takes both sites' locks, always in the order of their {@link SiteId}s, so
 * two opposite moves cannot deadlock; the indexes of open visits by id and by visitor have their own short locks,
 * taken only inside a site lock or alone, never the other way round.
 *
 * <p>Memory: about 170 bytes per open visit, the visitor key included (see {@code docs/performance.md}). Counts of a
 * site are kept from its first admission for the life of the ledger. Instants are truncated to microseconds.
 */
public final class InMemoryLedger implements OccupancyLedger {
    private final Clock clock;
    private volatile CapacityPolicy policy;
    private final ConcurrentHashMap<SiteId, SiteState> sites = new ConcurrentHashMap<>();
    private final LeaseIndex.ById byId = new LeaseIndex.ById();
    private final LeaseIndex.ByVisitor byVisitor = new LeaseIndex.ByVisitor();

    private InMemoryLedger(CapacityPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns an empty ledger on the system clock.
     *
     * @param policy the policy
     * @return the ledger
     */
    public static InMemoryLedger of(CapacityPolicy policy) {
        return new InMemoryLedger(policy, Clock.systemUTC());
    }

    /**
     * Returns an empty ledger on a clock.
     *
     * @param policy the policy
     * @param clock the clock that times admissions, departures, stays and days
     * @return the ledger
     */
    public static InMemoryLedger of(CapacityPolicy policy, Clock clock) {
        return new InMemoryLedger(policy, clock);
    }

    @Override
    public Admission admit(AdmitRequest request) {
        Objects.requireNonNull(request, "request");
        Admission admission = tryAdmit(request);
        while (admission == null) {
            Thread.onSpinWait();
            admission = sameId(request);
            if (admission == null) {
                admission = tryAdmit(request);
            }
        }
        return admission;
    }

    /** The open visit with the request's id, or null if there is none (any more). */
    private @Nullable Admission sameId(AdmitRequest request) {
        Lease sameId = byId.get(request.visitId());
        if (sameId == null) {
            return null;
        }
        synchronized (sameId.site) {
            if (!sameId.open) {
                return null;
            }
            if (!sameId.sameVisitAs(request)) {
                throw new IllegalArgumentException("visit id " + request.visitId()
                        + " is already open for another visitor, site, agency or role");
            }
            return new Admitted(sameId.toStay(request.visitId()), true, null);
        }
    }

    /**
     * One attempt, assuming no open visit has the request's id; null when that turns out wrong, or when another
     * thread changed the visitor's open visit meanwhile.
     */
    private @Nullable Admission tryAdmit(AdmitRequest request) {
        CapacityPolicy rules = policy;
        SiteState target = site(request.site());
        Lease previous = byVisitor.get(request.visitorKey());
        long clockMicros = Lease.micros(clock.instant());
        SiteState other = previous == null ? target : previous.site;
        if (other == target) {
            synchronized (target) {
                return admitLocked(request, rules, target, previous, clockMicros);
            }
        }
        SiteState first = other.id.compareTo(target.id) < 0 ? other : target;
        SiteState second = first == target ? other : target;
        synchronized (first) {
            synchronized (second) {
                return admitLocked(request, rules, target, previous, clockMicros);
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
            @Nullable Lease previous, long clockMicros) {
        if (previous != null && !previous.open) {
            return null;
        }
        SiteState left = previous != null && previous.site != target ? previous.site : null;
        long now = target.timeAt(clockMicros);
        if (left != null) {
            now = left.timeAt(now);
        }
        Admission admission = decide(request, rules, target, previous, now);
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
            @Nullable Lease previous, long now) {
        target.refresh(rules, now);
        if (previous != null && previous.site == target && previous.agency.id.equals(request.agency())) {
            boolean sameLease = previous.hasId(request.visitId().getMostSignificantBits(),
                    request.visitId().getLeastSignificantBits());
            if (sameLease ? previous.role != request.role() : byId.get(request.visitId()) != null) {
                return null;
            }
            return new Admitted(previous.toStay(sameLease ? request.visitId() : previous.id()), true, null);
        }
        AgencyState agency = target.agency(request.agency());
        agency.refresh(rules);
        Refused refused = check(request.role(), target, agency, previous);
        if (refused != null) {
            boolean stale = previous == null && byVisitor.get(request.visitorKey()) != null;
            return stale || byId.get(request.visitId()) != null ? null : refused;
        }
        Lease lease = new Lease(request.visitId(), request.visitorKey(), target, agency, request.role(), now,
                due(now, rules));
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
        return new Admitted(lease.toStay(request.visitId()), false, moved);
    }

    /** The first limit that refuses, or null; a visit the visitor leaves at the same site frees its place. */
    private static @Nullable Refused check(Role role, SiteState site, AgencyState agency, @Nullable Lease previous) {
        int bit = role.bit();
        if (site.limit != SiteState.NONE && (site.limitMask & bit) != 0) {
            long present = site.present(site.limitMask);
            boolean frees = previous != null && previous.site == site
                    && (site.limitMask & previous.role.bit()) != 0;
            if ((frees ? present - 1 : present) >= site.limit) {
                return new Refused(CapacityRefusal.SITE_FULL, present, site.limit);
            }
        }
        if (agency.limit != SiteState.NONE && (agency.limitMask & bit) != 0) {
            long present = agency.present(agency.limitMask);
            if (present >= agency.limit) {
                return new Refused(CapacityRefusal.AGENCY_FULL, present, agency.limit);
            }
        }
        if (site.quota != SiteState.NONE && (site.quotaMask & bit) != 0) {
            long admitted = site.admitted(site.quotaMask);
            if (admitted >= site.quota) {
                return new Refused(CapacityRefusal.DAILY_QUOTA_REACHED, admitted, site.quota);
            }
        }
        if (agency.quota != SiteState.NONE && (agency.quotaMask & bit) != 0) {
            long admitted = agency.admitted(agency.quotaMask);
            if (admitted >= agency.quota) {
                return new Refused(CapacityRefusal.DAILY_QUOTA_REACHED, admitted, agency.quota);
            }
        }
        return null;
    }

    private static long due(long now, CapacityPolicy rules) {
        long stay = rules.defaultStay().toNanos() / 1_000;
        return now > Long.MAX_VALUE - stay ? Long.MAX_VALUE : now + stay;
    }

    /** Closes an open lease; the caller holds its site's lock and has updated the visitor index. */
    private Departure close(Lease lease, UUID id, long now, Departure.Cause cause) {
        lease.open = false;
        byId.remove(lease);
        lease.site.leave(lease.role);
        lease.agency.leave(lease.role);
        return new Departure(lease.toStay(id), Lease.instant(Math.max(now, lease.startMicros)), cause);
    }

    @Override
    public Optional<Departure> release(UUID visitId) {
        Objects.requireNonNull(visitId, "visitId");
        Lease lease = byId.get(visitId);
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
            return Optional.of(close(lease, visitId, now, Departure.Cause.RELEASED));
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
                }
            }
        }
        return departures;
    }

    @Override
    public Occupancy read(SiteId site) {
        Objects.requireNonNull(site, "site");
        SiteState state = known(site);
        synchronized (state) {
            state.refresh(policy, state.advance(Lease.micros(clock.instant())));
            return state.occupancy();
        }
    }

    @Override
    public Occupancy read(SiteId site, AgencyId agency) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        CapacityPolicy rules = policy;
        SiteState state = known(site);
        synchronized (state) {
            state.refresh(rules, state.advance(Lease.micros(clock.instant())));
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
    public void policy(CapacityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The number of open visits; for measurements. */
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
