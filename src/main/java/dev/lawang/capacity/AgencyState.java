package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;

/**
 * The counts of one agency at one site in {@link InMemoryLedger}, with its limits in force today.
 *
 * <p>Mutable; guarded by the lock of its {@link SiteState}.
 */
final class AgencyState extends Counts {
    final AgencyId id;
    final SiteState site;
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
        limits(policy.agencyPresentLimit(site.id, id), policy.agencyQuotaLimit(site.id, id), site.percent);
        epoch = site.epoch;
    }
}
