package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory ledger against the contract, and what only it promises: its count of open stays, its text, the end
 * of the instants it can count, and the seams between its site locks and its indexes. Races there are made to happen
 * every time: a read stopped in the clock holds a site's lock while the racing calls line up behind it.
 */
class InMemoryLedgerTest extends OccupancyLedgerContract {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        return InMemoryLedger.of(policy, clock);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private AdmitRequest request(String visitor, SiteId site, Role role) {
        return new AdmitRequest(TicketId.random(), visitor(visitor), site, zoneOf(site), DUKCAPIL, role);
    }

    /** Runs two actions released together by a barrier, and returns their results in the order given. */
    private <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> action : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return action.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void openVisits_countsTheStaysOpenNow() {
        TestClock clock = TestClock.at(MORNING);
        InMemoryLedger ledger = InMemoryLedger.of(CapacityPolicy.builder().defaultStay(Duration.ofHours(1)).build(),
                clock);
        assertThat(ledger.openVisits()).isZero();
        TicketId first = ((Admitted) ledger.admit(request("v1", SETDA, Role.GUEST))).ticket().id();
        ledger.admit(request("v2", SETDA, Role.STAFF));
        ledger.admit(request("v3", DUKCAPIL_OFFICE, Role.GUEST));
        assertThat(ledger.openVisits()).isEqualTo(3);

        ledger.release(first);
        ledger.admit(request("v3", SETDA, Role.GUEST));
        assertThat(ledger.openVisits()).as("a move closes one stay and opens another").isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        ledger.expire();
        assertThat(ledger.openVisits()).isZero();
    }

    @Test
    void toString_namesTheSitesCountedAndThePolicyButNoVisitor() {
        CapacityPolicy policy = CapacityPolicy.builder().maxPresent(SETDA, 3).build();
        InMemoryLedger ledger = InMemoryLedger.of(policy, TestClock.at(MORNING));
        ledger.admit(request("v1", SETDA, Role.GUEST));
        ledger.admit(request("v2", DUKCAPIL_OFFICE, Role.GUEST));

        assertThat(ledger.toString()).isEqualTo("InMemoryLedger[sites=2, policy=" + policy + "]")
                .doesNotContain(visitor("v1").toText());
    }

    @Test
    void admit_lessThanOneStayBeforeTheLastInstantItCanCount_isDueAtThatInstantInsteadOfOverflowing() {
        Instant last = Lease.instant(Long.MAX_VALUE);
        Instant sixDaysBefore = last.minus(Duration.ofDays(6));
        OccupancyLedger ledger = InMemoryLedger.of(CapacityPolicy.builder().defaultStay(CapacityPolicy.MAX_STAY)
                .build(), Clock.fixed(sixDaysBefore, ZoneOffset.UTC));

        Admitted a = (Admitted) ledger.admit(new AdmitRequest(TicketId.random(), visitor("v1"), SETDA,
                ZoneOffset.UTC, DUKCAPIL, Role.GUEST));

        assertThat(a.ticket().in()).isEqualTo(sixDaysBefore);
        assertThat(a.ticket().due()).isEqualTo(last);
    }

    // Races

    @Test
    void admit_visitorsMovingBetweenTwoSitesInOppositeDirections_neitherDeadlockNorMiscount() throws Exception {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        SiteId[] sites = {SETDA, DUKCAPIL_OFFICE};
        int moves = 20_000;

        List<Integer> done = atOnce(() -> {
            for (int i = 0; i < moves; i++) {
                ledger.admit(request("one", sites[i % 2], Role.GUEST));
            }
            return moves;
        }, () -> {
            for (int i = 0; i < moves; i++) {
                ledger.admit(request("two", sites[(i + 1) % 2], Role.GUEST));
            }
            return moves;
        });

        assertThat(done).containsExactly(moves, moves);
        // each ends where its last move took it: "one" at the second site, "two" at the first
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).present()).isEqualTo(1);
        assertThat(ledger.read(DUKCAPIL_OFFICE, zoneOf(DUKCAPIL_OFFICE)).present()).isEqualTo(1);
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).present()).isEqualTo(1);
        assertThat(ledger.read(DUKCAPIL_OFFICE, DUKCAPIL, zoneOf(DUKCAPIL_OFFICE)).present()).isEqualTo(1);
    }

    // Lock order, with a site's lock held by a read stopped in the clock

    /**
     * A clock that stops one reading: the in-memory ledger's {@code read} takes the clock's reading while it holds the
     * site's lock (the site's time and day advance under it), so a read stopped here holds that lock until
     * {@link #letGo()}. Other threads read the fixed instant.
     */
    private static final class StoppingClock extends Clock {
        private final Instant instant;
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private volatile @Nullable Thread toStop;

        StoppingClock(Instant instant) {
            this.instant = instant;
        }

        /** Starts a thread that reads the site and stops, holding the site's lock; returns once it does. */
        Thread holdLockOf(OccupancyLedger ledger, SiteId site) throws InterruptedException {
            Thread holder = new Thread(() -> ledger.read(site, WIB), "holds " + site);
            toStop = holder;
            holder.start();
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the read reached the clock").isTrue();
            return holder;
        }

        void letGo() {
            letGo.countDown();
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread() == toStop) {
                toStop = null;
                holding.countDown();
                try {
                    letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a stopping clock stays in UTC");
        }
    }

    /** Waits until a thread waits for a monitor (a site's lock, here); fails if it finishes instead. */
    private static void awaitBlocked(FutureTask<?> task, Thread thread, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.BLOCKED) {
            assertThat(task.isDone()).as("%s finished without waiting for the lock", what).isFalse();
            assertThat(System.nanoTime()).as("%s waits for the lock", what).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static <T> FutureTask<T> startAndAwaitBlocked(Callable<T> action, String what) throws InterruptedException {
        FutureTask<T> task = new FutureTask<>(action);
        Thread thread = new Thread(task, what);
        thread.start();
        awaitBlocked(task, thread, what);
        return task;
    }

    @Test
    void admit_movingBetweenSites_waitsForTheLocksOfBothSites() throws Exception {
        // whichever site's id sorts first is locked first: here DUKCAPIL_OFFICE, then SETDA
        assertThat(DUKCAPIL_OFFICE.compareTo(SETDA)).isNegative();
        for (SiteId from : List.of(SETDA, DUKCAPIL_OFFICE)) {
            SiteId to = from == SETDA ? DUKCAPIL_OFFICE : SETDA;
            StoppingClock clock = new StoppingClock(MORNING);
            OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
            Admitted before = (Admitted) ledger.admit(request("mover", from, Role.GUEST));
            AdmitRequest move = request("mover", to, Role.GUEST);
            Thread holder = clock.holdLockOf(ledger, from);

            FutureTask<Admission> moving = startAndAwaitBlocked(() -> ledger.admit(move), "the move from " + from);
            clock.letGo();
            holder.join(10_000);

            Admitted after = (Admitted) moving.get(10, TimeUnit.SECONDS);
            assertThat(after.moved()).isNotNull();
            assertThat(after.moved().ticket()).isEqualTo(before.ticket());
            assertThat(ledger.read(from, WIB)).isEqualTo(Occupancy.of(0, 1));
            assertThat(ledger.read(to, WIB)).isEqualTo(Occupancy.of(1, 1));
        }
    }

    /** Admits and releases someone, so that the ledger keeps the site's counts (and lock) from now on. */
    private void makeKnown(OccupancyLedger ledger, SiteId site) {
        ledger.release(((Admitted) ledger.admit(request("earlier", site, Role.GUEST))).ticket().id());
    }

    @Test
    void admit_oneVisitorScanningTwiceAtOnceForTheLastPlace_isInOnceAndBothScansSaySo() throws Exception {
        StoppingClock clock = new StoppingClock(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(), clock);
        makeKnown(ledger, SETDA);
        AdmitRequest firstScan = request("v1", SETDA, Role.GUEST);
        AdmitRequest secondScan = request("v1", SETDA, Role.GUEST);
        Thread holder = clock.holdLockOf(ledger, SETDA);

        // both look for an open visit of the visitor, find none, and wait for the site's lock
        FutureTask<Admission> first = startAndAwaitBlocked(() -> ledger.admit(firstScan), "the first scan");
        FutureTask<Admission> second = startAndAwaitBlocked(() -> ledger.admit(secondScan), "the second scan");
        clock.letGo();
        holder.join(10_000);

        List<Admission> scans = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertThat(scans).allMatch(Admission::isAdmitted);
        Admitted x = (Admitted) scans.get(0);
        Admitted y = (Admitted) scans.get(1);
        assertThat(x.ticket()).isEqualTo(y.ticket());
        assertThat(List.of(x.repeat(), y.repeat())).containsExactlyInAnyOrder(true, false);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 2).withLimit(1));
    }

    @Test
    void admit_aRequestAndItsRetryAtOnce_countOnce() throws Exception {
        StoppingClock clock = new StoppingClock(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        makeKnown(ledger, SETDA);
        AdmitRequest request = request("v1", SETDA, Role.GUEST);
        Thread holder = clock.holdLockOf(ledger, SETDA);

        FutureTask<Admission> first = startAndAwaitBlocked(() -> ledger.admit(request), "the request");
        FutureTask<Admission> retry = startAndAwaitBlocked(() -> ledger.admit(request), "its retry");
        clock.letGo();
        holder.join(10_000);

        List<Admission> tries = List.of(first.get(10, TimeUnit.SECONDS), retry.get(10, TimeUnit.SECONDS));
        assertThat(tries).allMatch(Admission::isAdmitted);
        Admitted x = (Admitted) tries.get(0);
        Admitted y = (Admitted) tries.get(1);
        assertThat(x.ticket()).isEqualTo(y.ticket());
        assertThat(x.ticket().id()).isEqualTo(request.ticket());
        assertThat(List.of(x.repeat(), y.repeat())).containsExactlyInAnyOrder(true, false);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 2));
    }

    @Test
    void admit_oneVisitorAtTwoSitesAtOnce_endsWithOneOpenVisitAndTheOtherMoved() throws Exception {
        StoppingClock clock = new StoppingClock(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        makeKnown(ledger, SETDA);
        AdmitRequest here = request("v1", SETDA, Role.GUEST);
        Thread holder = clock.holdLockOf(ledger, SETDA);

        // the scan at SETDA finds no open visit and waits for the site's lock; meanwhile the visitor is admitted at
        // the other site
        FutureTask<Admission> waiting = startAndAwaitBlocked(() -> ledger.admit(here), "the scan at " + SETDA);
        Admitted there = (Admitted) ledger.admit(request("v1", DUKCAPIL_OFFICE, Role.GUEST));
        clock.letGo();
        holder.join(10_000);

        Admitted last = (Admitted) waiting.get(10, TimeUnit.SECONDS);
        assertThat(there.moved()).isNull();
        assertThat(last.repeat()).isFalse();
        assertThat(last.moved()).isEqualTo(new Departure(there.ticket(), visitor("v1"), MORNING, Departure.Cause.MOVED));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 2));
        assertThat(ledger.read(DUKCAPIL_OFFICE, WIB)).isEqualTo(Occupancy.of(0, 1));
    }

    @Test
    void release_twiceAtOnce_closesTheVisitOnce() throws Exception {
        StoppingClock clock = new StoppingClock(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        TicketId id = ((Admitted) ledger.admit(request("v1", SETDA, Role.GUEST))).ticket().id();
        Thread holder = clock.holdLockOf(ledger, SETDA);

        // both find the open stay, then wait for the site's lock
        FutureTask<Optional<Departure>> first = startAndAwaitBlocked(() -> ledger.release(id), "the first release");
        FutureTask<Optional<Departure>> second = startAndAwaitBlocked(() -> ledger.release(id), "the second release");
        clock.letGo();
        holder.join(10_000);

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                .filteredOn(Optional::isPresent).hasSize(1);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 1));
        assertThat(ledger.read(SETDA, DUKCAPIL, WIB)).isEqualTo(Occupancy.of(0, 1));
    }
}
