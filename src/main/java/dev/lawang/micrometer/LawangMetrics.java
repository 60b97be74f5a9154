package dev.lawang.micrometer;

import dev.lawang.Gate;
import dev.lawang.GateEvent;
import dev.lawang.GateListener;
import dev.lawang.code.Verifier;
import dev.lawang.directory.SiteId;
import dev.lawang.jdbc.DatabaseUnavailableException;
import dev.lawang.jdbc.JdbcLedger;
import dev.lawang.jdbc.JdbcVisitLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Publishes what a gate does to a Micrometer {@link MeterRegistry}: a {@link GateListener} that counts and times the
 * gate's decisions and departures, and the binding of the gauges and function counters that read the gate, the
 * verifier and the PostgreSQL stores when the registry is scraped.
 *
 * <pre>{@code
 * LawangMetrics metrics = LawangMetrics.of(registry);
 * Gate gate = Gate.builder().directory(directory).verifier(verifier).ledger(ledger).listener(metrics).build();
 * metrics.bind(verifier).bind(ledger).bindOccupancy(gate, SiteId.of("setda-complex"));
 * }</pre>
 *
 * <p>Meters (docs/metrics.md has the full table):
 * <ul>
 *   <li>{@code lawang.decisions}, a counter tagged {@code outcome} ({@code admitted}, {@code repeat},
 *       {@code refused}), {@code reason} (the {@link dev.lawang.RefusalReason} constant's name, {@code none} unless
 *       refused) and {@code kind} ({@code check-in}, {@code walk-in});</li>
 *   <li>{@code lawang.decision.duration}, a timer of how long each decision took, tagged {@code outcome} and
 *       {@code kind};</li>
 *   <li>{@code lawang.departures}, a counter tagged {@code cause} ({@code check-out}, {@code moved} for a visit
 *       closed by a check-in elsewhere, {@code expiry});</li>
 *   <li>with {@link #bind(Verifier)}: {@code lawang.verifier.cache.gets}, function counters tagged {@code result}
 *       ({@code hit}, {@code miss});</li>
 *   <li>with {@link #bind(JdbcLedger)} and {@link #bind(JdbcVisitLog)}: {@code lawang.jdbc.retries}, function
 *       counters tagged {@code store} ({@code ledger}, {@code visit-log});</li>
 *   <li>with {@link #bindOccupancy}: the gauges {@code lawang.site.present}, {@code lawang.site.present.limit},
 *       {@code lawang.site.admitted.today} and {@code lawang.site.quota.remaining}, tagged {@code site}.</li>
 * </ul>
 * The event meters appear with their first event. No tag ever carries a visitor's pseudonym, a ticket id, a code
 * text, a position or a health status; the site id appears only on the gauges of the sites the host names.
 *
 * <p>Costs: an event costs an array read, a counter increment and a timer record, and never throws into the gate. A
 * function counter reads a number the verifier or the store keeps anyway. Each occupancy gauge reads the gate when the
 * registry asks for its value: on a {@link JdbcLedger} that is one query per gauge, four per site and scrape, which is
 * why sites are named one by one.
 *
 * <p>Micrometer is an optional dependency of Lawang: only this package uses it, and the rest of the library runs
 * without it. Like Micrometer's own binders, the function counters and gauges hold the object they read weakly:
 * they read what the host keeps (a gate keeps its verifier and stores), and once it is collected the counters keep
 * their last value and the gauges read NaN.
 *
 * <p>Thread-safe. Binding is meant for start-up; each function counter and gauge can be bound once per registry, by
 * any {@code LawangMetrics}, and a second binding throws instead of being silently ignored. Two {@code LawangMetrics}
 * on one registry add their events up in the same counters and timers, and so does one listener given to a gate twice.
 */
public final class LawangMetrics implements GateListener {
    static final String CACHE_GETS = "lawang.verifier.cache.gets";
    static final String RETRIES = "lawang.jdbc.retries";
    static final String RESULT = "result";
    static final String STORE = "store";

    private final MeterRegistry registry;
    private final EventMeters events;

    private LawangMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.events = new EventMeters(registry);
    }

    /**
     * Returns a listener that publishes to a registry; give it to {@link Gate.Builder#listener}.
     *
     * @param registry the registry, not null
     * @return the metrics, with nothing bound yet
     */
    // Not requires transitive: a host that publishes metrics made the registry and requires micrometer.core itself,
    // and the JDK warns on a transitive requirement of an automatic module.
    @SuppressWarnings("exports")
    public static LawangMetrics of(MeterRegistry registry) {
        return new LawangMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Counts the event in {@code lawang.decisions} and {@code lawang.decision.duration}, or in
     * {@code lawang.departures}. Called by the gate; a registry that refuses a meter is logged once and the event
     * goes uncounted.
     *
     * @param event the event, not null
     */
    @Override
    public void onEvent(GateEvent event) {
        events.record(Objects.requireNonNull(event, "event"));
    }

    /**
     * Binds the verify cache counters {@code lawang.verifier.cache.gets}, {@code result=hit} and {@code result=miss},
     * to {@link Verifier#cacheHits()} and {@link Verifier#cacheMisses()}. Verifiers made by
     * {@link Verifier#withTrustList} share the cache and its counts; bind one of them.
     *
     * @param verifier the gate's verifier, not null
     * @return this
     * @throws IllegalStateException if the registry already has verify cache counters
     */
    public synchronized LawangMetrics bind(Verifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        unbound(CACHE_GETS, RESULT, "hit");
        FunctionCounter.builder(CACHE_GETS, verifier, Verifier::cacheHits).tag(RESULT, "hit")
                .description("Scans whose code text was in the verified-text cache").register(registry);
        FunctionCounter.builder(CACHE_GETS, verifier, Verifier::cacheMisses).tag(RESULT, "miss")
                .description("Scans that verified a signature because their text was not cached").register(registry);
        return this;
    }

    /**
     * Binds {@code lawang.jdbc.retries}, {@code store=ledger}, to {@link JdbcLedger#retries()}, and, for a ledger
     * that keeps the visit log itself ({@link JdbcLedger#of}), {@code store=visit-log} to that log's
     * {@link JdbcVisitLog#retries()}.
     *
     * @param ledger the gate's ledger, not null
     * @return this
     * @throws IllegalStateException if the registry already has either counter
     */
    public synchronized LawangMetrics bind(JdbcLedger ledger) {
        Objects.requireNonNull(ledger, "ledger");
        Optional<JdbcVisitLog> kept = ledger.visitLog().filter(JdbcVisitLog.class::isInstance)
                .map(JdbcVisitLog.class::cast);
        unbound(RETRIES, STORE, "ledger");
        if (kept.isPresent()) {
            unbound(RETRIES, STORE, "visit-log");
        }
        retries(ledger, JdbcLedger::retries, "ledger");
        kept.ifPresent(log -> retries(log, JdbcVisitLog::retries, "visit-log"));
        return this;
    }

    /**
     * Binds {@code lawang.jdbc.retries}, {@code store=visit-log}, to {@link JdbcVisitLog#retries()}: for a visit log
     * kept apart from the ledger ({@link JdbcLedger#countsOnly}). A ledger made by {@link JdbcLedger#of} brings its
     * own, which {@link #bind(JdbcLedger)} binds.
     *
     * @param visitLog the gate's visit log, not null
     * @return this
     * @throws IllegalStateException if the registry already has that counter
     */
    public synchronized LawangMetrics bind(JdbcVisitLog visitLog) {
        Objects.requireNonNull(visitLog, "visitLog");
        unbound(RETRIES, STORE, "visit-log");
        retries(visitLog, JdbcVisitLog::retries, "visit-log");
        return this;
    }

    /**
     * Binds the occupancy gauges of the named sites, each tagged with the site's id: {@code lawang.site.present}
     * ({@link dev.lawang.capacity.Occupancy#present()}), {@code lawang.site.present.limit} (the effective limit, NaN
     * without one), {@code lawang.site.admitted.today} and {@code lawang.site.quota.remaining} (the daily quota less
     * the admissions today, never below 0; NaN without a quota). Each gauge reads {@link Gate#occupancy(SiteId)}
     * whenever the registry asks for its value, a query on PostgreSQL; a read that fails reads NaN.
     *
     * <p>Every site is checked before any gauge is bound: each is read once, which must not find it missing from the
     * gate's directory; a database that cannot be reached at that moment does not stop the binding.
     *
     * @param gate the gate, not null
     * @param sites the sites, at least one, each once and in the gate's directory
     * @return this
     * @throws IllegalArgumentException if no site is given, a site is given twice, or a site is not in the gate's
     *     directory
     * @throws IllegalStateException if the registry already has gauges for one of the sites
     */
    public synchronized LawangMetrics bindOccupancy(Gate gate, SiteId... sites) {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(sites, "sites");
        if (sites.length == 0) {
            throw new IllegalArgumentException("name at least one site whose occupancy to publish");
        }
        Set<SiteId> named = new LinkedHashSet<>();
        for (SiteId site : sites) {
            Objects.requireNonNull(site, "site");
            if (!named.add(site)) {
                throw new IllegalArgumentException("site named twice: " + site);
            }
        }
        for (SiteId site : named) {
            if (registry.find(OccupancyGauges.PRESENT).tag(OccupancyGauges.SITE, site.value()).meter() != null) {
                throw new IllegalStateException("the occupancy of site " + site + " is already bound in this registry");
            }
            try {
                gate.occupancy(site);
            } catch (DatabaseUnavailableException unreachable) {
                // the gate found the site in its directory before it asked the database
            }
        }
        for (SiteId site : named) {
            OccupancyGauges.register(registry, gate, site);
        }
        return this;
    }

    private void unbound(String name, String key, String value) {
        if (registry.find(name).tag(key, value).meter() != null) {
            throw new IllegalStateException(name + " " + key + "=" + value + " is already bound in this registry");
        }
    }

    private <T> void retries(T store, ToDoubleFunction<T> count, String tag) {
        FunctionCounter.builder(RETRIES, store, count).tag(STORE, tag)
                .description("Calls to the database repeated after a transient failure").register(registry);
    }
}
