package dev.lawang.capacity;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger rules written as plainly as possible, for comparison: one lock around everything, counts recomputed by
 * scanning the open visits, no caches. The contract suite checks real ledgers against it, and runs against it too.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class ReferenceLedger implements OccupancyLedger {
    private record Open(Stay stay, String visitorKey) {
    }

    private final Clock clock;
    private CapacityPolicy policy;
    private final Map<UUID, Open> open = new LinkedHashMap<>();
    private final Map<String, UUID> byVisitor = new HashMap<>();
    private final Map<SiteId, Long> siteTime = new HashMap<>();
    private final Map<SiteId, LocalDate> siteDay = new HashMap<>();
    private final Map<SiteId, Map<AgencyId, long[]>> admittedToday = new HashMap<>();

    /**
     * Creates an empty ledger.
     *
     * @param policy the policy
     * @param clock the clock
     */
    public ReferenceLedger(CapacityPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private long clockMicros() {
        return Lease.micros(clock.instant());
    }

    private long advance(SiteId site, long micros) {
        long now = Math.max(siteTime.getOrDefault(site, Long.MIN_VALUE), micros);
        siteTime.put(site, now);
        return now;
    }

    private LocalDate rollDay(SiteId site, long now) {
        LocalDate today = Lease.instant(now).atZone(policy.zone(site)).toLocalDate();
        LocalDate day = siteDay.get(site);
        if (day == null || today.isAfter(day)) {
            siteDay.put(site, today);
            admittedToday.remove(site);
            return today;
        }
        return day;
    }

    private int percent(SiteId site, LocalDate day) {
        return policy.levels(site).percentOn(day);
    }

    private long present(SiteId site, AgencyId agency, int mask) {
        return open.values().stream().map(Open::stay)
                .filter(s -> s.site().equals(site) && (agency == null || s.agency().equals(agency))
                        && (mask & s.role().bit()) != 0)
                .count();
    }

    private long admitted(SiteId site, AgencyId agency, int mask) {
        Map<AgencyId, long[]> ofSite = admittedToday.getOrDefault(site, Map.of());
        long sum = 0;
        for (Map.Entry<AgencyId, long[]> e : ofSite.entrySet()) {
            if (agency == null || e.getKey().equals(agency)) {
                for (Role role : Role.values()) {
                    if ((mask & role.bit()) != 0) {
                        sum += e.getValue()[role.ordinal()];
                    }
                }
            }
        }
        return sum;
    }

    @Override
    public synchronized Admission admit(AdmitRequest request) {
        Objects.requireNonNull(request, "request");
        Open same = open.get(request.visitId());
        if (same != null) {
            Stay s = same.stay();
            if (!same.visitorKey().equals(request.visitorKey()) || !s.site().equals(request.site())
                    || !s.agency().equals(request.agency()) || s.role() != request.role()) {
                throw new IllegalArgumentException("visit id " + request.visitId() + " already open for another visitor");
            }
            return new Admitted(s, true, null);
        }
        SiteId site = request.site();
        UUID previousId = byVisitor.get(request.visitorKey());
        Stay previous = previousId == null ? null : open.get(previousId).stay();
        long now = moveTime(request);
        LocalDate day = rollDay(site, now);
        if (previous != null && previous.site().equals(site) && previous.agency().equals(request.agency())) {
            return new Admitted(previous, true, null);
        }
        int percent = percent(site, day);
        int bit = request.role().bit();
        Limit siteLimit = policy.sitePresentLimit(site);
        if (siteLimit != null && siteLimit.counts(request.role())) {
            long present = present(site, null, siteLimit.roleMask());
            boolean frees = previous != null && previous.site().equals(site) && siteLimit.counts(previous.role());
            if ((frees ? present - 1 : present) >= siteLimit.scaled(percent)) {
                return new Refused(CapacityRefusal.SITE_FULL, present, siteLimit.scaled(percent));
            }
        }
        Limit agencyLimit = policy.agencyPresentLimit(site, request.agency());
        if (agencyLimit != null && agencyLimit.counts(request.role())) {
            long present = present(site, request.agency(), agencyLimit.roleMask());
            if (present >= agencyLimit.scaled(percent)) {
                return new Refused(CapacityRefusal.AGENCY_FULL, present, agencyLimit.scaled(percent));
            }
        }
        Limit siteQuota = policy.siteQuotaLimit(site);
        if (siteQuota != null && (siteQuota.roleMask() & bit) != 0) {
            long admitted = admitted(site, null, siteQuota.roleMask());
            if (admitted >= siteQuota.scaled(percent)) {
                return new Refused(CapacityRefusal.DAILY_QUOTA_REACHED, admitted, siteQuota.scaled(percent));
            }
        }
        Limit agencyQuota = policy.agencyQuotaLimit(site, request.agency());
        if (agencyQuota != null && (agencyQuota.roleMask() & bit) != 0) {
            long admitted = admitted(site, request.agency(), agencyQuota.roleMask());
            if (admitted >= agencyQuota.scaled(percent)) {
                return new Refused(CapacityRefusal.DAILY_QUOTA_REACHED, admitted, agencyQuota.scaled(percent));
            }
        }
        long due = now + policy.defaultStay().toNanos() / 1_000;
        Stay stay = new Stay(request.visitId(), site, request.agency(), request.role(), Lease.instant(now),
                Lease.instant(due));
        Departure moved = null;
        if (previous != null) {
            moved = close(previous.visitId(), now, Departure.Cause.MOVED);
        }
        open.put(request.visitId(), new Open(stay, request.visitorKey()));
        byVisitor.put(request.visitorKey(), request.visitId());
        admittedToday.computeIfAbsent(site, s -> new HashMap<>())
                .computeIfAbsent(request.agency(), a -> new long[Role.values().length])[request.role().ordinal()]++;
        return new Admitted(stay, false, moved);
    }

    /** An admission that returns an outcome (not one rejected by an exception) moves the clocks of its sites. */
    private long moveTime(AdmitRequest request) {
        SiteId site = request.site();
        UUID previousId = byVisitor.get(request.visitorKey());
        Stay previous = previousId == null ? null : open.get(previousId).stay();
        long now = advance(site, clockMicros());
        if (previous != null && !previous.site().equals(site)) {
            now = advance(previous.site(), now);
            advance(site, now);
        }
        rollDay(site, now);
        return now;
    }

    private Departure close(UUID visitId, long now, Departure.Cause cause) {
        Open o = open.remove(visitId);
        byVisitor.remove(o.visitorKey());
        long start = Lease.micros(o.stay().start());
        return new Departure(o.stay(), Lease.instant(Math.max(now, start)), cause);
    }

    @Override
    public synchronized Optional<Departure> release(UUID visitId) {
        Objects.requireNonNull(visitId, "visitId");
        Open o = open.get(visitId);
        if (o == null) {
            return Optional.empty();
        }
        long now = advance(o.stay().site(), clockMicros());
        return Optional.of(close(visitId, now, Departure.Cause.RELEASED));
    }

    @Override
    public synchronized List<Departure> expire() {
        long clockNow = clockMicros();
        List<Departure> out = new ArrayList<>();
        for (Open o : List.copyOf(open.values())) {
            SiteId site = o.stay().site();
            if (Lease.micros(o.stay().due()) <= Math.max(clockNow, siteTime.get(site))) {
                out.add(close(o.stay().visitId(), advance(site, clockNow), Departure.Cause.EXPIRED));
            }
        }
        return out;
    }

    @Override
    public synchronized Occupancy read(SiteId site) {
        return read(site, null);
    }

    @Override
    public synchronized Occupancy read(SiteId site, AgencyId agency) {
        long now;
        LocalDate day;
        if (siteTime.containsKey(site)) {
            now = advance(site, clockMicros());
            day = rollDay(site, now);
        } else {
            now = clockMicros();
            day = Lease.instant(now).atZone(policy.zone(site)).toLocalDate();
        }
        int percent = percent(site, day);
        Limit limit = agency == null ? policy.sitePresentLimit(site) : policy.agencyPresentLimit(site, agency);
        Limit quota = agency == null ? policy.siteQuotaLimit(site) : policy.agencyQuotaLimit(site, agency);
        int limitMask = limit == null ? SiteState.EVERYONE : limit.roleMask();
        int quotaMask = quota == null ? SiteState.GUESTS : quota.roleMask();
        Occupancy o = Occupancy.of((int) present(site, agency, limitMask), admitted(site, agency, quotaMask));
        if (limit != null) {
            o = o.withLimit(limit.scaled(percent));
        }
        if (quota != null) {
            o = o.withDailyQuota(quota.scaled(percent));
        }
        return o;
    }

    @Override
    public synchronized CapacityPolicy policy() {
        return policy;
    }

    @Override
    public synchronized void policy(CapacityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Returns the instant as this ledger records it.
     *
     * @param instant an instant
     * @return the instant truncated to microseconds
     */
    static Instant truncated(Instant instant) {
        return Lease.instant(Lease.micros(instant));
    }
}
