package dev.lawang;

import static dev.lawang.testing.ThreeZones.DUKCAPIL;
import static dev.lawang.testing.ThreeZones.SRAGEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Departure;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.TestClock;
import dev.lawang.testing.ThreeZones;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        log.append(Visit.open(ticket, visitor(visitor), SRAGEN, DUKCAPIL, Role.GUEST,
                EntryChannel.PRINTED_CODE, clock.instant()));
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
    /**
     * An expiry takes its stays out of the ledger before it closes their visits; a recovery running in between must
     * wait, not close those visits as a crash's leftovers (which would end them late and lose their expiry event).
     */
    @Test
    void recover_duringAnExpiry_waitsForItInsteadOfTakingItsVisitsForLeftovers() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch letClose = new CountDownLatch(1);
        List<GateEvent> events = new CopyOnWriteArrayList<>();
        Gate stalled = ThreeZones.gate(clock).ledger(new StallingLedger(ledger, closing, letClose, true)).visitLog(log)
                .listener(events::add).build();
        Decision.Admitted guest = (Decision.Admitted) stalled.walkIn(ThreeZones.guest(SRAGEN, 1));
        Instant due = guest.ticket().due();
        clock.advance(Duration.between(clock.instant(), due).plus(Gate.RECOVERY_GRACE).plusSeconds(1));

        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> expiry = pool.submit(stalled::expireStays);
            assertThat(closing.await(10, TimeUnit.SECONDS)).as("the expiry took its stays out").isTrue();
            AtomicReference<OccupancyLedger.Settlement> settled = new AtomicReference<>();
            Thread recovery = new Thread(() -> settled.set(stalled.recover()), "recovery");
            recovery.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (recovery.getState() != Thread.State.BLOCKED && recovery.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            letClose.countDown();
            assertThat(expiry.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            recovery.join(TimeUnit.SECONDS.toMillis(10));

            assertThat(settled.get()).isEqualTo(OccupancyLedger.Settlement.NONE);
            assertThat(log.find(guest.ticket().id())).hasValueSatisfying(v -> assertThat(v.out()).contains(due));
            assertThat(events).filteredOn(GateEvent.Expired.class::isInstance).hasSize(1);
        } finally {
            letClose.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A check-in whose stay is in the ledger and whose visit is not yet in the log looks like a crash's leftover; a
     * recovery that sees it must wait for the check-in to finish, not release the stay of a visitor being admitted.
     */
    @Test
    void recover_duringACheckIn_waitsForItInsteadOfReleasingTheNewStay() throws Exception {
        CountDownLatch admitted = new CountDownLatch(1);
        CountDownLatch letAppend = new CountDownLatch(1);
        List<GateEvent> events = new CopyOnWriteArrayList<>();
        Gate stalled = ThreeZones.gate(clock).ledger(new StallingLedger(ledger, admitted, letAppend, false))
                .visitLog(log).listener(events::add).build();

        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Decision> checkIn = pool.submit(() -> stalled.walkIn(ThreeZones.guest(SRAGEN, 1)));
            assertThat(admitted.await(10, TimeUnit.SECONDS)).as("the ledger admitted the guest").isTrue();
            clock.advance(Gate.RECOVERY_GRACE.plusMinutes(1));
            AtomicReference<OccupancyLedger.Settlement> settled = new AtomicReference<>();
            Thread recovery = new Thread(() -> settled.set(stalled.recover()), "recovery");
            recovery.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (recovery.getState() != Thread.State.BLOCKED && recovery.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            letAppend.countDown();
            Decision.Admitted guest = (Decision.Admitted) checkIn.get(10, TimeUnit.SECONDS);
            recovery.join(TimeUnit.SECONDS.toMillis(10));

            assertThat(settled.get()).isEqualTo(OccupancyLedger.Settlement.NONE);
            assertThat(stalled.occupancy(SRAGEN).present()).isEqualTo(1);
            assertThat(log.find(guest.ticket().id())).hasValueSatisfying(v -> assertThat(v.isOpen()).isTrue());
            assertThat(stalled.checkOut(guest.ticket().id())).isPresent();
            assertThat(events).filteredOn(GateEvent.CheckedOut.class::isInstance).hasSize(1);
        } finally {
            letAppend.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A ledger that stops once, until the test lets it go on: after its first expiry has taken its stays out, or
     * after its first admission, before the gate writes the visit.
     */
    private static final class StallingLedger implements OccupancyLedger {
        private final OccupancyLedger delegate;
        private final CountDownLatch stopped;
        private final CountDownLatch letGo;
        private final boolean inExpiry;

        StallingLedger(OccupancyLedger delegate, CountDownLatch stopped, CountDownLatch letGo, boolean inExpiry) {
            this.delegate = delegate;
            this.stopped = stopped;
            this.letGo = letGo;
            this.inExpiry = inExpiry;
        }

        private void stopOnce() {
            if (stopped.getCount() > 0) {
                stopped.countDown();
                try {
                    letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public List<Departure> expire() {
            List<Departure> departures = delegate.expire();
            if (inExpiry) {
                stopOnce();
            }
            return departures;
        }

        @Override
        public Admission admit(AdmitRequest request) {
            Admission admission = delegate.admit(request);
            if (!inExpiry) {
                stopOnce();
            }
            return admission;
        }

        @Override
        public Optional<Departure> release(TicketId ticket) {
            return delegate.release(ticket);
        }

        @Override
        public Occupancy read(SiteId site, ZoneId zone) {
            return delegate.read(site, zone);
        }

        @Override
        public Occupancy read(SiteId site, AgencyId agency, ZoneId zone) {
            return delegate.read(site, agency, zone);
        }

        @Override
        public List<Ticket> openStays(Instant startedBefore) {
            return delegate.openStays(startedBefore);
        }

        @Override
        public CapacityPolicy policy() {
            return delegate.policy();
        }

        @Override
        public void replacePolicy(CapacityPolicy policy) {
            delegate.replacePolicy(policy);
        }
    }
}
