package dev.lawang.booking;

import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.KEJARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.SiteId;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.TicketId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The values' checks: services, windows, bookings and the desk's builder refuse what they cannot hold. */
class ServiceAndBookingTest {
    private static final Instant NOW = Sragen.at(9, 0);

    @Test
    void service_refusesMalformedIdsAndNegativeOrZeroValues_namingThem() {
        for (String id : new String[] {"", "-card", "Family", "family card", "a".repeat(65), "kartu_keluarga",
                "ktp\n", "k\u0000p", "ktp-el\u200b"}) {
            assertThatThrownBy(() -> ServiceId.of(id)).as(id)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service id must be");
            assertThat(ServiceId.isValid(id)).as(id).isFalse();
        }
        assertThatThrownBy(() -> ServiceId.of("x".repeat(10_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x".repeat(40) + "...").hasMessageNotContaining("x".repeat(41));
        assertThatThrownBy(() -> ServiceId.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Service.builder(null, DUKCAPIL_OFFICE, DUKCAPIL))
                .isInstanceOf(NullPointerException.class);
        assertThat(ServiceId.of("ktp-el")).isEqualTo(ServiceId.of("ktp-el")).hasToString("ktp-el")
                .isLessThan(ServiceId.of("ktp-em"));
        assertThat(ServiceId.of("a".repeat(64)).value()).hasSize(64);
        Service.Builder b = Service.builder(ServiceId.of("a".repeat(64)), DUKCAPIL_OFFICE, DUKCAPIL);
        assertThatThrownBy(() -> b.bookedPerDay(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> b.walkInsPerDay(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> b.daysAhead(367)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("367");
        assertThatThrownBy(() -> b.serviceTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.open(LocalTime.NOON, LocalTime.NOON, DayOfWeek.MONDAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00");
        assertThatThrownBy(() -> Service.builder(ServiceId.of("x"), null, DUKCAPIL)).isInstanceOf(NullPointerException.class)
                .hasMessage("site");
        assertThat(b.build().window(DayOfWeek.MONDAY)).isEmpty();
    }

    @Test
    void service_laterWindowForADay_replacesTheEarlierOne() {
        Service s = Service.builder(ServiceId.of("id-card"), DUKCAPIL_OFFICE, DUKCAPIL)
                .open(LocalTime.of(8, 0), LocalTime.of(14, 0), DayOfWeek.FRIDAY)
                .open(LocalTime.of(8, 0), LocalTime.of(11, 0), DayOfWeek.FRIDAY).build();

        assertThat(s.window(DayOfWeek.FRIDAY)).contains(new Service.Window(LocalTime.of(8, 0), LocalTime.of(11, 0)));
        assertThat(s).isEqualTo(Service.builder(ServiceId.of("id-card"), DUKCAPIL_OFFICE, DUKCAPIL)
                .open(LocalTime.of(8, 0), LocalTime.of(11, 0), DayOfWeek.FRIDAY).build());
    }

    @Test
    void booking_refusesTimesThatDoNotFitItsState() {
        BookingId id = BookingId.random();
        assertThatThrownBy(() -> new Booking(id, ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.HELD, NOW, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeUntil");
        assertThatThrownBy(() -> new Booking(id, ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.ARRIVED, NOW, null, NOW, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticket");
        assertThatThrownBy(() -> new Booking(id, ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.SERVED, NOW, null, NOW, null, TicketId.random()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> new Booking(id, ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.WALK_IN, Booking.State.HELD, NOW, NOW, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walk-in");
        assertThatThrownBy(() -> new Booking(null, ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.CONFIRMED, NOW, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new Booking(id, null, Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.CONFIRMED, NOW, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("service");
    }

    @Test
    void bookingId_parsesOnlyItsOwnPrintedForm() {
        BookingId id = BookingId.random();
        assertThat(BookingId.parse(id.toString())).isEqualTo(id);
        assertThat(BookingId.of(id.toUuid())).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(BookingId.parse("3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c44").toUuid())
                .isEqualTo(new UUID(0x3f0c2a4e7b1d4c7aL, 0x9e350d2b6f1a8c44L));
        for (String text : new String[] {"", "1-1-1-1-1", "3F0C2A4E-7B1D-4C7A-9E35-0D2B6F1A8C44",
                "3f0c2a4e7b1d4c7a9e350d2b6f1a8c44", "3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c44 ",
                "{3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c44}", "3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c4g",
                "3f0c2a4e-7b1d-4c7a-9e35-0d2b6f1a8c44\n", "x".repeat(10_000)}) {
            assertThatThrownBy(() -> BookingId.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("booking id must be").hasMessageNotContaining("x".repeat(41));
        }
        assertThatThrownBy(() -> BookingId.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BookingId.of(null)).isInstanceOf(NullPointerException.class);
        BookingId low = BookingId.parse("00000000-0000-4000-8000-000000000001");
        BookingId high = BookingId.parse("00000000-0000-4000-8000-000000000002");
        assertThat(low).isLessThan(high);
    }

    @Test
    void booking_toString_namesNoVisitor() {
        Booking b = Booking.hold(ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY, NOW, NOW.plusSeconds(60));

        assertThat(b.toString()).doesNotContain(Sragen.visitor(1).toText()).contains("id-card", "HELD");
    }

    @Test
    void booking_takesAPlaceWhileHeldAndAfterACancellationUntilTheDelay() {
        Booking held = Booking.hold(ServiceId.of("id-card"), Sragen.visitor(1), Sragen.REPORT_DAY, NOW, NOW.plusSeconds(60));

        assertThat(held.takesPlaceAt(NOW.plusSeconds(59))).isTrue();
        assertThat(held.takesPlaceAt(NOW.plusSeconds(60))).isFalse();
        assertThat(held.isActiveAt(NOW.plusSeconds(60))).isFalse();
        Booking cancelled = held.confirmed().cancelledAt(NOW, NOW.plusSeconds(1800));
        assertThat(cancelled.takesPlaceAt(NOW.plusSeconds(1799))).isTrue();
        assertThat(cancelled.takesPlaceAt(NOW.plusSeconds(1800))).isFalse();
        assertThat(cancelled.isActiveAt(NOW)).isFalse();
        assertThat(Booking.walkIn(ServiceId.of("id-card"), Sragen.visitor(2), Sragen.REPORT_DAY, NOW).takesPlaceAt(NOW)).isFalse();
    }

    @Test
    void deskBuilder_refusesServicesAtUnknownSitesForAbsentAgenciesOrWithTakenIds() {
        BookingDeskBuilder b = BookingDesk.builder(Sragen.directory(), BookingStore.inMemory());
        Service elsewhere = Service.builder(ServiceId.of("x"), SiteId.of("nowhere"), DUKCAPIL).build();
        Service wrongAgency = Service.builder(ServiceId.of("y"), DUKCAPIL_OFFICE, KEJARI).build();
        Service first = Service.builder(ServiceId.of("z"), DUKCAPIL_OFFICE, DUKCAPIL).build();

        assertThatThrownBy(() -> b.services(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> b.services(wrongAgency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kejari");
        b.services(first);
        assertThatThrownBy(() -> b.services(first)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taken");
        assertThatThrownBy(() -> b.hold(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.releaseDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxActive(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        BookingDesk desk = b.build();
        assertThat(desk.service(ServiceId.of("z"))).contains(first);
        assertThatThrownBy(() -> desk.waitEstimate(ServiceId.of("z"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.waitEstimate(ServiceId.of("nope"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.report(ServiceId.of("z"), Sragen.REPORT_DAY, Sragen.REPORT_DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.reserve(ServiceId.of("z"), null, Sragen.REPORT_DAY)).isInstanceOf(NullPointerException.class)
                .hasMessage("visitor");
    }
}
