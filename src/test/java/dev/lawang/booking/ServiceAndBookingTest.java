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
        for (String id : new String[] {"", "-card", "Family", "family card", "a".repeat(65), "kartu_keluarga"}) {
            assertThatThrownBy(() -> Service.builder(id, DUKCAPIL_OFFICE, DUKCAPIL)).as(id)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed service id");
        }
        Service.Builder b = Service.builder("a".repeat(64), DUKCAPIL_OFFICE, DUKCAPIL);
        assertThatThrownBy(() -> b.bookedPerDay(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> b.walkInsPerDay(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> b.daysAhead(367)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("367");
        assertThatThrownBy(() -> b.serviceTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.open(LocalTime.NOON, LocalTime.NOON, DayOfWeek.MONDAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00");
        assertThatThrownBy(() -> Service.builder("x", null, DUKCAPIL)).isInstanceOf(NullPointerException.class)
                .hasMessage("site");
        assertThat(b.build().window(DayOfWeek.MONDAY)).isEmpty();
    }

    @Test
    void service_laterWindowForADay_replacesTheEarlierOne() {
        Service s = Service.builder("id-card", DUKCAPIL_OFFICE, DUKCAPIL)
                .open(LocalTime.of(8, 0), LocalTime.of(14, 0), DayOfWeek.FRIDAY)
                .open(LocalTime.of(8, 0), LocalTime.of(11, 0), DayOfWeek.FRIDAY).build();

        assertThat(s.window(DayOfWeek.FRIDAY)).contains(new Service.Window(LocalTime.of(8, 0), LocalTime.of(11, 0)));
        assertThat(s).isEqualTo(Service.builder("id-card", DUKCAPIL_OFFICE, DUKCAPIL)
                .open(LocalTime.of(8, 0), LocalTime.of(11, 0), DayOfWeek.FRIDAY).build());
    }

    @Test
    void booking_refusesTimesThatDoNotFitItsState() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new Booking(id, "id-card", Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.HELD, NOW, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeUntil");
        assertThatThrownBy(() -> new Booking(id, "id-card", Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.ARRIVED, NOW, null, NOW, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticket");
        assertThatThrownBy(() -> new Booking(id, "id-card", Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.SERVED, NOW, null, NOW, null, TicketId.random()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> new Booking(id, "id-card", Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.WALK_IN, Booking.State.HELD, NOW, NOW, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walk-in");
        assertThatThrownBy(() -> new Booking(id, "ID card", Sragen.visitor(1), Sragen.REPORT_DAY,
                Booking.Channel.BOOKED, Booking.State.CONFIRMED, NOW, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service id");
    }

    @Test
    void booking_toString_namesNoVisitor() {
        Booking b = Booking.hold("id-card", Sragen.visitor(1), Sragen.REPORT_DAY, NOW, NOW.plusSeconds(60));

        assertThat(b.toString()).doesNotContain(Sragen.visitor(1).toText()).contains("id-card", "HELD");
    }

    @Test
    void booking_takesAPlaceWhileHeldAndAfterACancellationUntilTheDelay() {
        Booking held = Booking.hold("id-card", Sragen.visitor(1), Sragen.REPORT_DAY, NOW, NOW.plusSeconds(60));

        assertThat(held.takesPlaceAt(NOW.plusSeconds(59))).isTrue();
        assertThat(held.takesPlaceAt(NOW.plusSeconds(60))).isFalse();
        assertThat(held.isActiveAt(NOW.plusSeconds(60))).isFalse();
        Booking cancelled = held.confirmed().cancelledAt(NOW, NOW.plusSeconds(1800));
        assertThat(cancelled.takesPlaceAt(NOW.plusSeconds(1799))).isTrue();
        assertThat(cancelled.takesPlaceAt(NOW.plusSeconds(1800))).isFalse();
        assertThat(cancelled.isActiveAt(NOW)).isFalse();
        assertThat(Booking.walkIn("id-card", Sragen.visitor(2), Sragen.REPORT_DAY, NOW).takesPlaceAt(NOW)).isFalse();
    }

    @Test
    void deskBuilder_refusesServicesAtUnknownSitesForAbsentAgenciesOrWithTakenIds() {
        BookingDeskBuilder b = BookingDesk.builder(Sragen.directory(), BookingStore.inMemory());
        Service elsewhere = Service.builder("x", SiteId.of("nowhere"), DUKCAPIL).build();
        Service wrongAgency = Service.builder("y", DUKCAPIL_OFFICE, KEJARI).build();
        Service first = Service.builder("z", DUKCAPIL_OFFICE, DUKCAPIL).build();

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
        assertThat(desk.service("z")).contains(first);
        assertThatThrownBy(() -> desk.waitEstimate("z", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.waitEstimate("nope", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.report("z", Sragen.REPORT_DAY, Sragen.REPORT_DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.reserve("z", null, Sragen.REPORT_DAY)).isInstanceOf(NullPointerException.class)
                .hasMessage("visitor");
    }
}
