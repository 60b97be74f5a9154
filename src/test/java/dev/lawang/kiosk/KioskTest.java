package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.RefusalReason;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskTest {
    private static final Instant MORNING = Instant.parse("2026-12-02T01:00:00Z");
    private static final Directory DIRECTORY = Directory.builder()
            .agencies(Agency.of(Decisions.AGENCY, "Dinas Kesehatan"))
            .sites(Site.builder(Decisions.SITE).name("Puskesmas Sragen")
                    .geofence(Geofence.circle(GeoPoint.of(-7.43, 111.02), 60)).tenants(Decisions.AGENCY).build())
            .build();
    private static final Screening PASSES = Screening.of(36.5, true, true);

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(MORNING);
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final CapacityPolicy policy = CapacityPolicy.builder().dailyQuota(Decisions.SITE, 100).build();
    private final OccupancyLedger ledger = OccupancyLedger.inMemory(policy, clock);
    private final VisitLog visitLog = VisitLog.inMemory();

    private Lease lease(int places) {
        return Lease.take(ledger, visitLog, request(), places, clock.instant(), clock.instant().plus(
                Duration.ofHours(4)));
    }

    private static AdmitRequest request() {
        return new AdmitRequest(TicketId.of(0, 0), Decisions.visitor(0), Decisions.SITE, Site.DEFAULT_ZONE,
                Decisions.AGENCY, Role.GUEST);
    }

    private Kiosk kiosk(Journal journal, Lease lease) {
        return Kiosk.builder().directory(DIRECTORY).policy(policy).journal(journal).leases(lease).clock(clock)
                .nanoTime(nanos::get).trustedAsOf(MORNING.minus(Duration.ofHours(1))).build();
    }

    private static WalkIn walkIn(int visitor) {
        return new WalkIn(Decisions.SITE, Decisions.AGENCY, Decisions.visitor(visitor), Role.GUEST, PASSES);
    }

    private static Decision decided(OfflineAnswer answer) {
        assertThat(answer).isInstanceOf(OfflineAnswer.Decided.class);
        return ((OfflineAnswer.Decided) answer).decision();
    }

    @Test
    void twoKiosksHoldingThirtyEach_refuseTheirThirtyFirst_whileTheCentralDeskAdmitsForty_andTheDayStaysAtItsQuota()
            throws IOException {
        Lease first = lease(30);
        Lease second = lease(30);
        assertThat(first.places()).isEqualTo(30);
        assertThat(second.places()).isEqualTo(30);
        Gate central = Gate.builder().directory(DIRECTORY)
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(ledger).visitLog(visitLog).clock(clock).build();
        try (Journal a = Journal.open(dir.resolve("a.journal"));
                Journal b = Journal.open(dir.resolve("b.journal"))) {
            Kiosk kioskA = kiosk(a, first);
            Kiosk kioskB = kiosk(b, second);
            for (int i = 0; i < 30; i++) {
                assertThat(decided(kioskA.walkIn(walkIn(1000 + i))).isAdmitted()).as("kiosk A, guest %d", i + 1)
                        .isTrue();
                assertThat(decided(kioskB.walkIn(walkIn(2000 + i))).isAdmitted()).as("kiosk B, guest %d", i + 1)
                        .isTrue();
            }
            Decision thirtyFirst = decided(kioskA.walkIn(walkIn(1030)));
            assertThat(thirtyFirst).isInstanceOfSatisfying(Decision.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED));
            for (int i = 0; i < 40; i++) {
                assertThat(central.walkIn(walkIn(3000 + i)).isAdmitted()).as("central desk, guest %d", i + 1)
                        .isTrue();
            }
            assertThat(central.walkIn(walkIn(3040))).isInstanceOfSatisfying(Decision.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED));
            assertThat(decided(kioskB.walkIn(walkIn(2030))).isAdmitted()).isFalse();
            assertThat(ledger.read(Decisions.SITE, Site.DEFAULT_ZONE).admittedToday())
                    .as("the central count: 40 admitted there, 60 leased").isEqualTo(100);
            assertThat(a.lastSequence()).as("kiosk A journaled 30 admissions and a refusal").isEqualTo(31);
        }
    }

    @Test
    void lease_takesOnlyWhatTheQuotaStillAllows() {
        assertThat(lease(70).places()).isEqualTo(70);
        assertThat(lease(50).places()).isEqualTo(30);
        assertThat(lease(1).places()).isZero();
    }

    @Test
    void giveBack_freesThePlacesPresentAndTheirPlacesInTodaysQuota() {
        Lease lease = lease(30);
        assertThat(ledger.read(Decisions.SITE, Site.DEFAULT_ZONE).present()).isEqualTo(30);
        assertThat(lease.giveBack(ledger, visitLog, clock.instant())).isEqualTo(30);
        assertThat(lease.giveBack(ledger, visitLog, clock.instant())).isZero();
        assertThat(ledger.read(Decisions.SITE, Site.DEFAULT_ZONE).present()).isZero();
        assertThat(ledger.read(Decisions.SITE, Site.DEFAULT_ZONE).admittedToday()).isZero();
        assertThat(visitLog.openVisits(clock.instant().plusSeconds(1))).isEmpty();
    }

    @Test
    void lease_recordsItsPlaceholdersVisits_soTheCentralGatesRecoveryKeepsThem() {
        Lease lease = lease(5);
        Gate central = Gate.builder().directory(DIRECTORY)
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(ledger).visitLog(visitLog).clock(clock).build();
        clock.advance(Gate.RECOVERY_GRACE.plusMinutes(1));
        central.recover();
        assertThat(ledger.read(Decisions.SITE, Site.DEFAULT_ZONE).present()).isEqualTo(5);
        assertThat(visitLog.openVisits(clock.instant())).hasSize(lease.places());
    }

    @Test
    void restartedKiosk_countsWhatItsJournalHolds_andAdmitsNoMoreThanItsLease() throws IOException {
        Lease lease = lease(10);
        Path file = dir.resolve("k.journal");
        try (Journal journal = Journal.open(file)) {
            Kiosk kiosk = kiosk(journal, lease);
            for (int i = 0; i < 6; i++) {
                assertThat(decided(kiosk.walkIn(walkIn(i))).isAdmitted()).isTrue();
            }
        }
        try (Journal journal = Journal.open(file)) {
            Kiosk kiosk = kiosk(journal, lease);
            int admitted = 0;
            for (int i = 100; i < 110; i++) {
                if (decided(kiosk.walkIn(walkIn(i))).isAdmitted()) {
                    admitted++;
                }
            }
            assertThat(admitted).isEqualTo(4);
        }
    }

    @Test
    void walkIn_ofAVisitorAlreadyInside_isARepeatWithTheSameTicket_andJournalsNothing() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, lease(3));
            Decision first = decided(kiosk.walkIn(walkIn(1)));
            Decision again = decided(kiosk.walkIn(walkIn(1)));
            assertThat(again).isInstanceOfSatisfying(Decision.Admitted.class, a -> {
                assertThat(a.repeat()).isTrue();
                assertThat(a.ticket()).isEqualTo(((Decision.Admitted) first).ticket());
            });
            assertThat(journal.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void checkOut_closesTheVisitInTheJournal_andASecondCheckOutIsNoDecision() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, lease(3));
            TicketId ticket = ((Decision.Admitted) decided(kiosk.walkIn(walkIn(1)))).ticket().id();
            Optional<OfflineDecision> out = kiosk.checkOut(ticket);
            assertThat(out).hasValueSatisfying(d -> {
                assertThat(d.kind()).isEqualTo(OfflineDecision.Kind.CHECK_OUT);
                assertThat(d.ticket()).isEqualTo(ticket);
            });
            assertThat(kiosk.checkOut(ticket)).isEmpty();
            assertThat(kiosk.checkOut(TicketId.of(9, 9))).isEmpty();
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void walkIn_runsTheGatesChecksInOrder_andJournalsTheRefusal() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, lease(3));
            WalkIn feverish = new WalkIn(Decisions.SITE, Decisions.AGENCY, Decisions.visitor(1), Role.GUEST,
                    Screening.of(38.5, true, true));
            assertThat(decided(kiosk.walkIn(feverish))).isInstanceOfSatisfying(Decision.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.SCREENING_FAILED));
            assertThat(journal.lastSequence()).isEqualTo(1);
        }
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            assertThat(journal.recovered().get(0).decision().refusal()).isEqualTo(RefusalReason.SCREENING_FAILED);
        }
    }

    @Test
    void kiosk_refusesToDecide_withoutALease_afterItExpires_andWithTrustDataTooOld() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Lease lease = lease(3);
            Kiosk kiosk = kiosk(journal, lease);
            WalkIn elsewhere = new WalkIn(dev.lawang.directory.SiteId.of("setda-complex"), Decisions.AGENCY,
                    Decisions.visitor(1), Role.GUEST, PASSES);
            assertThat(kiosk.walkIn(elsewhere)).isEqualTo(new OfflineAnswer.Undecided(
                    OfflineAnswer.Reason.NO_LEASE));
            Kiosk stale = Kiosk.builder().directory(DIRECTORY).policy(policy).journal(journal).leases(lease)
                    .clock(clock).trustedAsOf(MORNING.minus(Duration.ofHours(25))).build();
            assertThat(stale.walkIn(walkIn(1))).isEqualTo(new OfflineAnswer.Undecided(
                    OfflineAnswer.Reason.TRUST_DATA_TOO_OLD));
            clock.advance(Duration.ofHours(4));
            nanos.addAndGet(Duration.ofHours(4).toNanos());
            assertThat(kiosk.walkIn(walkIn(1))).isEqualTo(new OfflineAnswer.Undecided(
                    OfflineAnswer.Reason.LEASE_EXPIRED));
            assertThat(journal.lastSequence()).as("nothing journaled").isZero();
        }
    }

    @Test
    void decisionsTakenWhileTheWallClockJumped_areFlagged_inTheAnswerAndTheJournal() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, lease(5));
            clock.advance(Duration.ofMinutes(10));
            nanos.addAndGet(Duration.ofMinutes(10).toNanos());
            assertThat(((OfflineAnswer.Decided) kiosk.walkIn(walkIn(1))).clockJumped()).isFalse();
            clock.advance(Duration.ofMinutes(30));
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(((OfflineAnswer.Decided) kiosk.walkIn(walkIn(2))).clockJumped()).isTrue();
        }
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            assertThat(journal.recovered()).extracting(e -> e.decision().clockJumped()).containsExactly(false, true);
        }
    }

    @Test
    void underAPresenceLimitOnly_aCheckOutGivesThePlaceBack_andTheFullKioskRefusesAsTheGateWould()
            throws IOException {
        CapacityPolicy present = CapacityPolicy.builder().maxPresent(Decisions.SITE, 10).build();
        OccupancyLedger central = OccupancyLedger.inMemory(present, clock);
        Lease lease = Lease.take(central, visitLog, request(), 2, MORNING, MORNING.plus(Duration.ofHours(2)));
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = Kiosk.builder().directory(DIRECTORY).policy(present).journal(journal).leases(lease)
                    .clock(clock).nanoTime(nanos::get).trustedAsOf(MORNING).build();
            TicketId first = ((Decision.Admitted) decided(kiosk.walkIn(walkIn(1)))).ticket().id();
            assertThat(decided(kiosk.walkIn(walkIn(2))).isAdmitted()).isTrue();
            assertThat(decided(kiosk.walkIn(walkIn(3)))).isInstanceOfSatisfying(Decision.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.SITE_FULL));
            kiosk.checkOut(first);
            assertThat(decided(kiosk.walkIn(walkIn(3))).isAdmitted()).isTrue();
        }
        assertThat(central.read(Decisions.SITE, Site.DEFAULT_ZONE).present()).isEqualTo(2);
    }

    @Test
    void desksDecidingAtOnce_admitExactlyTheLeasesPlaces_andJournalEveryDecision() throws Exception {
        Lease lease = lease(50);
        int desks = 8;
        int each = 25;
        java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, lease);
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < desks; t++) {
                int desk = t;
                threads.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            if (decided(kiosk.walkIn(walkIn(desk * 1000 + i))).isAdmitted()) {
                                admitted.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(admitted).hasValue(50);
        }
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            assertThat(journal.recovered()).hasSize(desks * each);
            assertThat(journal.recovered()).filteredOn(e -> !e.decision().isRefused()).hasSize(50);
        }
    }

    @Test
    void builder_refusesMissingPartsAndBadValues() {
        assertThatThrownBy(() -> Kiosk.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Kiosk.builder().maxTrustAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> Kiosk.builder().clockTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        Lease lease = lease(1);
        assertThatThrownBy(() -> Kiosk.builder().leases(lease, lease)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lease(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease.take(ledger, visitLog, request(), 1, MORNING, MORNING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
