package dev.lawang;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.booking.Booking;
import dev.lawang.booking.BookingDesk;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.BookingStore;
import dev.lawang.booking.Outcome;
import dev.lawang.booking.Service;
import dev.lawang.booking.ServiceId;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The civil-registry example of docs/appointments.md, run as written; its code blocks equal the marked lines. */
class AppointmentsDocTest {
    private static final String[][] MARKERS = {{"// appointments: reserve", "// appointments: reserved"},
        {"// appointments: arrive", "// appointments: arrived"}};

    @Test
    void example_booksConfirmsAndArrivesThroughTheGate() throws Exception {
        TestClock clock = TestClock.at(Sragen.wib("2021-12-15T10:00"));
        Issuer issuer = Issuer.generate();
        Verifier verifier = Verifier.of(TrustList.builder().trust(issuer.publicKey()).build());
        String code = issuer.sign(SharedCode.builder(SiteId.of("dispendukcapil")).covering(AgencyId.of("dispendukcapil"))
                .validFrom(clock.instant()).validUntil(clock.instant().plus(Duration.ofDays(90))).build());
        VisitorRef visitor = Sragen.visitor(1);

        // appointments: reserve
        Directory dir = Directory.readGeoJson(Files.newBufferedReader(Path.of("docs/examples/sragen.geojson")));
        Service familyCard = Service.builder(ServiceId.of("family-card"), SiteId.of("dispendukcapil"),
                        AgencyId.of("dispendukcapil"))
                .bookedPerDay(100).walkInsPerDay(50).daysAhead(14).serviceTime(Duration.ofMinutes(8))
                .open(LocalTime.of(8, 0), LocalTime.of(14, 0), MONDAY, TUESDAY, WEDNESDAY, THURSDAY)
                .open(LocalTime.of(8, 0), LocalTime.of(11, 0), FRIDAY)
                .build();
        BookingDesk desk = BookingDesk.builder(dir, BookingStore.inMemory())  // JdbcBookingStore.of(pool) when shared
                .services(familyCard).holidays(LocalDate.of(2021, 12, 24)).clock(clock).build();
        Gate gate = Gate.builder().directory(dir).verifier(verifier).clock(clock).build();

        Outcome held = desk.reserve(familyCard.id(), visitor, LocalDate.of(2021, 12, 16));
        BookingId booking = ((Outcome.Done) held).booking().id();
        Outcome confirmed = desk.confirm(booking);           // within 30 minutes of the hold
        // appointments: reserved

        assertThat(confirmed).isInstanceOf(Outcome.Done.class);
        assertThat(desk.reserve(ServiceId.of("family-card"), visitor, LocalDate.of(2021, 12, 24)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Outcome.Reason.HOLIDAY));
        clock.set(Sragen.wib("2021-12-16T08:15"));

        // appointments: arrive
        Fix fix = Fix.of(Sragen.IN_DUKCAPIL_OFFICE, 10).at(clock.instant());  // the phone's position at the door
        Outcome arrival = gate.arrive(desk, booking,
                new CheckIn(code, visitor, AgencyId.of("dispendukcapil"), Role.GUEST, fix, null));
        Duration wait = desk.waitEstimate(familyCard.id(), 3);             // with 3 counters open
        // appointments: arrived

        assertThat(arrival).isInstanceOfSatisfying(Outcome.Done.class,
                d -> assertThat(d.booking().state()).isEqualTo(Booking.State.ARRIVED));
        assertThat(wait).isEqualTo(Duration.ofSeconds(160));   // 1 person ahead x 8 min / 3 counters
        assertThat(gate.occupancy(SiteId.of("dispendukcapil")).admittedToday()).isEqualTo(1);
    }

    @Test
    void pageShowsExactlyTheLinesTheExampleRuns() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/lawang/AppointmentsDocTest.java"));
        List<String> page = Files.readAllLines(Path.of("docs/appointments.md"));
        List<List<String>> blocks = javaBlocks(page);
        assertThat(blocks).as("java blocks in docs/appointments.md").hasSizeGreaterThanOrEqualTo(MARKERS.length);
        for (int i = 0; i < MARKERS.length; i++) {
            List<String> tested = trimmed(source.subList(indexOf(source, MARKERS[i][0]) + 1,
                    indexOf(source, MARKERS[i][1])));
            assertThat(trimmed(blocks.get(i))).as("block %d", i + 1).isEqualTo(tested);
        }
    }

    private static List<List<String>> javaBlocks(List<String> page) {
        List<List<String>> blocks = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).equals("```java")) {
                int end = page.subList(i + 1, page.size()).indexOf("```") + i + 1;
                blocks.add(page.subList(i + 1, end));
                i = end;
            }
        }
        return blocks;
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

    /** Lines without the indentation, which differs between the page and this class. */
    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).collect(Collectors.toList());
    }
}
