package dev.lawang.micrometer;

import dev.lawang.GateEvent;
import dev.lawang.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopTimer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters and timers fed by gate events, each registered with its first event and then kept in a slot made in
 * advance, so that an event costs a field read and an increment: no tag list, no meter id and no registry lookup.
 *
 * <p>A registration the registry refuses (a meter of another type under the same name, a registry that wants other
 * tag keys) is logged once at WARN and the slot keeps a no-op meter: the gate is never disturbed. Thread-safe; two
 * threads that fill one slot at once get the same meter from the registry.
 */
final class EventMeters {
    static final String DECISIONS = "lawang.decisions";
    static final String DECISION_DURATION = "lawang.decision.duration";
    static final String DEPARTURES = "lawang.departures";

    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String KIND = "kind";
    static final String CAUSE = "cause";

    private static final Logger LOG = LoggerFactory.getLogger(EventMeters.class);
    private static final String DECISIONS_DESCRIPTION = "Check-ins and walk-ins the gate decided";
    private static final String DURATION_DESCRIPTION = "How long the gate took to decide, from the call to the decision";
    private static final String DEPARTURES_DESCRIPTION =
            "Visits closed by a check-out, a check-in elsewhere or an expired stay";

    private final KindMeters checkIns;
    private final KindMeters walkIns;
    private final Slot<Counter> checkOuts;
    private final Slot<Counter> moves;
    private final Slot<Counter> expiries;

    EventMeters(MeterRegistry registry) {
        this.checkIns = new KindMeters(registry, "check-in");
        this.walkIns = new KindMeters(registry, "walk-in");
        this.checkOuts = departures(registry, "check-out");
        this.moves = departures(registry, "moved");
        this.expiries = departures(registry, "expiry");
    }

    void record(GateEvent event) {
        if (event instanceof GateEvent.Admitted admitted) {
            KindMeters kind = admitted.walkIn() ? walkIns : checkIns;
            if (admitted.repeat()) {
                kind.repeat.get().increment();
                kind.repeatDuration.get().record(admitted.took());
            } else {
                kind.admitted.get().increment();
                kind.admittedDuration.get().record(admitted.took());
            }
        } else if (event instanceof GateEvent.Refused refused) {
            KindMeters kind = refused.walkIn() ? walkIns : checkIns;
            Slot<Counter> counter = kind.refused.get(refused.reason());
            if (counter != null) {
                counter.get().increment();
            }
            kind.refusedDuration.get().record(refused.took());
        } else if (event instanceof GateEvent.CheckedOut checkedOut) {
            (checkedOut.moved() ? moves : checkOuts).get().increment();
        } else if (event instanceof GateEvent.Expired) {
            expiries.get().increment();
        }
    }

    private static Slot<Counter> departures(MeterRegistry registry, String cause) {
        return counter(registry, DEPARTURES, Tags.of(CAUSE, cause), DEPARTURES_DESCRIPTION);
    }

    private static Slot<Counter> counter(MeterRegistry registry, String name, Tags tags, String description) {
        return new Slot<>(() -> {
            try {
                return Counter.builder(name).tags(tags).description(description).register(registry);
            } catch (RuntimeException e) {
                refused(name, e);
                return new NoopCounter(new Meter.Id(name, tags, null, description, Meter.Type.COUNTER));
            }
        });
    }

    private static Slot<Timer> timer(MeterRegistry registry, Tags tags) {
        return new Slot<>(() -> {
            try {
                return Timer.builder(DECISION_DURATION).tags(tags).description(DURATION_DESCRIPTION)
                        .register(registry);
            } catch (RuntimeException e) {
                refused(DECISION_DURATION, e);
                return new NoopTimer(new Meter.Id(DECISION_DURATION, tags, null, DURATION_DESCRIPTION,
                        Meter.Type.TIMER));
            }
        });
    }

    private static void refused(String name, RuntimeException e) {
        LOG.warn("the meter registry refused the meter {}; these events go uncounted", name, e);
    }

    /** The decision meters of one kind, check-ins or walk-ins. */
    private static final class KindMeters {
        final Slot<Counter> admitted;
        final Slot<Counter> repeat;
        /** Filled for every reason here and only read afterwards, so it is safe to share between threads. */
        final Map<RefusalReason, Slot<Counter>> refused = new EnumMap<>(RefusalReason.class);
        final Slot<Timer> admittedDuration;
        final Slot<Timer> repeatDuration;
        final Slot<Timer> refusedDuration;

        KindMeters(MeterRegistry registry, String kind) {
            admitted = counter(registry, DECISIONS, Tags.of(OUTCOME, "admitted", REASON, "none", KIND, kind),
                    DECISIONS_DESCRIPTION);
            repeat = counter(registry, DECISIONS, Tags.of(OUTCOME, "repeat", REASON, "none", KIND, kind),
                    DECISIONS_DESCRIPTION);
            for (RefusalReason reason : RefusalReason.values()) {
                refused.put(reason, counter(registry, DECISIONS,
                        Tags.of(OUTCOME, "refused", REASON, reason.name(), KIND, kind), DECISIONS_DESCRIPTION));
            }
            admittedDuration = timer(registry, Tags.of(OUTCOME, "admitted", KIND, kind));
            repeatDuration = timer(registry, Tags.of(OUTCOME, "repeat", KIND, kind));
            refusedDuration = timer(registry, Tags.of(OUTCOME, "refused", KIND, kind));
        }
    }

    /**
     * One meter, registered on first use. Two threads that register it at once get the same meter from the registry
     * (or two no-op meters), so the race is harmless.
     */
    private static final class Slot<M> {
        private final Supplier<M> registration;
        private volatile @Nullable M meter;

        Slot(Supplier<M> registration) {
            this.registration = registration;
        }

        M get() {
            M m = meter;
            if (m == null) {
                m = registration.get();
                meter = m;
            }
            return m;
        }
    }
}
