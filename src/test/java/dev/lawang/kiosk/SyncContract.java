package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.LocationRule;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Display;
import dev.lawang.code.DisplayGrant;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of sync on a central ledger: a kiosk's decisions applied once each, in any order and however often
 * uploaded, with every conflict reported. An implementation's test says how to build an empty ledger and which
 * visit log goes with it; {@code InMemorySyncTest} runs it on the in-memory ledger, {@code JdbcSyncTest} on
 * PostgreSQL.
 */
public abstract class SyncContract {
    private static final Instant MORNING = Instant.parse("2026-12-02T02:00:00Z");
    private static final SiteId SITE = Decisions.SITE;
    private static final Directory DIRECTORY = Directory.builder()
            .agencies(Agency.of(Decisions.AGENCY, "Dinas Kesehatan"))
            .sites(Site.builder(SITE).name("Puskesmas Sragen")
                    .geofence(Geofence.circle(GeoPoint.of(-7.43, 111.02), 60)).tenants(Decisions.AGENCY).build())
            .build();
    private static final Screening PASSES = Screening.of(36.5, true, true);

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(MORNING);
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final CapacityPolicy policy = CapacityPolicy.builder().dailyQuota(SITE, 100).build();
    private final Issuer issuer = Issuer.generate();
    private OccupancyLedger ledger;
    private VisitLog visits;
    private int journals;

    /** For subclasses. */
    protected SyncContract() {
    }

    /**
     * Builds an empty ledger.
     *
     * @param policy its policy
     * @param clock the clock it takes every instant from
     * @return the ledger
     */
    protected abstract OccupancyLedger newLedger(CapacityPolicy policy, Clock clock);

    /**
     * Returns the visit log that goes with a ledger: its own if it keeps one.
     *
     * @param ledger the ledger
     * @return the visit log
     */
    protected VisitLog visitLogOf(OccupancyLedger ledger) {
        return ledger.visitLog().orElseGet(VisitLog::inMemory);
    }

    private void start() {
        ledger = newLedger(policy, clock);
        visits = visitLogOf(ledger);
    }

    private Lease lease(int places) {
        return Lease.take(ledger, visits, new AdmitRequest(TicketId.of(0, 0), Decisions.visitor(0), SITE,
                Site.DEFAULT_ZONE, Decisions.AGENCY, Role.GUEST), places, clock.instant(),
                clock.instant().plus(Duration.ofHours(4)));
    }

    private Journal journal() throws IOException {
        return Journal.open(dir.resolve("kiosk-" + (++journals) + ".journal"));
    }

    private Kiosk kiosk(Journal journal, Lease lease) {
        return kiosk(journal, lease, TrustList.builder().trust(issuer.publicKey()).build());
    }

    private Kiosk kiosk(Journal journal, Lease lease, TrustList trust) {
        return Kiosk.builder().directory(DIRECTORY).policy(policy).journal(journal).leases(lease).clock(clock)
                .nanoTime(nanos::get).trustedAsOf(MORNING.minus(Duration.ofHours(1))).verifier(Verifier.of(trust))
                .locationRule(LocationRule.ignore()).build();
    }

    private Sync sync() {
        return sync(TrustList.builder().trust(issuer.publicKey()).build());
    }

    private Sync sync(TrustList centre) {
        return Sync.of(ledger, visits, DIRECTORY, centre, clock);
    }

    private Gate gate() {
        Gate.Builder b = Gate.builder().directory(DIRECTORY)
                .verifier(Verifier.of(TrustList.builder().trust(issuer.publicKey()).build())).ledger(ledger)
                .clock(clock);
        if (ledger.visitLog().isEmpty()) {
            b.visitLog(visits);
        }
        return b.build();
    }

    private static WalkIn walkIn(int visitor) {
        return new WalkIn(SITE, Decisions.AGENCY, Decisions.visitor(visitor), Role.GUEST, PASSES);
    }

    private static TicketId admitted(OfflineAnswer answer) {
        assertThat(answer).isInstanceOf(OfflineAnswer.Decided.class);
        Decision d = ((OfflineAnswer.Decided) answer).decision();
        assertThat(d).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) d).ticket().id();
    }

    private int present() {
        return ledger.read(SITE, Site.DEFAULT_ZONE).present();
    }

    private long admittedToday() {
        return ledger.read(SITE, Site.DEFAULT_ZONE).admittedToday();
    }

    @Test
    void sync_putsOfflineVisitsInTheLeasesPlaces_givesTheRestBack_andTheirTicketsCheckOutCentrally() throws IOException {
        start();
        Lease lease = lease(5);
        TicketId first;
        TicketId second;
        try (Journal journal = journal()) {
            Kiosk kiosk = kiosk(journal, lease);
            clock.advance(Duration.ofMinutes(10));
            first = admitted(kiosk.walkIn(walkIn(1)));
            clock.advance(Duration.ofMinutes(1));
            second = admitted(kiosk.walkIn(walkIn(2)));
            admitted(kiosk.walkIn(walkIn(3)));
            clock.advance(Duration.ofMinutes(5));
            assertThat(kiosk.checkOut(second)).isPresent();
        }
        List<Journal.Entry> entries = reopen(1);
        assertThat(present()).as("five placeholders").isEqualTo(5);

        Reconciliation report = sync().upload("kiosk-a", entries, List.of(lease), true);

        assertThat(report.applied()).isEqualTo(4);
        assertThat(report.alreadyApplied()).isZero();
        assertThat(report.admittedOffline()).isEqualTo(3);
        assertThat(report.returned()).as("two places unused").isEqualTo(2);
        assertThat(report.conflicts()).isEmpty();
        assertThat(present()).as("visitors 1 and 3 inside").isEqualTo(2);
        assertThat(admittedToday()).as("the lease's five less the two given back unused").isEqualTo(3);
        Visit visit = visits.find(first).orElseThrow();
        assertThat(visit.in()).isEqualTo(MORNING.plus(Duration.ofMinutes(10)));
        assertThat(visit.out()).isEmpty();
        assertThat(visits.find(second).orElseThrow().out()).contains(MORNING.plus(Duration.ofMinutes(16)));
        assertThat(gate().checkOut(first)).as("an offline ticket checks out at the central gate").isPresent();
        assertThat(present()).isEqualTo(1);
    }

    @Test
    void uploadingTwice_orAfterALostAcknowledgement_changesNothing() throws IOException {
        start();
        Lease lease = lease(3);
        walkInsOffline(lease, 10, 3);
        List<Journal.Entry> entries = reopen(1);
        Sync sync = sync();
        sync.upload("kiosk-a", entries, List.of(lease), false); // its acknowledgement lost
        int present = present();
        long admitted = admittedToday();

        Reconciliation retry = sync.upload("kiosk-a", entries, List.of(lease), false);

        assertThat(retry.applied()).isZero();
        assertThat(retry.alreadyApplied()).isEqualTo(3);
        assertThat(retry.admittedOffline()).isZero();
        assertThat(present()).isEqualTo(present).isEqualTo(3);
        assertThat(admittedToday()).isEqualTo(admitted).isEqualTo(3);
    }

    /** A kiosk on the lease, with a journal of its own, admits {@code count} walk-ins from visitor {@code first} on. */
    private void walkInsOffline(Lease lease, int first, int count) throws IOException {
        try (Journal journal = journal()) {
            Kiosk kiosk = kiosk(journal, lease);
            for (int i = 0; i < count; i++) {
                admitted(kiosk.walkIn(walkIn(first + i)));
            }
        }
    }

    private List<Journal.Entry> reopen(int journal) throws IOException {
        try (Journal reopened = Journal.open(dir.resolve("kiosk-" + journal + ".journal"))) {
            return reopened.recovered();
        }
    }

    @Test
    void aLongLease_isOfferedInWindows_acrossUploads_andItsUnusedPlacesComeBack() throws IOException {
        start();
        Lease lease = lease(3 * Sync.WINDOW);
        walkInsOffline(lease, 100, 2 * Sync.WINDOW + 5);
        List<Journal.Entry> entries = reopen(1);
        Sync sync = sync();

        Reconciliation first = sync.upload("kiosk-a", entries.subList(0, Sync.WINDOW + 3), List.of(lease), false);
        Reconciliation rest = sync.upload("kiosk-a", entries, List.of(lease), true);

        assertThat(first.admittedOffline()).isEqualTo(Sync.WINDOW + 3);
        assertThat(rest.admittedOffline()).isEqualTo(Sync.WINDOW + 2);
        assertThat(rest.alreadyApplied()).isEqualTo(Sync.WINDOW + 3);
        assertThat(rest.returned()).isEqualTo(Sync.WINDOW - 5);
        assertThat(rest.conflicts()).isEmpty();
        assertThat(present()).isEqualTo(2 * Sync.WINDOW + 5);
        assertThat(admittedToday()).as("the places given back unused are off the day's count")
                .isEqualTo(2 * Sync.WINDOW + 5);
    }

    @Test
    void anAdmissionThatTakesNoPlace_inAFullBatch_leavesItsPlaceForALaterOne() {
        start();
        Lease lease = lease(Sync.BATCH);
        assertThat(lease.places()).as("the day's quota").isEqualTo(100);
        List<Journal.Entry> entries = new ArrayList<>();
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 0; i <= Sync.BATCH; i++) {
            TicketId ticket = i == 4 ? tickets.get(1) : TicketId.random();
            tickets.add(ticket);
            entries.add(new Journal.Entry(i + 1, OfflineDecision.of(OfflineDecision.Kind.WALK_IN,
                    MORNING.plusSeconds(i), SITE, Decisions.AGENCY, Decisions.visitor(200 + i), Role.GUEST, ticket,
                    false)));
        }

        Reconciliation report = sync().upload("kiosk-a", entries, List.of(lease), false);

        assertThat(report.conflicts()).extracting(Reconciliation.Conflict::kind, Reconciliation.Conflict::sequence)
                .containsExactly(tuple(Reconciliation.Kind.TICKET_IN_USE, 5L));
        assertThat(present()).as("100 visitors in the lease's 100 places").isEqualTo(100);
        assertThat(admittedToday()).isEqualTo(100);
        for (int i = 0; i <= Sync.BATCH; i++) {
            if (i != 4) {
                assertThat(visits.openVisitOf(Decisions.visitor(200 + i))).as("visitor %d", i).isPresent();
            }
        }
        assertThat(visits.openVisitOf(Decisions.visitor(204))).isEmpty();
    }

    @Test
    void outOfOrder_aCheckOutBeforeItsAdmission_leavesTheSameCountsAsInOrder() throws IOException {
        start();
        Lease lease = lease(2);
        try (Journal journal = journal()) {
            Kiosk kiosk = kiosk(journal, lease);
            TicketId t = admitted(kiosk.walkIn(walkIn(20)));
            admitted(kiosk.walkIn(walkIn(21)));
            assertThat(kiosk.checkOut(t)).isPresent();
        }
        List<Journal.Entry> entries = reopen(1);
        Sync sync = sync();

        Reconciliation checkOutFirst = sync.upload("kiosk-a", List.of(entries.get(2)), List.of(lease), false);
        Reconciliation reversed = sync.upload("kiosk-a", List.of(entries.get(1), entries.get(0)), List.of(lease),
                false);
        Reconciliation all = sync.upload("kiosk-a", entries, List.of(lease), false);

        assertThat(checkOutFirst.applied()).isEqualTo(1);
        assertThat(present()).as("visitor 21 inside, visitor 20 gone").isEqualTo(1);
        assertThat(reversed.returned()).as("visitor 20's place, freed at once").isEqualTo(1);
        assertThat(reversed.conflicts()).isEmpty();
        assertThat(all.alreadyApplied()).isEqualTo(3);
        assertThat(admittedToday()).isEqualTo(2);
        assertThat(visits.openVisitOf(Decisions.visitor(20))).isEmpty();
        assertThat(visits.openVisitOf(Decisions.visitor(21))).isPresent();
    }

    @Test
    void aLeaseThatRunsOut_unusedAndNeverGivenBack_returnsItsPlacesAndItsQuota() throws IOException {
        start();
        Lease lease = lease(30);
        walkInsOffline(lease, 300, 10);
        sync().upload("kiosk-a", reopen(1), List.of(lease), false);
        assertThat(present()).as("10 visitors and 20 unused places").isEqualTo(30);
        assertThat(admittedToday()).isEqualTo(30);
        Gate gate = gate();
        for (int i = 0; i < 5; i++) {
            assertThat(gate.checkOut(visits.openVisitOf(Decisions.visitor(300 + i)).orElseThrow().ticket()))
                    .isPresent();
        }
        assertThat(lease.expires()).isEqualTo(MORNING.plus(Duration.ofHours(4)));
        clock.set(lease.expires().minusNanos(1_000));
        assertThat(gate.expireStays()).as("not yet").isZero();
        clock.set(lease.expires());

        assertThat(gate.expireStays()).as("the 20 unused placeholders").isEqualTo(20);

        assertThat(present()).as("5 offline visitors still inside").isEqualTo(5);
        assertThat(admittedToday()).as("the 10 offline visits stay counted, the unused 20 come back").isEqualTo(10);
        for (int i = 0; i < 90; i++) {
            assertThat(gate.walkIn(walkIn(400 + i))).as("walk-in %d", i).isInstanceOf(Decision.Admitted.class);
        }
        assertThat(gate.walkIn(walkIn(490))).isInstanceOf(Decision.Refused.class);
        assertThat(admittedToday()).isEqualTo(100);
        assertThat(lease.giveBack(ledger, visits, clock.instant())).as("nothing left to give back").isZero();
        clock.advance(CapacityPolicy.DEFAULT_STAY);
        assertThat(gate.expireStays()).as("everyone's stay ran out").isEqualTo(95);
        assertThat(admittedToday()).as("real visits stay counted when they run out").isEqualTo(100);
        for (Visit v : visits.visitsOf(Decisions.visitor(305))) {
            assertThat(v.channel()).isEqualTo(EntryChannel.WALK_IN);
        }
    }

    @Test
    void theSameVisitorAdmittedAtTwoKiosks_isFlagged_andCountedOnce() throws IOException {
        start();
        Lease leaseA = lease(2);
        Lease leaseB = lease(2);
        TicketId atA;
        try (Journal a = journal(); Journal b = journal()) {
            atA = admitted(kiosk(a, leaseA).walkIn(walkIn(30)));
            clock.advance(Duration.ofMinutes(3));
            admitted(kiosk(b, leaseB).walkIn(walkIn(30)));
        }
        Sync sync = sync();
        Reconciliation first = sync.upload("kiosk-a", reopen(1), List.of(leaseA), true);
        Reconciliation second = sync.upload("kiosk-b", reopen(2), List.of(leaseB), true);
        Reconciliation retried = sync.upload("kiosk-b", reopen(2), List.of(leaseB), false);

        assertThat(first.conflicts()).isEmpty();
        assertThat(second.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Reconciliation.Kind.SAME_VISITOR_ELSEWHERE);
            assertThat(c.other()).isEqualTo(atA);
            assertThat(c.sequence()).isEqualTo(1);
        });
        assertThat(retried.conflicts()).as("kept on a retry").extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.SAME_VISITOR_ELSEWHERE);
        assertThat(present()).as("visitor 30 counted once").isEqualTo(1);
        assertThat(second.returned()).as("kiosk B's place released, and its unused one").isEqualTo(2);
    }

    @Test
    void aCheckOutOfAVisitTheCentreClosed_isFlagged() throws IOException {
        start();
        Lease lease = lease(2);
        TicketId ticket;
        try (Journal journal = journal()) {
            ticket = admitted(kiosk(journal, lease).walkIn(walkIn(40)));
        }
        Sync sync = sync();
        sync.upload("kiosk-a", reopen(1), List.of(lease), false);
        assertThat(gate().checkOut(ticket)).as("closed at the central desk").isPresent();
        try (Journal journal = Journal.open(dir.resolve("kiosk-1.journal"))) {
            assertThat(kiosk(journal, lease).checkOut(ticket)).isPresent();
        }

        Reconciliation report = sync.upload("kiosk-a", reopen(1), List.of(lease), false);

        assertThat(report.conflicts()).extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.CLOSED_BY_CENTRE);
        assertThat(report.conflicts().get(0).sequence()).isEqualTo(2);
        assertThat(present()).as("the other placeholder").isEqualTo(1);
    }

    @Test
    void aCheckInUnderACodeTheCentreRevoked_isFlagged_andStands() throws IOException {
        start();
        Lease lease = lease(2);
        SharedCode code = SharedCode.builder(SITE).covering(Decisions.AGENCY)
                .validFrom(MORNING.minus(Duration.ofDays(1))).validUntil(MORNING.plus(Duration.ofDays(30))).build();
        String text = issuer.sign(code);
        try (Journal journal = journal()) {
            admitted(kiosk(journal, lease).checkIn(new CheckIn(text, Decisions.visitor(50), Decisions.AGENCY,
                    Role.GUEST, null, null)));
        }
        List<Journal.Entry> entries = reopen(1);
        assertThat(entries.get(0).decision().code().id()).isEqualTo(code.id());

        Reconciliation report = sync(TrustList.builder().trust(issuer.publicKey()).revoke(code.id()).build())
                .upload("kiosk-a", entries, List.of(lease), false);

        assertThat(report.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Reconciliation.Kind.REVOKED_CODE);
            assertThat(c.decision().visitor()).isEqualTo(Decisions.visitor(50));
        });
        assertThat(report.admittedOffline()).isEqualTo(1);
        assertThat(visits.openVisitOf(Decisions.visitor(50))).isPresent();
    }

    private SharedCode printed(Instant issuedAt) {
        return SharedCode.builder(SITE).covering(Decisions.AGENCY).issuedAt(issuedAt)
                .validFrom(MORNING.minus(Duration.ofDays(1))).validUntil(MORNING.plus(Duration.ofDays(30))).build();
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static CheckIn checkIn(String text, int visitor) {
        return new CheckIn(text, Decisions.visitor(visitor), Decisions.AGENCY, Role.GUEST, null, null);
    }

    @Test
    void offlineCheckIns_syncWithTheWayTheyCameIn_rotatingCodeForeignPosterPrintedCodeOrDesk() throws IOException {
        start();
        Lease lease = lease(4);
        KeyPair screen = ed25519();
        DisplayGrant grant = issuer.grantDisplay(screen.getPublic(), printed(MORNING.minus(Duration.ofDays(1))),
                DisplayGrant.DEFAULT_STEP);
        String poster = "NZCOVIDTRACER:eyJnbG4iOiI5NDI5MDU2MTAwMjYwMSIsInZlciI6ImMxOS4xIn0=";
        TrustList trust = TrustList.builder().trust(issuer.publicKey()).grant(grant)
                .registerForeign(poster, printed(MORNING.minus(Duration.ofDays(2)))).build();
        List<TicketId> tickets = new ArrayList<>();
        try (Journal journal = journal()) {
            Kiosk kiosk = kiosk(journal, lease, trust);
            tickets.add(admitted(kiosk.checkIn(checkIn(Display.of(grant, screen.getPrivate())
                    .codeAt(clock.instant()), 70))));
            tickets.add(admitted(kiosk.checkIn(checkIn(poster, 71))));
            tickets.add(admitted(kiosk.checkIn(checkIn(issuer.sign(printed(MORNING.minus(Duration.ofDays(1)))),
                    72))));
            tickets.add(admitted(kiosk.walkIn(walkIn(73))));
        }

        Reconciliation report = sync(trust).upload("kiosk-a", reopen(1), List.of(lease), false);

        assertThat(report.admittedOffline()).isEqualTo(4);
        assertThat(report.conflicts()).isEmpty();
        assertThat(tickets).extracting(t -> visits.find(t).orElseThrow().channel()).as("the central visit log")
                .containsExactly(EntryChannel.ROTATING_CODE, EntryChannel.REGISTERED_FOREIGN_CODE,
                        EntryChannel.PRINTED_CODE, EntryChannel.WALK_IN);
        Map<TicketId, EntryChannel> stays = new HashMap<>();
        ledger.openStays(clock.instant().plusSeconds(1)).forEach(t -> stays.put(t.id(), t.channel()));
        assertThat(tickets).extracting(stays::get).as("the central ledger's stays")
                .containsExactly(EntryChannel.ROTATING_CODE, EntryChannel.REGISTERED_FOREIGN_CODE,
                        EntryChannel.PRINTED_CODE, EntryChannel.WALK_IN);
    }

    @Test
    void aCheckInUnderACodeIssuedBeforeItsSitesCutOff_isFlaggedRevoked_andOneIssuedAtOrAfterItIsNot()
            throws IOException {
        start();
        Lease lease = lease(3);
        Instant cutOff = MORNING.minus(Duration.ofHours(12));
        try (Journal journal = journal()) {
            Kiosk kiosk = kiosk(journal, lease);
            admitted(kiosk.checkIn(checkIn(issuer.sign(printed(cutOff.minusSeconds(1))), 80)));
            admitted(kiosk.checkIn(checkIn(issuer.sign(printed(cutOff)), 81)));
            admitted(kiosk.checkIn(checkIn(issuer.sign(printed(cutOff.plus(Duration.ofHours(6)))), 82)));
        }
        TrustList centre = TrustList.builder().trust(issuer.publicKey()).revokeSiteBefore(SITE, cutOff).build();

        Reconciliation report = sync(centre).upload("kiosk-a", reopen(1), List.of(lease), false);
        Reconciliation retried = sync(centre).upload("kiosk-a", reopen(1), List.of(lease), false);

        assertThat(report.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Reconciliation.Kind.REVOKED_CODE);
            assertThat(c.sequence()).isEqualTo(1);
            assertThat(c.decision().visitor()).isEqualTo(Decisions.visitor(80));
        });
        assertThat(retried.conflicts()).as("kept on a retry").extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.REVOKED_CODE);
        assertThat(report.admittedOffline()).as("the admission stands").isEqualTo(3);
        assertThat(visits.openVisitOf(Decisions.visitor(80))).isPresent();
        assertThat(sync().upload("kiosk-a", reopen(1), List.of(lease), false).conflicts())
                .as("a centre without the cut-off flags nothing").isEmpty();
    }

    @Test
    void hostileUploads_getTypedErrorsOrFlags_andChangeNothing() throws IOException {
        start();
        Lease lease = lease(2);
        try (Journal journal = journal()) {
            admitted(kiosk(journal, lease).walkIn(walkIn(60)));
        }
        List<Journal.Entry> entries = reopen(1);
        Journal.Entry real = entries.get(0);
        Sync sync = sync();

        assertThatThrownBy(() -> sync.upload("Kiosk A!", entries, List.of(lease), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Kiosk A!");
        assertThatThrownBy(() -> sync.upload("", entries, List.of(lease), false))
                .isInstanceOf(IllegalArgumentException.class);
        Journal.Entry forged = new Journal.Entry(1, OfflineDecision.of(OfflineDecision.Kind.WALK_IN,
                real.decision().at(), SITE, Decisions.AGENCY, Decisions.visitor(61), Role.GUEST, TicketId.random(),
                false));
        assertThatThrownBy(() -> sync.upload("kiosk-a", List.of(real, forged), List.of(lease), false))
                .as("two decisions under one sequence number").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sync.upload("kiosk-a", entries, List.of(lease, lease), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(present()).as("nothing applied").isEqualTo(2);
        assertThat(visits.openVisitOf(Decisions.visitor(60))).isEmpty();

        Reconciliation duplicates = sync.upload("kiosk-a", List.of(real, real), List.of(lease), false);
        assertThat(duplicates.applied()).isEqualTo(1);
        Reconciliation replay = sync.upload("kiosk-a", List.of(forged), List.of(lease), false);
        assertThat(replay.applied()).isZero();
        assertThat(replay.conflicts()).extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.MISMATCH);
        assertThat(visits.openVisitOf(Decisions.visitor(61))).as("the forged visit").isEmpty();

        Journal.Entry nowhere = new Journal.Entry(2, OfflineDecision.of(OfflineDecision.Kind.WALK_IN,
                real.decision().at(), SiteId.of("nowhere"), Decisions.AGENCY, Decisions.visitor(62), Role.GUEST,
                TicketId.random(), false));
        Reconciliation unknown = sync.upload("kiosk-a", List.of(nowhere), List.of(lease), false);
        assertThat(unknown.conflicts()).extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.UNKNOWN_SITE);
        assertThat(unknown.applied()).isZero();

        Journal.Entry sameTicket = new Journal.Entry(3, OfflineDecision.of(OfflineDecision.Kind.WALK_IN,
                real.decision().at(), SITE, Decisions.AGENCY, Decisions.visitor(63), Role.GUEST,
                real.decision().ticket(), false));
        Reconciliation reused = sync.upload("kiosk-a", List.of(sameTicket), List.of(lease), false);
        assertThat(reused.conflicts()).extracting(Reconciliation.Conflict::kind)
                .containsExactly(Reconciliation.Kind.TICKET_IN_USE);
        assertThat(present()).as("visitor 60 and the unused placeholder").isEqualTo(2);
        assertThat(admittedToday()).isEqualTo(2);
    }

    @Test
    void severalKiosksSyncing_whileTheCentralGateAdmits_neverExceedTheDaysQuota() throws Exception {
        start();
        int kiosks = 3;
        List<Lease> leases = new ArrayList<>();
        List<List<Journal.Entry>> uploads = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
            Lease lease = lease(20);
            leases.add(lease);
            try (Journal journal = journal()) {
                Kiosk kiosk = kiosk(journal, lease);
                for (int i = 0; i < 25; i++) {
                    kiosk.walkIn(walkIn(1000 * (k + 1) + i));
                }
            }
            uploads.add(reopen(k + 1));
        }
        Gate gate = gate();
        Sync sync = sync();
        ExecutorService pool = Executors.newFixedThreadPool(kiosks + 1);
        CyclicBarrier barrier = new CyclicBarrier(kiosks + 1);
        AtomicInteger centralAdmitted = new AtomicInteger();
        List<Future<Reconciliation>> reports = new ArrayList<>();
        try {
            for (int k = 0; k < kiosks; k++) {
                int index = k;
                reports.add(pool.submit(() -> {
                    barrier.await();
                    List<Journal.Entry> shuffled = new ArrayList<>(uploads.get(index));
                    Collections.shuffle(shuffled, new java.util.Random(index));
                    sync.upload("kiosk-" + index, shuffled, List.of(leases.get(index)), false);
                    return sync.upload("kiosk-" + index, uploads.get(index), List.of(leases.get(index)), true);
                }));
            }
            Future<?> central = pool.submit(() -> {
                barrier.await();
                for (int i = 0; i < 60; i++) {
                    if (gate.walkIn(walkIn(9000 + i)).isAdmitted()) {
                        centralAdmitted.incrementAndGet();
                    }
                }
                return null;
            });
            central.get(60, TimeUnit.SECONDS);
            for (Future<Reconciliation> report : reports) {
                Reconciliation r = report.get(60, TimeUnit.SECONDS);
                assertThat(r.alreadyApplied()).as("the second upload of each kiosk").isEqualTo(25);
                assertThat(r.conflicts()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(centralAdmitted.get()).as("100 less the three leases' 60").isEqualTo(40);
        assertThat(admittedToday()).isEqualTo(100);
        assertThat(present()).as("60 admitted offline, 40 centrally, nobody left").isEqualTo(100);
    }
}
