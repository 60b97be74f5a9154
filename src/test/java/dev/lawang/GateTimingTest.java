package dev.lawang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.geo.Fix;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Decisions carry how long the gate took, for timers: from the call to the decision, never negative. */
class GateTimingTest {
    private final GateFixture world = new GateFixture();

    @Test
    void admittedAndRefusedEvents_carryTheTimeTheDecisionTook() {
        List<GateEvent> events = new CopyOnWriteArrayList<>();
        Gate gate = world.gate().policy(CapacityPolicy.builder().maxPresent(Sragen.DUKCAPIL_OFFICE, 1).build())
                .listener(events::add).build();
        long before = System.nanoTime();

        gate.checkIn(world.setdaGuest(1, Sragen.DISKOMINFO));
        gate.checkIn(new CheckIn("not a code", Sragen.visitor(2), Sragen.DISKOMINFO, Role.GUEST,
                Fix.of(Sragen.IN_SETDA, 10), null));
        gate.walkIn(GateFixture.walkIn(3, Role.GUEST));
        gate.walkIn(GateFixture.walkIn(4, Role.GUEST));
        Duration bound = Duration.ofNanos(System.nanoTime() - before);

        assertThat(events).hasSize(4);
        assertThat(events).allSatisfy(e -> {
            Duration took = e instanceof GateEvent.Admitted a ? a.took() : ((GateEvent.Refused) e).took();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(bound);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(GateEvent.Refused.class,
                r -> assertThat(r.walkIn()).isFalse());
        assertThat(events.get(3)).isInstanceOfSatisfying(GateEvent.Refused.class, r -> {
            assertThat(r.walkIn()).isTrue();
            assertThat(r.reason()).isEqualTo(RefusalReason.SITE_FULL);
        });
    }

    @Test
    void events_refuseANegativeDuration() {
        assertThatThrownBy(() -> new GateEvent.Refused(RefusalReason.MALFORMED, "x", null, Sragen.DISKOMINFO,
                Role.GUEST, Sragen.visitor(1), false, GateFixture.START, Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
