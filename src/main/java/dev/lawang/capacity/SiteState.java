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
 * {@link #lastMicros} is also read without the lock, as a hint.
 */
final class SiteState {
    static final int ROLES = Role.COUNT;
    static final int EVERYONE = (1 << ROLES) - 1;
    static final int GUESTS = Role.GUEST.bit();
    static final int NONE = -1;

    final SiteId id;
    final int[] present = new int[ROLES];
    final long[] admitted = new long[ROLES];
    int limit = NONE;
    int limitMask = EVERYONE;
    int quota = NONE;
    int quotaMask = GUESTS;
    int percent = 100;
    long epoch;

    /** The latest clock reading seen at this site: the site's time never runs backwards. */
    volatile long lastMicros = Long.MIN_VALUE;
    private @Nullable CapacityPolicy rulesFrom;
    private @Nullable LocalDate day;
    private long dayEndMicros = Long.MIN_VALUE;
    private final Map<AgencyId, AgencyState> agencies = new HashMap<>();

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

    /**
     * Brings today's limits up to date with the policy and the day; a new day starts today's counts afresh. Policies
     * are compared by identity: a replaced policy is recomputed even if equal, which is cheap and always right.
     */
    @SuppressWarnings("ReferenceEquality")
    void refresh(CapacityPolicy policy, long now) {
        if (policy == rulesFrom && now < dayEndMicros) {
            return;
        }
        ZoneId zone = policy.zone(id);
        LocalDate today = Lease.instant(now).atZone(zone).toLocalDate();
        LocalDate current = day;
        if (current == null || today.isAfter(current)) {
            current = today;
            day = today;
            clear(admitted);
            for (AgencyState agency : agencies.values()) {
                clear(agency.admitted);
            }
        }
        dayEndMicros = Lease.micros(current.plusDays(1).atStartOfDay(zone).toInstant());
        percent = policy.levels(id).percentOn(current);
        Limit present = policy.sitePresentLimit(id);
        limit = present == null ? NONE : present.scaled(percent);
        limitMask = present == null ? EVERYONE : present.roleMask();
        Limit daily = policy.siteQuotaLimit(id);
        quota = daily == null ? NONE : daily.scaled(percent);
        quotaMask = daily == null ? GUESTS : daily.roleMask();
        rulesFrom = policy;
        epoch++;
    }

    /** Returns the agency's counts at this site, creating them; call {@link AgencyState#refresh} before use. */
    AgencyState agency(AgencyId agency) {
        AgencyState state = agencies.get(agency);
        if (state == null) {
            state = new AgencyState(agency, this);
            agencies.put(agency, state);
        }
        return state;
    }

    /** Returns the agency's counts at this site, or fresh ones that are not kept. */
    AgencyState agencyOrEmpty(AgencyId agency) {
        AgencyState state = agencies.get(agency);
        return state == null ? new AgencyState(agency, this) : state;
    }

    static long sum(int[] counts, int mask) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if ((mask & (1 << i)) != 0) {
                sum += counts[i];
            }
        }
        return sum;
    }

    static long sum(long[] counts, int mask) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if ((mask & (1 << i)) != 0) {
                sum += counts[i];
            }
        }
        return sum;
    }

    private static void clear(long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 0;
        }
    }

    Occupancy occupancy() {
        return occupancy(present, limit, limitMask, admitted, quota, quotaMask);
    }

    static Occupancy occupancy(int[] present, int limit, int limitMask, long[] admitted, int quota, int quotaMask) {
        Occupancy occupancy = Occupancy.of((int) sum(present, limitMask), sum(admitted, quotaMask));
        if (limit != NONE) {
            occupancy = occupancy.withLimit(limit);
        }
        if (quota != NONE) {
            occupancy = occupancy.withDailyQuota(quota);
        }
        return occupancy;
    }
}
