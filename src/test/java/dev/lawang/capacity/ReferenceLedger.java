package dev.lawang.capacity;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ledger rules written as plainly as possible, for comparison: one lock around everything, counts recomputed by
 * scanning the open visits, no caches. The contract suite checks real ledgers against it, and runs against it too.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class ReferenceLedger implements OccupancyLedger {
    /** An open stay; {@code quotaUntil}: for a LEASED stay, the end of the day its admission counted against. */
    private record Open(Ticket stay, VisitorRef visitor, long quotaUntil) {
    }

    private final Clock clock;
    private CapacityPolicy policy;
    private final Map<TicketId, Open> open = new LinkedHashMap<>();
    private final Map<VisitorRef, TicketId> byVisitor = new HashMap<>();
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

    private LocalDate rollDay(SiteId site, ZoneId zone, long now) {
        LocalDate today = Lease.instant(now).atZone(zone).toLocalDate();
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
                        && (mask & Limit.bit(s.role())) != 0)
                .count();
    }

    private long admitted(SiteId site, AgencyId agency, int mask) {
        Map<AgencyId, long[]> ofSite = admittedToday.getOrDefault(site, Map.of());
        long sum = 0;
        for (Map.Entry<AgencyId, long[]> e : ofSite.entrySet()) {
            if (agency == null || e.getKey().equals(agency)) {
                for (Role role : Role.values()) {
                    if ((mask & Limit.bit(role)) != 0) {
                        sum += e.getValue()[role.ordinal()];
                    }
                }
            }
        }
        return sum;
    }

    @Override
    public synchronized Admission admit(AdmitRequest request) {
        return admit(request, null);
    }

    @Override
    public synchronized Admission admitUntil(AdmitRequest request, Instant due) {
        return admit(request, Objects.requireNonNull(due, "due"));
    }

    private Admission admit(AdmitRequest request, @Nullable Instant askedDue) {
        Objects.requireNonNull(request, "request");
        Open same = open.get(request.ticket());
        if (same != null) {
            Ticket s = same.stay();
            if (!same.visitor().equals(request.visitor()) || !s.site().equals(request.site())
                    || !s.agency().equals(request.agency()) || s.role() != request.role()) {
                throw new IllegalArgumentException("ticket " + request.ticket() + " already open for another visitor");
            }
            return new Admitted(s, true, null);
        }
        SiteId site = request.site();
        TicketId previousId = byVisitor.get(request.visitor());
        Ticket previous = previousId == null ? null : open.get(previousId).stay();
        long now = moveTime(request);
        LocalDate day = rollDay(site, request.zone(), now);
        if (previous != null && previous.site().equals(site) && previous.agency().equals(request.agency())) {
            return new Admitted(previous, true, null);
        }
        int percent = percent(site, day);
        int bit = Limit.bit(request.role());
        Limit siteLimit = policy.sitePresentLimit(site);
        if (siteLimit != null && siteLimit.counts(request.role())) {
            long present = present(site, null, siteLimit.roleMask());
            boolean frees = previous != null && previous.site().equals(site) && siteLimit.counts(previous.role());
            if ((frees ? present - 1 : present) >= siteLimit.scaled(percent)) {
                return new Refused(Admission.Reason.SITE_FULL, present, siteLimit.scaled(percent));
            }
        }
        Limit agencyLimit = policy.agencyPresentLimit(site, request.agency());
        if (agencyLimit != null && agencyLimit.counts(request.role())) {
            long present = present(site, request.agency(), agencyLimit.roleMask());
            if (present >= agencyLimit.scaled(percent)) {
                return new Refused(Admission.Reason.AGENCY_FULL, present, agencyLimit.scaled(percent));
            }
        }
        Limit siteQuota = policy.siteQuotaLimit(site);
        if (siteQuota != null && (siteQuota.roleMask() & bit) != 0) {
            long admitted = admitted(site, null, siteQuota.roleMask());
            if (admitted >= siteQuota.scaled(percent)) {
                return new Refused(Admission.Reason.DAILY_QUOTA_REACHED, admitted, siteQuota.scaled(percent));
            }
        }
        Limit agencyQuota = policy.agencyQuotaLimit(site, request.agency());
        if (agencyQuota != null && (agencyQuota.roleMask() & bit) != 0) {
            long admitted = admitted(site, request.agency(), agencyQuota.roleMask());
            if (admitted >= agencyQuota.scaled(percent)) {
                return new Refused(Admission.Reason.DAILY_QUOTA_REACHED, admitted, agencyQuota.scaled(percent));
            }
        }
        long due = now + policy.defaultStay().toNanos() / 1_000;
        if (askedDue != null) {
            Instant start = Lease.instant(now);
            Instant latest = start.plus(CapacityPolicy.MAX_STAY);
            due = Lease.micros(askedDue.isBefore(start) ? start : askedDue.isAfter(latest) ? latest : askedDue);
        }
        Ticket stay = new Ticket(request.ticket(), site, request.agency(), request.role(), request.channel(),
                Lease.instant(now),
                Lease.instant(due));
        Departure moved = null;
        if (previous != null) {
            moved = close(previous.id(), now, Departure.Cause.MOVED);
        }
        long quotaUntil = request.channel() == EntryChannel.LEASED
                ? Lease.micros(day.plusDays(1).atStartOfDay(request.zone()).toInstant()) : Long.MIN_VALUE;
        open.put(request.ticket(), new Open(stay, request.visitor(), quotaUntil));
        byVisitor.put(request.visitor(), request.ticket());
        admittedToday.computeIfAbsent(site, s -> new HashMap<>())
                .computeIfAbsent(request.agency(), a -> new long[Role.values().length])[request.role().ordinal()]++;
        return new Admitted(stay, false, moved);
    }

    /** An admission that returns an outcome (not one rejected by an exception) moves the clocks of its sites. */
    private long moveTime(AdmitRequest request) {
        SiteId site = request.site();
        TicketId previousId = byVisitor.get(request.visitor());
        Ticket previous = previousId == null ? null : open.get(previousId).stay();
        long now = advance(site, clockMicros());
        if (previous != null && !previous.site().equals(site)) {
            now = advance(previous.site(), now);
            advance(site, now);
        }
        rollDay(site, request.zone(), now);
        return now;
    }

    private Departure close(TicketId ticket, long now, Departure.Cause cause) {
        Open o = open.remove(ticket);
        byVisitor.remove(o.visitor());
        long start = Lease.micros(o.stay().in());
        return new Departure(o.stay(), o.visitor(), Lease.instant(Math.max(now, start)), cause);
    }

    @Override
    public synchronized Optional<Departure> release(TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Open o = open.get(ticket);
        if (o == null) {
            return Optional.empty();
        }
        long now = advance(o.stay().site(), clockMicros());
        return Optional.of(close(ticket, now, Departure.Cause.RELEASED));
    }

    @Override
    public synchronized Optional<Departure> releaseUnused(TicketId ticket, ZoneId zone) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(zone, "zone");
        Open o = open.get(ticket);
        if (o == null) {
            return Optional.empty();
        }
        SiteId site = o.stay().site();
        long now = advance(site, clockMicros());
        LocalDate day = rollDay(site, zone, now);
        Departure departure = close(ticket, now, Departure.Cause.RELEASED);
        if (o.stay().in().atZone(zone).toLocalDate().equals(day)) {
            uncount(o.stay());
        }
        return Optional.of(departure);
    }

    /** Takes a stay's admission off its site's count for today. */
    private void uncount(Ticket stay) {
        long[] counts = admittedToday.getOrDefault(stay.site(), Map.of()).get(stay.agency());
        if (counts != null && counts[stay.role().ordinal()] > 0) {
            counts[stay.role().ordinal()]--;
        }
    }

    @Override
    public synchronized List<Departure> expire() {
        long clockNow = clockMicros();
        List<Departure> out = new ArrayList<>();
        for (Open o : List.copyOf(open.values())) {
            SiteId site = o.stay().site();
            if (Lease.micros(o.stay().due()) <= Math.max(clockNow, siteTime.get(site))) {
                long now = advance(site, clockNow);
                out.add(close(o.stay().id(), now, Departure.Cause.EXPIRED));
                if (now < o.quotaUntil()) {
                    uncount(o.stay());
                }
            }
        }
        return out;
    }

    @Override
    public synchronized List<Ticket> openStays(Instant startedBefore) {
        long before = Lease.micros(startedBefore);
        return open.values().stream().map(Open::stay).filter(s -> Lease.micros(s.in()) < before).toList();
    }

    @Override
    public synchronized Occupancy read(SiteId site, ZoneId zone) {
        return read(site, null, zone);
    }

    @Override
    public synchronized Occupancy read(SiteId site, AgencyId agency, ZoneId zone) {
        long now;
        LocalDate day;
        if (siteTime.containsKey(site)) {
            now = advance(site, clockMicros());
            day = rollDay(site, zone, now);
        } else {
            now = clockMicros();
            day = Lease.instant(now).atZone(zone).toLocalDate();
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
    public synchronized void replacePolicy(CapacityPolicy policy) {
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
