package dev.lawang.jdbc;

import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.booking.Booking;
import dev.lawang.booking.BookingDesk;
import dev.lawang.booking.BookingStore;
import dev.lawang.booking.Outcome;
import dev.lawang.booking.Service;
import dev.lawang.booking.ServiceId;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each with its own pool and store on one database, booking the last places of a day
 * and a visitor's last active booking from many threads at once: never more than the quotas.
 */
class JdbcBookingConcurrencyTest {
    private static final ServiceId SERVICE = ServiceId.of("id-card");
    private static final LocalDate DAY = Sragen.REPORT_DAY.plusDays(1);
    private static final int QUOTA = 20;
    private static final int THREADS = 16;

    private final TestClock clock = TestClock.at(Sragen.at(7, 0));
    private HikariDataSource one;
    private HikariDataSource other;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        String database = TestDatabase.createQuickDatabase();
        one = TestDatabase.pool(database, 8);
        other = TestDatabase.pool(database, 8);
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        one.close();
        other.close();
    }

    private BookingDesk desk(BookingStore store, int maxActive) {
        Service idCard = Service.builder(SERVICE, DUKCAPIL_OFFICE, DUKCAPIL).bookedPerDay(QUOTA).daysAhead(30)
                .open(LocalTime.of(8, 0), LocalTime.of(15, 0), DayOfWeek.values()).build();
        return BookingDesk.builder(Sragen.directory(), store).services(idCard).clock(clock).maxActive(maxActive)
                .build();
    }

    private List<Outcome> race(List<Callable<Outcome>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Callable<Outcome> call : calls) {
            futures.add(threads.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void reserve_fromTwoInstancesAndManyThreads_neverOverbooksTheLastPlaces() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.of(one);
        BookingDesk first = desk(store, 1);
        BookingDesk second = desk(JdbcBookingStore.of(other), 1);
        for (int v = 0; v < QUOTA - 5; v++) {
            assertThat(first.reserve(SERVICE, visitor(v), DAY)).isInstanceOf(Outcome.Done.class);
        }
        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int v = 1000; v < 1064; v++) {
            BookingDesk desk = v % 2 == 0 ? first : second;
            int visitor = v;
            calls.add(() -> desk.reserve(SERVICE, visitor(visitor), DAY));
        }

        List<Outcome> outcomes = race(calls);

        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Done).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Refused r
                && r.reason() == Outcome.Reason.DAY_FULL).hasSize(59);
        assertThat(store.placesTaken(SERVICE, DAY, clock.instant())).isEqualTo(QUOTA);
        assertThat(store.day(SERVICE, DAY)).hasSize(QUOTA);
    }

    @Test
    void reserve_ofOneVisitorFromTwoInstancesOnManyDays_neverExceedsTheActiveLimit() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.of(one);
        BookingDesk first = desk(store, 2);
        BookingDesk second = desk(JdbcBookingStore.of(other), 2);
        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int d = 1; d <= 24; d++) {
            BookingDesk desk = d % 2 == 0 ? first : second;
            LocalDate day = Sragen.REPORT_DAY.plusDays(d);
            calls.add(() -> desk.reserve(SERVICE, visitor(7), day));
        }

        List<Outcome> outcomes = race(calls);

        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Done).hasSize(2);
        int stored = 0;
        for (int d = 1; d <= 24; d++) {
            stored += store.day(SERVICE, Sragen.REPORT_DAY.plusDays(d)).size();
        }
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void confirm_ofAnExpiredHoldWhosePlaceWasTaken_isRefusedEvenOnAClockBehind() {
        BookingStore store = JdbcBookingStore.of(one);
        BookingDesk desk = desk(store, 2);
        for (int v = 0; v < QUOTA; v++) {
            assertThat(desk.reserve(SERVICE, visitor(v), DAY)).isInstanceOf(Outcome.Done.class);
        }
        Booking late = ((Outcome.Done) desk.reserve(SERVICE, visitor(0), DAY.plusDays(1))).booking();
        Booking first = store.day(SERVICE, DAY).get(0);
        clock.advance(Duration.ofMinutes(30));
        Outcome taken = desk.reserve(SERVICE, visitor(100), DAY);
        assertThat(taken).isInstanceOf(Outcome.Done.class);
        clock.set(Sragen.at(7, 29));

        assertThat(desk.confirm(first.id())).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Reason.HOLD_EXPIRED));

        assertThat(store.find(first.id())).contains(first);
        assertThat(store.placesTaken(SERVICE, DAY, clock.instant())).isEqualTo(QUOTA + 1);
        assertThat(desk.confirm(late.id())).isInstanceOf(Outcome.Done.class);
    }
}
