package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/capacity.md, step by step. */
class CapacityExampleTest {
    private static final SiteId OFFICE = SiteId.of("dukcapil-sragen");
    private static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final byte[] SECRET = "the example's pseudonym secret, 32 bytes".getBytes(StandardCharsets.US_ASCII);

    private final TestClock clock = TestClock.at(Instant.parse("2021-12-15T01:00:00Z"));

    private static AdmitRequest guest(int n) {
        return new AdmitRequest(TicketId.random(), visitor("guest" + n), OFFICE, WIB, DUKCAPIL, Role.GUEST);
    }

    private static VisitorRef visitor(String name) {
        return VisitorRef.pseudonymise(name, SECRET);
    }

    @Test
    void civilRegistry_firstFiftyGuestsADayThenPpkmLevels() {
        CapacityPolicy first = CapacityPolicy.builder()
                .dailyQuota(OFFICE, DUKCAPIL, 50)
                .maxPresent(OFFICE, 30, Role.GUEST)
                .defaultStay(Duration.ofHours(2))
                .build();
        OccupancyLedger ledger = OccupancyLedger.inMemory(first, clock);

        for (int n = 1; n <= 50; n++) {
            Admitted a = (Admitted) ledger.admit(guest(n));
            clock.advance(Duration.ofMinutes(5));
            assertThat(ledger.release(a.ticket().id())).isPresent();
        }
        assertThat(ledger.admit(guest(51))).isEqualTo(new Refused(Admission.Reason.DAILY_QUOTA_REACHED, 50, 50));
        assertThat(ledger.admit(new AdmitRequest(TicketId.random(), visitor("staff1"), OFFICE, WIB, DUKCAPIL,
                Role.STAFF)).isAdmitted()).isTrue();
        clock.set(Instant.parse("2021-12-15T17:00:00Z"));
        assertThat(ledger.admit(guest(51)).isAdmitted()).isTrue();

        LevelSchedule ppkm = LevelSchedule.of(
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 15), 3, 25,
                        "Inmendagri 9/2022"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 3, 1), 3, 50,
                        "Inmendagri 12/2022"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 8), 3, 50,
                        "Inmendagri 13/2022"));
        ledger.replacePolicy(first.toBuilder().dailyQuota(OFFICE, DUKCAPIL, 150).levels(ppkm).build());

        clock.set(Instant.parse("2022-02-09T02:00:00Z"));
        assertThat(ledger.read(OFFICE, DUKCAPIL, WIB).dailyQuota()).hasValue(37);
        assertThat(ledger.read(OFFICE, WIB).limit()).hasValue(7);
        clock.set(Instant.parse("2022-02-16T02:00:00Z"));
        assertThat(ledger.read(OFFICE, DUKCAPIL, WIB).dailyQuota()).hasValue(150);
        assertThat(ledger.read(OFFICE, WIB).limit()).hasValue(30);
        clock.set(Instant.parse("2022-02-23T02:00:00Z"));
        assertThat(ledger.read(OFFICE, DUKCAPIL, WIB).dailyQuota()).hasValue(75);
        assertThat(ledger.read(OFFICE, WIB).limit()).hasValue(15);
        clock.set(Instant.parse("2022-03-02T02:00:00Z"));
        assertThat(ledger.read(OFFICE, DUKCAPIL, WIB).dailyQuota()).hasValue(75);
        assertThat(ledger.read(OFFICE, WIB).limit()).hasValue(15);
    }

    @Test
    void civilRegistry_aFullWaitingRoomAndALevelThatDrops() {
        LevelSchedule ppkm = LevelSchedule.of(
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 15), 3, 25,
                        "Inmendagri 9/2022"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 3, 1), 3, 50,
                        "Inmendagri 12/2022"));
        clock.set(Instant.parse("2022-02-09T02:00:00Z"));
        OccupancyLedger ledger = OccupancyLedger.inMemory(CapacityPolicy.builder().dailyQuota(OFFICE, DUKCAPIL, 150)
                .maxPresent(OFFICE, 30, Role.GUEST).levels(ppkm).build(), clock);

        for (int n = 1; n <= 7; n++) {
            assertThat(ledger.admit(guest(n)).isAdmitted()).isTrue();
        }
        assertThat(ledger.read(OFFICE, WIB)).hasToString("Occupancy[present=7 of 7, admittedToday=7]");
        assertThat(ledger.read(OFFICE, WIB).crowdLevel()).isEqualTo(CrowdLevel.FULL);
        assertThat(ledger.admit(guest(8))).isEqualTo(new Refused(Admission.Reason.SITE_FULL, 7, 7));

        clock.set(Instant.parse("2022-02-28T02:00:00Z"));
        ledger.expire();
        List<TicketId> waiting = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            waiting.add(((Admitted) ledger.admit(guest(100 + n))).ticket().id());
        }
        ledger.replacePolicy(ledger.policy().toBuilder().levels(LevelSchedule.of(
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 3, 1), 3, 25,
                        "stricter level"))).build());

        assertThat(ledger.read(OFFICE, WIB).present()).isEqualTo(15);
        assertThat(ledger.read(OFFICE, WIB).limit()).hasValue(7);
        assertThat(ledger.read(OFFICE, WIB).crowdLevel()).isEqualTo(CrowdLevel.FULL);
        for (int i = 0; i < 9; i++) {
            assertThat(ledger.admit(guest(200)).isAdmitted()).isFalse();
            ledger.release(waiting.get(i));
        }
        assertThat(ledger.admit(guest(200)).isAdmitted()).isTrue();
    }
}
