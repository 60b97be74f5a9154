package dev.lawang.micrometer;

import dev.lawang.Gate;
import dev.lawang.capacity.Occupancy;
import dev.lawang.directory.SiteId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four gauges of one site, each reading {@link Gate#occupancy(SiteId)} when the registry asks for its value.
 *
 * <p>The gauges hold the gate weakly, as Micrometer's gauges do by default: a gate that is no longer used can be
 * collected, and its gauges then read NaN. A read that fails (a database that cannot be reached) reads NaN too rather
 * than failing the scrape; the first failure after a good read is logged at WARN, the rest at DEBUG. Thread-safe.
 */
final class OccupancyGauges {
    static final String PRESENT = "lawang.site.present";
    static final String LIMIT = "lawang.site.present.limit";
    static final String ADMITTED_TODAY = "lawang.site.admitted.today";
    static final String QUOTA_REMAINING = "lawang.site.quota.remaining";
    static final String SITE = "site";

    private static final Logger LOG = LoggerFactory.getLogger(OccupancyGauges.class);

    private final SiteId site;
    private final AtomicBoolean failing = new AtomicBoolean();

    private OccupancyGauges(SiteId site) {
        this.site = site;
    }

    static void register(MeterRegistry registry, Gate gate, SiteId site) {
        OccupancyGauges gauges = new OccupancyGauges(site);
        gauges.gauge(registry, gate, PRESENT, "People present at the site, of the roles its limit counts",
                o -> o.present());
        gauges.gauge(registry, gate, LIMIT, "The site's effective limit on people present; NaN without a limit",
                o -> orNaN(o.limit()));
        gauges.gauge(registry, gate, ADMITTED_TODAY,
                "Admissions since the start of the site's local day, of the roles its daily quota counts",
                o -> o.admittedToday());
        gauges.gauge(registry, gate, QUOTA_REMAINING,
                "Admissions left in the site's daily quota today; NaN without a quota", OccupancyGauges::remaining);
    }

    /** The function holds the site, never the gate, so that the gauge's weak reference is the only one. */
    private void gauge(MeterRegistry registry, Gate gate, String name, String description,
            ToDoubleFunction<Occupancy> value) {
        Gauge.builder(name, gate, g -> read(g, value)).tag(SITE, site.value()).description(description)
                .register(registry);
    }

    private double read(Gate gate, ToDoubleFunction<Occupancy> value) {
        Occupancy occupancy;
        try {
            occupancy = gate.occupancy(site);
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("reading the occupancy of site {} failed; its gauges read NaN until a read works", site, e);
            } else {
                LOG.debug("reading the occupancy of site {} failed again", site, e);
            }
            return Double.NaN;
        }
        failing.set(false);
        return value.applyAsDouble(occupancy);
    }

    private static double orNaN(OptionalInt limit) {
        return limit.isPresent() ? limit.getAsInt() : Double.NaN;
    }

    private static double remaining(Occupancy occupancy) {
        OptionalInt quota = occupancy.dailyQuota();
        return quota.isPresent() ? Math.max(0, quota.getAsInt() - occupancy.admittedToday()) : Double.NaN;
    }
}
