package dev.lawang.booking;

import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.CheckIn;
import dev.lawang.Gate;
import dev.lawang.HealthStatus;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.booking.Outcome.Done;
import dev.lawang.booking.Outcome.Reason;
import dev.lawang.booking.Outcome.Refused;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Visit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BookingStore} must meet, run through the {@link BookingDesk} and a real {@link Gate}:
 * the civil registry's family card in Sragen, 3 booked and 2 walk-in places a day, open 08:00 to 15:00 on working
 * days, bookings 7 days ahead, Friday 17 December 2021 a holiday. The clock stands at 07:00 WIB on Wednesday
 * 15 December 2021. An implementation's test extends this class and says how to make an empty store.
 */
public abstract class BookingDeskContract {
    /** The service every test books. */
    protected static final ServiceId FAMILY_CARD = ServiceId.of("family-card");
    /** The report day, a Wednesday. */
    protected static final LocalDate WEDNESDAY = Sragen.REPORT_DAY;
    private static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);
    private static final LocalDate HOLIDAY = WEDNESDAY.plusDays(2);
    private static final LocalDate MONDAY = WEDNESDAY.plusDays(5);

    private final TestClock clock = TestClock.at(Sragen.at(7, 0));
    private final Issuer issuer = Issuer.generate();
    private BookingStore store;
    private BookingDesk desk;
    private Gate gate;

    /** For subclasses. */
    protected BookingDeskContract() {
    }

    /**
     * Builds an empty store.
     *
     * @return the store
     */
    protected abstract BookingStore newStore();

    /**
     * Returns the family-card service of the tests.
     *
     * @return 3 booked and 2 walk-in places a day, open 08:00 to 15:00 Monday to Friday, 7 days ahead
     */
    protected static Service familyCard() {
        return Service.builder(FAMILY_CARD, DUKCAPIL_OFFICE, DUKCAPIL).bookedPerDay(3).walkInsPerDay(2).daysAhead(7)
                .serviceTime(Duration.ofMinutes(10))
                .open(LocalTime.of(8, 0), LocalTime.of(15, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .build();
    }

    @BeforeEach
    void openDesk() {
        store = newStore();
        desk = BookingDesk.builder(Sragen.directory(), store).services(familyCard()).holidays(HOLIDAY).clock(clock)
                .build();
        gate = Gate.builder().directory(Sragen.directory()).clock(clock)
                .verifier(Verifier.of(TrustList.builder().trust(issuer.publicKey()).build())).build();
    }

    private String code(SiteId site, dev.lawang.directory.AgencyId agency) {
        return issuer.sign(SharedCode.builder(site).covering(agency).validFrom(clock.instant().minus(Duration.ofDays(1)))
                .validUntil(clock.instant().plus(Duration.ofDays(30))).build());
    }

    private CheckIn scan(int visitor) {
        return scan(visitor, code(DUKCAPIL_OFFICE, DUKCAPIL));
    }

    private CheckIn scan(int visitor, String code) {
        return new CheckIn(code, visitor(visitor), DUKCAPIL, Role.GUEST,
                Fix.of(Sragen.IN_DUKCAPIL_OFFICE, 10).at(clock.instant()), HealthStatus.GREEN);
    }

    private static WalkIn walkIn(int visitor, double temperature) {
        return new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(visitor), Role.GUEST, Screening.of(temperature, true,
                true));
    }

    private static Booking done(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Done.class);
        return ((Done) outcome).booking();
    }

    private static Refused refused(Outcome outcome, Reason reason) {
        assertThat(outcome).isInstanceOf(Refused.class);
        Refused refused = (Refused) outcome;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.detail()).isNotBlank();
        return refused;
    }

    private Booking booked(int visitor, LocalDate day) {
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(visitor), day));
        return done(desk.confirm(held.id()));
    }

    private List<Booking> day(LocalDate day) {
        return store.day(FAMILY_CARD, day);
    }

    @Test
    void reserve_holdsAPlaceUntilTheHoldEnds_andConfirmKeepsIt() {
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(1), THURSDAY));

        assertThat(held.state()).isEqualTo(Booking.State.HELD);
        assertThat(held.placeUntil()).isEqualTo(Sragen.at(7, 30));
        assertThat(store.placesTaken(FAMILY_CARD, THURSDAY, clock.instant())).isEqualTo(1);
        Booking confirmed = done(desk.confirm(held.id()));
        assertThat(confirmed.state()).isEqualTo(Booking.State.CONFIRMED);
        assertThat(desk.booking(held.id())).contains(confirmed);
        clock.advance(Duration.ofDays(1));
        assertThat(store.placesTaken(FAMILY_CARD, THURSDAY, clock.instant())).isEqualTo(1);
    }

    @Test
    void confirm_twice_isRefusedAndChangesNothing() {
        Booking confirmed = booked(1, THURSDAY);

        refused(desk.confirm(confirmed.id()), Reason.ALREADY_CONFIRMED);

        assertThat(day(THURSDAY)).containsExactly(confirmed);
    }

    @Test
    void confirm_afterTheHoldExpired_isRefused_andThePlaceIsFreeAgain() {
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(1), THURSDAY));
        clock.advance(Duration.ofMinutes(30));

        refused(desk.confirm(held.id()), Reason.HOLD_EXPIRED);

        assertThat(day(THURSDAY)).containsExactly(held);
        assertThat(store.placesTaken(FAMILY_CARD, THURSDAY, clock.instant())).isZero();
    }

    @Test
    void reserve_refusesUnknownServicesPastDaysHolidaysClosedDaysAndDaysTooFarAhead_storingNothing() {
        refused(desk.reserve(ServiceId.of("passport"), visitor(1), THURSDAY), Reason.UNKNOWN_SERVICE);
        refused(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY.minusDays(1)), Reason.PAST_DAY);
        refused(desk.reserve(FAMILY_CARD, visitor(1), HOLIDAY), Reason.HOLIDAY);
        refused(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY.plusDays(4)), Reason.CLOSED);
        refused(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY.plusDays(8)), Reason.TOO_FAR_AHEAD);
        clock.set(Sragen.at(15, 0));
        refused(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY), Reason.CLOSED);

        for (int d = -1; d <= 8; d++) {
            assertThat(day(WEDNESDAY.plusDays(d))).as("day %d", d).isEmpty();
        }
    }

    @Test
    void reserve_onTheLastDayOpenAndToday_isAllowed() {
        assertThat(done(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY.plusDays(7))).day())
                .isEqualTo(WEDNESDAY.plusDays(7));
        clock.set(Sragen.at(14, 59));
        assertThat(done(desk.reserve(FAMILY_CARD, visitor(2), WEDNESDAY)).day()).isEqualTo(WEDNESDAY);
    }

    @Test
    void reserve_onAFullDay_answersWithTheNextWorkingDayWithRoom() {
        for (int v = 1; v <= 3; v++) {
            booked(v, THURSDAY);
        }
        for (int v = 4; v <= 6; v++) {
            booked(v, MONDAY);
        }

        Refused full = refused(desk.reserve(FAMILY_CARD, visitor(7), THURSDAY), Reason.DAY_FULL);

        assertThat(full.nextDayWithRoom()).contains(MONDAY.plusDays(1));
        assertThat(desk.nextDayWithRoom(FAMILY_CARD, WEDNESDAY)).contains(WEDNESDAY.plusDays(6));
        assertThat(day(THURSDAY)).hasSize(3);
    }

    @Test
    void reserve_beyondTheActiveBookingsAllowed_isRefused() {
        booked(1, THURSDAY);
        done(desk.reserve(FAMILY_CARD, visitor(1), MONDAY));

        refused(desk.reserve(FAMILY_CARD, visitor(1), MONDAY.plusDays(1)), Reason.TOO_MANY_ACTIVE);

        assertThat(day(MONDAY.plusDays(1))).isEmpty();
        clock.advance(Duration.ofMinutes(30));
        assertThat(done(desk.reserve(FAMILY_CARD, visitor(1), MONDAY.plusDays(1))).state())
                .isEqualTo(Booking.State.HELD);
    }

    @Test
    void cancel_givesThePlaceBackOnlyAfterTheReleaseDelay() {
        Booking first = booked(1, THURSDAY);
        booked(2, THURSDAY);
        booked(3, THURSDAY);

        Booking cancelled = done(desk.cancel(first.id()));

        assertThat(cancelled.state()).isEqualTo(Booking.State.CANCELLED);
        refused(desk.reserve(FAMILY_CARD, visitor(4), THURSDAY), Reason.DAY_FULL);
        clock.advance(Duration.ofMinutes(29));
        refused(desk.reserve(FAMILY_CARD, visitor(4), THURSDAY), Reason.DAY_FULL);
        clock.advance(Duration.ofMinutes(1));
        done(desk.reserve(FAMILY_CARD, visitor(4), THURSDAY));
        refused(desk.cancel(first.id()), Reason.ALREADY_ENDED);
    }

    @Test
    void unknownBookings_areRefusedByEveryStep() {
        BookingId nobody = BookingId.random();

        refused(desk.confirm(nobody), Reason.UNKNOWN_BOOKING);
        refused(desk.cancel(nobody), Reason.UNKNOWN_BOOKING);
        refused(desk.served(nobody), Reason.UNKNOWN_BOOKING);
        refused(gate.arrive(desk, nobody, scan(1)), Reason.UNKNOWN_BOOKING);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isZero();
    }

    @Test
    void arrive_withinTheWindow_turnsTheBookingIntoAVisitCountedOnce() {
        Booking b = booked(1, WEDNESDAY);
        clock.set(Sragen.at(8, 10));

        Booking arrived = done(gate.arrive(desk, b.id(), scan(1)));

        assertThat(arrived.state()).isEqualTo(Booking.State.ARRIVED);
        assertThat(arrived.arrived()).isEqualTo(Sragen.at(8, 10));
        assertThat(gate.visitLog().openVisitOf(visitor(1)).map(v -> v.ticket())).isEqualTo(arrived.visit());
        refused(gate.arrive(desk, b.id(), scan(1)), Reason.ALREADY_ARRIVED);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isEqualTo(1);
        assertThat(done(desk.served(b.id())).state()).isEqualTo(Booking.State.SERVED);
        refused(desk.served(b.id()), Reason.NOT_ARRIVED);
    }

    @Test
    void arrive_tooEarlyTooLateAtAnotherSiteOrAsAnotherVisitor_isRefusedAndChangesNothing() {
        Booking b = booked(1, WEDNESDAY);
        Booking tomorrow = booked(2, THURSDAY);

        clock.set(Sragen.at(7, 29));
        refused(gate.arrive(desk, b.id(), scan(1)), Reason.TOO_EARLY);
        clock.set(Sragen.at(7, 30));
        refused(gate.arrive(desk, tomorrow.id(), scan(2)), Reason.TOO_EARLY);
        refused(gate.arrive(desk, b.id(), scan(2)), Reason.OTHER_VISITOR);
        refused(gate.arrive(desk, b.id(), scan(1, code(KEJARI_OFFICE, KEJARI))), Reason.OTHER_SITE);
        refused(gate.arrive(desk, b.id(), scan(1, "not a code")), Reason.GATE_REFUSED);
        clock.set(Sragen.at(10, 0));
        refused(gate.arrive(desk, b.id(), scan(1)), Reason.TOO_LATE);

        assertThat(desk.booking(b.id())).contains(b);
        assertThat(desk.booking(tomorrow.id())).contains(tomorrow);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isZero();
        assertThat(gate.occupancy(KEJARI_OFFICE).admittedToday()).isZero();
    }

    @Test
    void arrive_registeredByTheDeskWithoutACode_isAVisitThroughTheDeskCountedOnce() {
        Booking b = booked(1, WEDNESDAY);
        clock.set(Sragen.at(8, 10));

        Booking arrived = done(gate.arrive(desk, b.id(), walkIn(1, 36.6)));

        assertThat(arrived.state()).isEqualTo(Booking.State.ARRIVED);
        assertThat(arrived.arrived()).isEqualTo(Sragen.at(8, 10));
        Visit visit = gate.visitLog().openVisitOf(visitor(1)).orElseThrow();
        assertThat(arrived.visit()).contains(visit.ticket());
        assertThat(visit.channel()).isEqualTo(EntryChannel.WALK_IN);
        assertThat(visit.site()).isEqualTo(DUKCAPIL_OFFICE);
        refused(gate.arrive(desk, b.id(), walkIn(1, 36.6)), Reason.ALREADY_ARRIVED);
        refused(gate.arrive(desk, b.id(), scan(1)), Reason.ALREADY_ARRIVED);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isEqualTo(1);
        assertThat(gate.visitLog().visitsOf(visitor(1))).hasSize(1);
        // The booked place is not one of the day's walk-in places: both are still there.
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)));
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(11, 36.6)));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(12, 36.6)), Reason.WALK_INS_FULL);
        assertThat(done(desk.served(b.id())).state()).isEqualTo(Booking.State.SERVED);
    }

    @Test
    void arrive_registeredByTheDesk_outsideTheWindowElsewhereOrRefusedByTheGate_changesNothing() {
        Booking b = booked(1, WEDNESDAY);
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(3), WEDNESDAY));
        WalkIn atKejari = new WalkIn(KEJARI_OFFICE, DUKCAPIL, visitor(1), Role.GUEST, Screening.of(36.6, true, true));

        clock.set(Sragen.at(7, 29));
        refused(gate.arrive(desk, b.id(), walkIn(1, 36.6)), Reason.TOO_EARLY);
        clock.set(Sragen.at(8, 0));
        refused(gate.arrive(desk, BookingId.random(), walkIn(1, 36.6)), Reason.UNKNOWN_BOOKING);
        refused(gate.arrive(desk, b.id(), walkIn(2, 36.6)), Reason.OTHER_VISITOR);
        refused(gate.arrive(desk, held.id(), walkIn(3, 36.6)), Reason.NOT_CONFIRMED);
        Refused elsewhere = refused(gate.arrive(desk, b.id(), atKejari), Reason.OTHER_SITE);
        assertThat(elsewhere.detail()).contains(KEJARI_OFFICE.value()).contains(DUKCAPIL_OFFICE.value())
                .doesNotContain(visitor(1).toText());
        Refused fever = refused(gate.arrive(desk, b.id(), walkIn(1, 38.5)), Reason.GATE_REFUSED);
        assertThat(fever.detail()).contains("screening did not pass").doesNotContain("38.5");
        assertThatThrownBy(() -> gate.arrive(desk, b.id(), (WalkIn) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> gate.arrive(null, b.id(), walkIn(1, 36.6)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> gate.arrive(desk, null, walkIn(1, 36.6))).isInstanceOf(NullPointerException.class);
        clock.set(Sragen.at(10, 0));
        refused(gate.arrive(desk, b.id(), walkIn(1, 36.6)), Reason.TOO_LATE);

        assertThat(desk.booking(b.id())).contains(b);
        assertThat(desk.booking(held.id())).contains(held);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isZero();
        assertThat(gate.occupancy(KEJARI_OFFICE).admittedToday()).isZero();
        assertThat(gate.visitLog().visitsOf(visitor(1))).isEmpty();
    }

    @Test
    void arrive_onAHoldOrACancelledBooking_isRefused() {
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(1), WEDNESDAY));
        Booking cancelled = done(desk.cancel(booked(2, WEDNESDAY).id()));
        clock.set(Sragen.at(8, 0));

        refused(gate.arrive(desk, held.id(), scan(1)), Reason.NOT_CONFIRMED);
        refused(gate.arrive(desk, cancelled.id(), scan(2)), Reason.NOT_CONFIRMED);

        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isZero();
    }

    @Test
    void noShows_afterTheGracePeriod_giveTheirPlacesToTheDaysWalkIns() {
        Booking comes = booked(1, WEDNESDAY);
        Booking stays = booked(2, WEDNESDAY);
        booked(3, WEDNESDAY);
        clock.set(Sragen.at(8, 0));
        done(gate.arrive(desk, comes.id(), scan(1)));
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)));
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(11, 36.6)));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(12, 36.6)), Reason.WALK_INS_FULL);
        clock.set(Sragen.at(9, 59));
        assertThat(desk.markNoShows()).isZero();

        clock.set(Sragen.at(10, 0));
        assertThat(desk.markNoShows()).isEqualTo(2);

        assertThat(desk.booking(stays.id()).map(Booking::state)).contains(Booking.State.NO_SHOW);
        refused(gate.arrive(desk, stays.id(), scan(2)), Reason.TOO_LATE);
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(12, 36.6)));
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(13, 36.6)));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(14, 36.6)), Reason.WALK_INS_FULL);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isEqualTo(5);
        ServiceReport report = desk.report(FAMILY_CARD, WEDNESDAY, WEDNESDAY);
        assertThat(report).isEqualTo(new ServiceReport(3, 1, 2, 4));
        assertThat(report.noShowRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void walkIn_refusedByTheGate_givesItsPlaceBack() {
        clock.set(Sragen.at(8, 0));

        Refused fever = refused(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 38.5)), Reason.GATE_REFUSED);

        assertThat(fever.detail()).contains("screening did not pass");
        assertThat(day(WEDNESDAY)).isEmpty();
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(11, 36.6)));
        done(gate.walkIn(desk, FAMILY_CARD, walkIn(12, 36.6)));
    }

    @Test
    void walkIn_outsideTheWindowAtAnotherSiteOrForAnUnknownService_isRefused() {
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)), Reason.TOO_EARLY);
        clock.set(Sragen.at(15, 0));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)), Reason.TOO_LATE);
        clock.set(Sragen.at(9, 0));
        refused(gate.walkIn(desk, ServiceId.of("passport"), walkIn(10, 36.6)), Reason.UNKNOWN_SERVICE);
        refused(gate.walkIn(desk, FAMILY_CARD, new WalkIn(KEJARI_OFFICE, KEJARI, visitor(10), Role.GUEST,
                Screening.of(36.6, true, true))), Reason.OTHER_SITE);
        clock.set(Sragen.wib("2021-12-17T09:00"));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)), Reason.HOLIDAY);

        assertThat(day(WEDNESDAY)).isEmpty();
        assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isZero();
    }

    @Test
    void reserveAndWalkIn_fromManyThreadsAtOnce_neverGiveMoreThanTheDaysPlaces() throws Exception {
        booked(1, WEDNESDAY);
        clock.set(Sragen.at(8, 0));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int v = 100; v < 140; v++) {
                int visitor = v;
                futures.add(threads.submit(() -> {
                    start.await();
                    return visitor % 2 == 0 ? desk.reserve(FAMILY_CARD, visitor(visitor), WEDNESDAY)
                            : gate.walkIn(desk, FAMILY_CARD, walkIn(visitor, 36.6));
                }));
            }
            start.countDown();
            int reserved = 0;
            int walkedIn = 0;
            for (Future<Outcome> f : futures) {
                if (f.get(60, TimeUnit.SECONDS) instanceof Done done) {
                    reserved += done.booking().channel() == Booking.Channel.BOOKED ? 1 : 0;
                    walkedIn += done.booking().channel() == Booking.Channel.WALK_IN ? 1 : 0;
                }
            }

            assertThat(reserved).isEqualTo(2);
            assertThat(walkedIn).isEqualTo(2);
            assertThat(day(WEDNESDAY)).hasSize(5);
            assertThat(gate.occupancy(DUKCAPIL_OFFICE).admittedToday()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void confirm_ofACancelledBooking_isRefused() {
        Booking cancelled = done(desk.cancel(booked(1, THURSDAY).id()));

        refused(desk.confirm(cancelled.id()), Reason.NOT_CONFIRMED);

        assertThat(day(THURSDAY)).containsExactly(cancelled);
    }

    @Test
    void aDeskWithoutTheService_refusesItsBookingsInTheSharedStore() {
        Booking b = booked(1, WEDNESDAY);
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(2), WEDNESDAY));
        BookingDesk other = BookingDesk.builder(Sragen.directory(), store).clock(clock).build();
        clock.set(Sragen.at(8, 0));

        refused(other.confirm(held.id()), Reason.UNKNOWN_SERVICE);
        refused(gate.arrive(other, b.id(), scan(1)), Reason.UNKNOWN_SERVICE);

        assertThat(day(WEDNESDAY)).containsExactlyInAnyOrder(b, held);
    }

    @Test
    void arriveForAnotherAgency_andWalkInForAnotherAgencyOrOnAClosedDay_areRefused() {
        Booking b = booked(1, WEDNESDAY);
        clock.set(Sragen.at(8, 0));
        CheckIn otherAgency = new CheckIn(code(DUKCAPIL_OFFICE, DUKCAPIL), visitor(1), KEJARI, Role.GUEST,
                Fix.of(Sragen.IN_DUKCAPIL_OFFICE, 10).at(clock.instant()), HealthStatus.GREEN);

        refused(gate.arrive(desk, b.id(), otherAgency), Reason.OTHER_VISITOR);
        refused(gate.walkIn(desk, FAMILY_CARD, new WalkIn(DUKCAPIL_OFFICE, KEJARI, visitor(10), Role.GUEST,
                Screening.of(36.6, true, true))), Reason.OTHER_SITE);
        clock.set(Sragen.wib("2021-12-18T09:00"));
        refused(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)), Reason.CLOSED);

        assertThat(desk.booking(b.id())).contains(b);
        assertThat(day(WEDNESDAY.plusDays(3))).isEmpty();
    }

    @Test
    void store_refusesMisuseAndReplacesOnlyFromTheStateRead() {
        Booking held = done(desk.reserve(FAMILY_CARD, visitor(1), THURSDAY));
        Booking other = done(desk.reserve(FAMILY_CARD, visitor(2), THURSDAY));

        assertThatThrownBy(() -> store.replace(held, other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.walkIn(held, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.reserve(held.confirmed(), 5, 5, clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.remove(held)).isFalse();
        assertThat(store.replace(held.confirmed(), held.confirmed().cancelledAt(clock.instant(),
                clock.instant()))).isFalse();
        Booking ghost = Booking.hold(FAMILY_CARD, visitor(3), THURSDAY, clock.instant(), clock.instant()
                .plusSeconds(1));
        assertThat(store.replace(ghost, ghost.confirmed())).isFalse();
        assertThat(store.find(ghost.id())).isEmpty();

        assertThat(day(THURSDAY)).containsExactlyInAnyOrder(held, other);
    }

    @Test
    void waitEstimate_isPeopleAheadTimesRecentServiceTimeOverOpenCounters() {
        clock.set(Sragen.at(8, 0));
        Booking first = done(gate.walkIn(desk, FAMILY_CARD, walkIn(10, 36.6)));
        Booking second = done(gate.walkIn(desk, FAMILY_CARD, walkIn(11, 36.6)));

        assertThat(desk.waitEstimate(FAMILY_CARD, 1)).isEqualTo(Duration.ofMinutes(20));
        clock.set(Sragen.at(8, 6));
        done(desk.served(first.id()));

        assertThat(desk.waitEstimate(FAMILY_CARD, 1)).isEqualTo(Duration.ofMinutes(6));
        assertThat(desk.waitEstimate(FAMILY_CARD, 4)).isEqualTo(Duration.ofSeconds(90));
        done(desk.served(second.id()));
        assertThat(desk.waitEstimate(FAMILY_CARD, 1)).isZero();
    }
}
