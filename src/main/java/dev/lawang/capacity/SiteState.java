package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The counts of one site in {@link InMemoryLedger}, with the limits in force today cached until the local day ends
 * or the policy changes, so that an admission needs no time-zone arithmetic.
 *
 * <p>Mutable; every field but {@link #id} is guarded by this object's monitor, which is the site's lock.
 */
final class SiteState extends Counts {
    final SiteId id;
    int percent = 100;
    long epoch;

    /**
     * The latest clock reading seen at this site: the site's time never runs backwards. Written under the lock;
     * {@link InMemoryLedger#expire()} also reads it without the lock to pick candidates, and checks again under the
     * lock, so a stale read costs nothing but a candidate missed until the next call.
     */
    long lastMicros = Long.MIN_VALUE;
    private @Nullable CapacityPolicy rulesFrom;
    private @Nullable ZoneId zoneFrom;
    private @Nullable LocalDate day;
    private long dayEndMicros = Long.MIN_VALUE;
    private final Map<AgencyId, AgencyState> agencies = new HashMap<>();
    /** The agency of the latest admission: most sites serve one agency, or one at a time. */
    private @Nullable AgencyState lastAgency;

    SiteState(SiteId id) {
        this.id = id;
    }

    /** The site's time if the clock reads {@code clockMicros}, without moving it. */
    long timeAt(long clockMicros) {
        return Math.max(lastMicros, clockMicros);
    }

    /** Moves the site's time to a clock reading, unless it already is later, and returns the site's time. */
    long advance(long clockMicros) {
        long last = lastMicros;
        if (clockMicros > last) {
            lastMicros = clockMicros;
            return clockMicros;
        }
        return last;
    }

    /** {@link #unadmitIfToday(CapacityPolicy, Lease, long, ZoneId)} in the zone of the site's latest refresh. */
    void unadmitIfToday(CapacityPolicy policy, Lease stay, long now) {
        ZoneId zone = zoneFrom;
        if (zone != null) {
            unadmitIfToday(policy, stay, now, zone);
        }
    }

    /**
     * Takes a stay's admission off today's counts, as a place never used, if it counted today in {@code zone}; the
     * day is brought up to date first (a day that ended starts the next). The caller holds the site's lock.
     */
    void unadmitIfToday(CapacityPolicy policy, Lease stay, long now, ZoneId zone) {
        refresh(policy, zone, now);
        if (countsToday(stay.startMicros, zone)) {
            unadmit(stay.role);
            stay.agency.unadmit(stay.role);
        }
    }

    /** Whether an instant falls on the local day the site counts admissions for, in {@code zone}. */
    boolean countsToday(long micros, ZoneId zone) {
        return day != null && Lease.instant(micros).atZone(zone).toLocalDate().equals(day);
    }

    /**
     * Brings today's limits up to date with the policy, the site's zone and the day; a new day starts today's counts
     * afresh. Policies are compared by identity: a replaced policy is recomputed even if equal, which is cheap and
     * always right. A zone that changed (the directory was replaced) moves the day's end; the day itself never rolls
     * back.
     */
    @SuppressWarnings("ReferenceEquality")
    void refresh(CapacityPolicy policy, ZoneId zone, long now) {
        if (policy == rulesFrom && now < dayEndMicros && (zone == zoneFrom || zone.equals(zoneFrom))) {
            return;
        }
        LocalDate today = Lease.instant(now).atZone(zone).toLocalDate();
        LocalDate current = day;
        if (current == null || today.isAfter(current)) {
            current = today;
            day = today;
            startDay();
            for (AgencyState agency : agencies.values()) {
                agency.startDay();
            }
        }
        dayEndMicros = Lease.micros(current.plusDays(1).atStartOfDay(zone).toInstant());
        percent = policy.levels(id).percentOn(current);
        limits(policy.sitePresentLimit(id), policy.siteQuotaLimit(id), percent);
        rulesFrom = policy;
        zoneFrom = zone;
        epoch++;
    }

    /** Returns the agency's counts at this site, creating them; call {@link AgencyState#refresh} before use. */
    AgencyState agency(AgencyId agency) {
        AgencyState last = lastAgency;
        if (last != null && last.id.equals(agency)) {
            return last;
        }
        AgencyState state = agencies.get(agency);
        if (state == null) {
            state = new AgencyState(agency, this);
            agencies.put(agency, state);
        }
        lastAgency = state;
        return state;
    }

    /** Returns the agency's counts at this site, or fresh ones that are not kept. */
    AgencyState agencyOrEmpty(AgencyId agency) {
        AgencyState state = agencies.get(agency);
        return state == null ? new AgencyState(agency, this) : state;
    }
}
