package dev.lawang.micrometer;

import static dev.lawang.micrometer.MetricsWorld.BAPPEDA;
import static dev.lawang.micrometer.MetricsWorld.DISKOMINFO;
import static dev.lawang.micrometer.MetricsWorld.DUKCAPIL_OFFICE;
import static dev.lawang.micrometer.MetricsWorld.FAR_AWAY;
import static dev.lawang.micrometer.MetricsWorld.SETDA;
import static dev.lawang.micrometer.MetricsWorld.SETDA_CENTRE;
import static dev.lawang.micrometer.MetricsWorld.ticket;
import static dev.lawang.micrometer.MetricsWorld.visitor;
import static dev.lawang.micrometer.MetricsWorld.walkIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.GateEvent;
import dev.lawang.RefusalReason;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.visit.Ticket;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LawangMetricsTest {
    private final MetricsWorld world = new MetricsWorld();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LawangMetrics metrics = LawangMetrics.of(registry);
    private final List<GateEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Gate gate = world.gate().policy(MetricsWorld.policy()).listener(metrics).listener(events::add)
            .build();
    /** Every ticket the script was given. */
    private final List<Ticket> tickets = new ArrayList<>();

    /**
     * Check-ins, refusals, walk-ins, check-outs, a move and expiries, each step's effect on the meters written
     * beside it. The Setda complex holds 2 people; the civil registry takes 2 guests a day.
     */
    private void script() {
        admitted(gate.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE)), false); // check-in; cache miss
        admitted(gate.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE)), true); // repeat; cache hit
        refused(gate.checkIn(world.scan(world.forgedText, 2, DISKOMINFO, SETDA_CENTRE)),
                RefusalReason.UNKNOWN_KEY); // no signature checked: neither hit nor miss
        refused(gate.checkIn(world.scan(3, DISKOMINFO, FAR_AWAY)), RefusalReason.OUTSIDE_GEOFENCE); // cache hit
        Ticket second = admitted(gate.checkIn(world.scan(2, BAPPEDA, SETDA_CENTRE)), false); // cache hit; 2 present
        refused(gate.checkIn(world.scan(4, DISKOMINFO, SETDA_CENTRE)), RefusalReason.SITE_FULL); // cache hit
        admitted(gate.walkIn(walkIn(5, true)), false); // walk-in; 1 guest today at the registry
        refused(gate.walkIn(walkIn(6, false)), RefusalReason.SCREENING_FAILED); // no mask
        assertThat(gate.checkOut(tickets.get(0).id())).isPresent(); // departure: check-out
        admitted(gate.walkIn(walkIn(2, true)), false); // walk-in; visitor 2 leaves Setda: departure moved
        refused(gate.walkIn(walkIn(7, true)), RefusalReason.DAILY_QUOTA_REACHED); // the registry's 2 guests are in
        world.clock.advance(Duration.ofHours(9)); // past the 8-hour stay, still the same day in Sragen
        assertThat(gate.expireStays()).isEqualTo(2); // departures: two expiries, visitors 5 and 2
        assertThat(second.site()).isEqualTo(SETDA);
    }

    private Ticket admitted(Decision decision, boolean repeat) {
        assertThat(decision).isInstanceOf(Decision.Admitted.class);
        assertThat(((Decision.Admitted) decision).repeat()).isEqualTo(repeat);
        Ticket ticket = ticket(decision);
        tickets.add(ticket);
        return ticket;
    }

    private static void refused(Decision decision, RefusalReason reason) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) decision).reason()).isEqualTo(reason);
    }

    @Test
    void aScriptedDay_publishesExactlyTheseMeters() {
        metrics.bind(world.verifier).bindOccupancy(gate, SETDA, DUKCAPIL_OFFICE);

        script();

        assertThat(MeterList.of(registry)).containsExactly(
                "counter lawang.decisions{kind=check-in,outcome=admitted,reason=none} 2",
                "counter lawang.decisions{kind=check-in,outcome=refused,reason=OUTSIDE_GEOFENCE} 1",
                "counter lawang.decisions{kind=check-in,outcome=refused,reason=SITE_FULL} 1",
                "counter lawang.decisions{kind=check-in,outcome=refused,reason=UNKNOWN_KEY} 1",
                "counter lawang.decisions{kind=check-in,outcome=repeat,reason=none} 1",
                "counter lawang.decisions{kind=walk-in,outcome=admitted,reason=none} 2",
                "counter lawang.decisions{kind=walk-in,outcome=refused,reason=DAILY_QUOTA_REACHED} 1",
                "counter lawang.decisions{kind=walk-in,outcome=refused,reason=SCREENING_FAILED} 1",
                "counter lawang.departures{cause=check-out} 1",
                "counter lawang.departures{cause=expiry} 2",
                "counter lawang.departures{cause=moved} 1",
                "function-counter lawang.verifier.cache.gets{result=hit} 4",
                "function-counter lawang.verifier.cache.gets{result=miss} 1",
                "gauge lawang.site.admitted.today{site=dispendukcapil-office} 2",
                "gauge lawang.site.admitted.today{site=setda-complex} 2",
                "gauge lawang.site.present.limit{site=dispendukcapil-office} NaN",
                "gauge lawang.site.present.limit{site=setda-complex} 2",
                "gauge lawang.site.present{site=dispendukcapil-office} 0",
                "gauge lawang.site.present{site=setda-complex} 0",
                "gauge lawang.site.quota.remaining{site=dispendukcapil-office} 0",
                "gauge lawang.site.quota.remaining{site=setda-complex} NaN",
                "timer lawang.decision.duration{kind=check-in,outcome=admitted} count=2",
                "timer lawang.decision.duration{kind=check-in,outcome=refused} count=3",
                "timer lawang.decision.duration{kind=check-in,outcome=repeat} count=1",
                "timer lawang.decision.duration{kind=walk-in,outcome=admitted} count=2",
                "timer lawang.decision.duration{kind=walk-in,outcome=refused} count=2");
    }

    @Test
    void decisionTimers_addUpHowLongEachDecisionTook() {
        script();

        long checkInsRefused = 0;
        long walkInsAdmitted = 0;
        for (GateEvent event : events) {
            if (event instanceof GateEvent.Refused refused && !refused.walkIn()) {
                checkInsRefused += refused.took().toNanos();
            } else if (event instanceof GateEvent.Admitted admitted && admitted.walkIn() && !admitted.repeat()) {
                walkInsAdmitted += admitted.took().toNanos();
            }
        }
        assertThat(checkInsRefused).isPositive();
        assertThat(timer("check-in", "refused").totalTime(TimeUnit.NANOSECONDS)).isEqualTo(checkInsRefused);
        assertThat(timer("walk-in", "admitted").totalTime(TimeUnit.NANOSECONDS)).isEqualTo(walkInsAdmitted);
    }

    private Timer timer(String kind, String outcome) {
        Timer timer = registry.find("lawang.decision.duration").tag("kind", kind).tag("outcome", outcome).timer();
        assertThat(timer).as("timer %s %s", kind, outcome).isNotNull();
        return timer;
    }

    @Test
    void noTag_carriesAPseudonymATicketOrACode() {
        metrics.bind(world.verifier).bindOccupancy(gate, SETDA, DUKCAPIL_OFFICE);

        script();

        Set<String> secrets = new HashSet<>();
        for (int n = 1; n <= 7; n++) {
            secrets.add(visitor(n).toText());
        }
        for (Ticket ticket : tickets) {
            secrets.add(ticket.id().toString());
        }
        for (GateEvent event : events) {
            if (event instanceof GateEvent.Refused refused) {
                secrets.add(refused.visitor().toText());
            }
        }
        secrets.add(world.setdaText);
        secrets.add(world.forgedText);
        assertThat(secrets).hasSizeGreaterThan(10);
        List<String> values = MeterList.tagValues(registry);
        for (String value : values) {
            for (String secret : secrets) {
                assertThat(value).doesNotContain(secret);
            }
        }
        Set<String> vocabulary = new HashSet<>(List.of("admitted", "repeat", "refused", "none", "check-in", "walk-in",
                "check-out", "moved", "expiry", "hit", "miss", SETDA.value(), DUKCAPIL_OFFICE.value()));
        Arrays.stream(RefusalReason.values()).map(Enum::name).forEach(vocabulary::add);
        assertThat(vocabulary).containsAll(values);
        assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(t -> t.getKey())
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("outcome", "reason", "kind", "cause",
                        "result", "site");
    }

    @Test
    void theNumberOfMeters_doesNotGrowWithTheNumberOfVisitors() {
        Gate open = world.gate().listener(metrics).build();
        for (int n = 1; n <= 3; n++) {
            open.checkIn(world.scan(n, DISKOMINFO, SETDA_CENTRE));
            open.checkIn(world.scan(100 + n, DISKOMINFO, FAR_AWAY));
        }
        List<Meter.Id> afterThree = registry.getMeters().stream().map(Meter::getId).collect(Collectors.toList());

        for (int n = 4; n <= 200; n++) {
            open.checkIn(world.scan(n, DISKOMINFO, SETDA_CENTRE));
            open.checkIn(world.scan(100 + n, DISKOMINFO, FAR_AWAY));
        }

        assertThat(registry.getMeters().stream().map(Meter::getId)).containsExactlyInAnyOrderElementsOf(afterThree);
        assertThat(registry.get("lawang.decisions").tag("outcome", "admitted").counter().count()).isEqualTo(200);
        assertThat(afterThree).hasSize(4);
    }

    @Test
    void occupancyGauges_readTheGateWhenAsked() {
        metrics.bindOccupancy(gate, SETDA);
        Ticket first = ticket(gate.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE)));
        assertThat(gauge("lawang.site.present")).isEqualTo(1);

        gate.checkIn(world.scan(2, BAPPEDA, SETDA_CENTRE));
        assertThat(gauge("lawang.site.present")).isEqualTo(2);
        assertThat(gauge("lawang.site.present.limit")).isEqualTo(2);
        assertThat(gauge("lawang.site.admitted.today")).isEqualTo(2);
        assertThat(gauge("lawang.site.quota.remaining")).isNaN();

        gate.checkOut(first.id());
        gate.replacePolicy(CapacityPolicy.builder().maxPresent(SETDA, 5).dailyQuota(SETDA, 3).build());
        assertThat(gauge("lawang.site.present")).isEqualTo(1);
        assertThat(gauge("lawang.site.present.limit")).isEqualTo(5);
        assertThat(gauge("lawang.site.admitted.today")).isEqualTo(2);
        assertThat(gauge("lawang.site.quota.remaining")).isEqualTo(1);

        gate.checkIn(world.scan(3, DISKOMINFO, SETDA_CENTRE));
        gate.checkIn(world.scan(4, DISKOMINFO, SETDA_CENTRE)); // refused: the quota of 3 is used up
        assertThat(gauge("lawang.site.admitted.today")).isEqualTo(3);
        assertThat(gauge("lawang.site.quota.remaining")).isZero();

        gate.replacePolicy(CapacityPolicy.builder().dailyQuota(SETDA, 1).build());
        assertThat(gauge("lawang.site.quota.remaining")).as("never below zero after a quota is lowered").isZero();
        assertThat(gauge("lawang.site.present.limit")).isNaN();
    }

    private double gauge(String name) {
        return registry.get(name).tag("site", SETDA.value()).gauge().value();
    }

    @Test
    void verifierCounters_readTheVerifier() {
        metrics.bind(world.verifier);
        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.verifier.cache.gets{result=hit} 0",
                "function-counter lawang.verifier.cache.gets{result=miss} 0");

        for (int n = 1; n <= 5; n++) {
            gate.checkIn(world.scan(n, DISKOMINFO, SETDA_CENTRE));
        }

        assertThat(MeterList.of(registry)).contains(
                "function-counter lawang.verifier.cache.gets{result=hit} 4",
                "function-counter lawang.verifier.cache.gets{result=miss} 1");
        assertThat(world.verifier.cacheHits()).isEqualTo(4);
    }
}
