package dev.lawang;

import static dev.lawang.testing.ThreeZones.DUKCAPIL;
import static dev.lawang.testing.ThreeZones.SRAGEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.testing.TestClock;
import dev.lawang.testing.ThreeZones;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a crash between the gate's two writes leaves, when the ledger and the visit log are kept apart, and how
 * {@link Gate#recover()} settles it. The leftovers are made by writing one store without the other, as a process
 * killed between the two writes would have.
 */
class GateRecoveryTest {
    private static final byte[] SECRET = "the recovery test's secret, 32 bytes+".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NINE = Instant.parse("2021-12-15T02:00:00Z");

    private final TestClock clock = TestClock.at(NINE);
    private final OccupancyLedger ledger = OccupancyLedger.inMemory(
            CapacityPolicy.builder().maxPresent(SRAGEN, 2).build(), clock);
    private final VisitLog log = VisitLog.inMemory();
    private final Gate gate = ThreeZones.gate(clock).ledger(ledger).visitLog(log).build();

    private static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise("visitor" + n, SECRET);
    }

    /** An admission whose visit was never written: the check-in was never answered. */
    private TicketId strayStay(int visitor) {
        TicketId ticket = TicketId.random();
        assertThat(ledger.admit(new AdmitRequest(ticket, visitor(visitor), SRAGEN, ThreeZones.zoneOf(SRAGEN),
                DUKCAPIL, Role.GUEST)).isAdmitted()).isTrue();
        return ticket;
    }

    /** A visit whose stay was closed without it: the check-out was never answered. */
    private TicketId strayVisit(int visitor) {
        TicketId ticket = TicketId.random();
        log.append(Visit.open(ticket, visitor(visitor), SRAGEN, DUKCAPIL, Role.GUEST, clock.instant()));
        return ticket;
    }

    @Test
    void recover_releasesStaysWithoutVisitsAndClosesVisitsWithoutStays() {
        strayStay(1);
        TicketId visit = strayVisit(2);
        clock.advance(Gate.RECOVERY_GRACE.plusSeconds(1));

        OccupancyLedger.Settlement settled = gate.recover();

        assertThat(settled).isEqualTo(new OccupancyLedger.Settlement(1, 0, 1));
        assertThat(gate.occupancy(SRAGEN).present()).isZero();
        assertThat(log.find(visit)).hasValueSatisfying(v -> assertThat(v.out()).contains(clock.instant()));
        assertThat(gate.recover()).isEqualTo(OccupancyLedger.Settlement.NONE);
    }

    @Test
    void recover_leavesAloneWhatIsYoungerThanTheGracePeriod() {
        strayStay(1);
        strayVisit(2);
        clock.advance(Gate.RECOVERY_GRACE.minusSeconds(1));

        assertThat(gate.recover()).isEqualTo(OccupancyLedger.Settlement.NONE);
        assertThat(gate.occupancy(SRAGEN).present()).isEqualTo(1);
    }

    @Test
    void recover_leavesAnsweredCheckInsAlone() {
        Decision d = gate.walkIn(ThreeZones.guest(SRAGEN, 1));
        clock.advance(Duration.ofHours(1));

        assertThat(gate.recover()).isEqualTo(OccupancyLedger.Settlement.NONE);
        assertThat(gate.visitLog().find(((Decision.Admitted) d).ticket().id()))
                .hasValueSatisfying(v -> assertThat(v.isOpen()).isTrue());
        assertThat(gate.occupancy(SRAGEN).present()).isEqualTo(1);
    }

    @Test
    void expireStays_runsTheRecoverySoAStrayStayGivesItsPlaceBack() {
        strayStay(1);
        strayStay(2);
        assertThat(gate.walkIn(ThreeZones.guest(SRAGEN, 3)).isAdmitted()).isFalse();
        clock.advance(Gate.RECOVERY_GRACE.plusSeconds(1));

        gate.expireStays();

        assertThat(gate.occupancy(SRAGEN).present()).isZero();
        assertThat(gate.walkIn(ThreeZones.guest(SRAGEN, 3)).isAdmitted()).isTrue();
    }

    @Test
    void checkOut_ofAStayWhoseVisitWasLost_stillFreesThePlace() {
        TicketId stray = strayStay(1);

        assertThat(gate.checkOut(stray)).isEmpty();

        assertThat(gate.occupancy(SRAGEN).present()).isZero();
    }

    @Test
    void repeat_ofAStayWhoseVisitWasLost_recordsTheVisit() {
        TicketId stray = strayStay(7);

        Decision again = gate.walkIn(new WalkIn(SRAGEN, DUKCAPIL, visitor(7), Role.GUEST,
                Screening.of(36.6, true, true)));

        assertThat(again).isInstanceOfSatisfying(Decision.Admitted.class, a -> {
            assertThat(a.repeat()).isTrue();
            assertThat(a.ticket().id()).isEqualTo(stray);
        });
        assertThat(log.find(stray)).hasValueSatisfying(v -> assertThat(v.isOpen()).isTrue());
    }
}
