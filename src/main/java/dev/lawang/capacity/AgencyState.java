package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;

/**
 * The counts of one agency at one site in {@link InMemoryLedger}, with its limits in force today.
 *
 * <p>Mutable; guarded by the lock of its {@link SiteState}.
 */
final class AgencyState {
    final AgencyId id;
    final SiteState site;
    final int[] present = new int[SiteState.ROLES];
    final long[] admitted = new long[SiteState.ROLES];
    int limit = SiteState.NONE;
    int limitMask = SiteState.EVERYONE;
    int quota = SiteState.NONE;
    int quotaMask = SiteState.GUESTS;
    private long epoch = -1;

    AgencyState(AgencyId id, SiteState site) {
        this.id = id;
        this.site = site;
    }

    /** Brings the limits up to date with the site's; call after {@link SiteState#refresh}. */
    void refresh(CapacityPolicy policy) {
        if (epoch == site.epoch) {
            return;
        }
        Limit present = policy.agencyPresentLimit(site.id, id);
        limit = present == null ? SiteState.NONE : present.scaled(site.percent);
        limitMask = present == null ? SiteState.EVERYONE : present.roleMask();
        Limit daily = policy.agencyQuotaLimit(site.id, id);
        quota = daily == null ? SiteState.NONE : daily.scaled(site.percent);
        quotaMask = daily == null ? SiteState.GUESTS : daily.roleMask();
        epoch = site.epoch;
    }

    Occupancy occupancy() {
        return SiteState.occupancy(present, limit, limitMask, admitted, quota, quotaMask);
    }
}
