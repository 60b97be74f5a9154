package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.HealthRule;
import dev.lawang.HealthStatus;
import dev.lawang.LocationRule;
import dev.lawang.RefusalReason;
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
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitLog;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline check-ins with a shared code: the gate's checks in the gate's order, against the lease, journaled. */
class KioskCheckInTest {
    private static final Instant MORNING = Instant.parse("2026-12-02T01:00:00Z");
    private static final AgencyId OTHER = AgencyId.of("bappeda");
    private static final Directory DIRECTORY = Directory.builder()
            .agencies(Agency.of(Decisions.AGENCY, "Dinas Kesehatan"), Agency.of(OTHER, "Bappeda"))
            .sites(Site.builder(Decisions.SITE).name("Puskesmas Sragen")
                    .geofence(Geofence.circle(GeoPoint.of(-7.43, 111.02), 60))
                    .tenants(Decisions.AGENCY, OTHER).build())
            .build();

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(MORNING);
    private final CapacityPolicy policy = CapacityPolicy.builder().dailyQuota(Decisions.SITE, 100).build();
    private final OccupancyLedger ledger = OccupancyLedger.inMemory(policy, clock);
    private final Issuer issuer = Issuer.generate();

    private Lease lease(int places) {
        return Lease.take(ledger, VisitLog.inMemory(), new AdmitRequest(TicketId.of(0, 0), Decisions.visitor(0),
                Decisions.SITE, Site.DEFAULT_ZONE, Decisions.AGENCY, Role.GUEST), places, MORNING,
                MORNING.plus(Duration.ofHours(4)));
    }

    private Kiosk.Builder kiosk(Journal journal, int places) {
        return Kiosk.builder().directory(DIRECTORY).policy(policy).journal(journal).leases(lease(places))
                .clock(clock).trustedAsOf(MORNING.minus(Duration.ofHours(1)))
                .verifier(Verifier.of(TrustList.builder().trust(issuer.publicKey()).build()))
                .locationRule(LocationRule.ignore());
    }

    private String code(SiteId site, AgencyId... agencies) {
        return issuer.sign(SharedCode.builder(site).covering(agencies).validFrom(MORNING.minus(Duration.ofDays(1)))
                .validUntil(MORNING.plus(Duration.ofDays(1))).build());
    }

    private static CheckIn checkIn(String code, int visitor, @Nullable HealthStatus status) {
        return new CheckIn(code, Decisions.visitor(visitor), Decisions.AGENCY, Role.GUEST, null, status);
    }

    private static @Nullable RefusalReason refusal(OfflineAnswer answer) {
        assertThat(answer).isInstanceOf(OfflineAnswer.Decided.class);
        Decision d = ((OfflineAnswer.Decided) answer).decision();
        return d instanceof Decision.Refused r ? r.reason() : null;
    }

    @Test
    void aCheckIn_isAdmittedUnderTheLease_andJournaledWithItsCode() throws IOException {
        SharedCode shared = SharedCode.builder(Decisions.SITE).covering(Decisions.AGENCY)
                .validFrom(MORNING.minus(Duration.ofDays(1))).validUntil(MORNING.plus(Duration.ofDays(1))).build();
        String text = issuer.sign(shared);
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, 1).build();
            assertThat(refusal(kiosk.checkIn(checkIn(text, 1, null)))).isNull();
            assertThat(refusal(kiosk.checkIn(checkIn(text, 2, null)))).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
        try (Journal reopened = Journal.open(dir.resolve("k.journal"))) {
            List<Journal.Entry> entries = reopened.recovered();
            assertThat(entries.get(0).decision().kind()).isEqualTo(OfflineDecision.Kind.CHECK_IN);
            assertThat(entries.get(0).decision().code()).isEqualTo(
                    new OfflineDecision.Code(shared.id(), shared.issuedAt(), EntryChannel.PRINTED_CODE));
            assertThat(entries.get(1).decision().refusal()).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
        }
    }

    @Test
    void theGatesChecks_comeInTheGatesOrder_andEachRefusalIsJournaled() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, 5).healthRule(HealthRule.refuse(HealthStatus.RED))
                    .locationRule(LocationRule.requireInside()).build();
            String forged = code(Decisions.SITE, Decisions.AGENCY);
            forged = forged.substring(0, forged.length() - 2) + (forged.endsWith("A") ? "BB" : "AA");
            assertThat(refusal(kiosk.checkIn(checkIn(forged, 1, HealthStatus.RED))))
                    .as("the code before anything else").matches(RefusalReason::isCodeProblem);
            assertThat(refusal(kiosk.checkIn(checkIn(code(Decisions.SITE, OTHER), 1, HealthStatus.RED))))
                    .isEqualTo(RefusalReason.AGENCY_NOT_COVERED);
            assertThat(refusal(kiosk.checkIn(checkIn(code(Decisions.SITE, Decisions.AGENCY), 1, HealthStatus.RED))))
                    .isEqualTo(RefusalReason.STATUS_REFUSED);
            assertThat(refusal(kiosk.checkIn(checkIn(code(Decisions.SITE, Decisions.AGENCY), 1, HealthStatus.GREEN))))
                    .as("no position, and the rule requires one").isEqualTo(RefusalReason.LOCATION_REQUIRED);
            assertThat(journal.lastSequence()).isEqualTo(4);
        }
    }

    @Test
    void aCodeOfAnotherSite_orStaleTrustData_isNotDecided_andWithoutAVerifierCheckInsAreRefusedToTheCaller()
            throws IOException {
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, 5).build();
            assertThat(kiosk.checkIn(checkIn(code(SiteId.of("setda-complex"), Decisions.AGENCY), 1, null)))
                    .isEqualTo(new OfflineAnswer.Undecided(OfflineAnswer.Reason.NO_LEASE));
            clock.advance(Duration.ofHours(24));
            assertThat(kiosk.checkIn(checkIn(code(Decisions.SITE, Decisions.AGENCY), 1, null)))
                    .isEqualTo(new OfflineAnswer.Undecided(OfflineAnswer.Reason.TRUST_DATA_TOO_OLD));
            Kiosk without = Kiosk.builder().directory(DIRECTORY).policy(policy).journal(journal).clock(clock)
                    .trustedAsOf(clock.instant()).build();
            assertThatThrownBy(() -> without.checkIn(checkIn("LW1:anything", 1, null)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(journal.lastSequence()).as("nothing journaled").isZero();
        }
    }

    private static final String POSTER = "NZCOVIDTRACER:eyJnbG4iOiI5NDI5MDU2MTAwMjYwMSIsInZlciI6ImMxOS4xIn0=";

    private SharedCode scope() {
        return SharedCode.builder(Decisions.SITE).covering(Decisions.AGENCY)
                .validFrom(MORNING.minus(Duration.ofDays(1))).validUntil(MORNING.plus(Duration.ofDays(1))).build();
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static EntryChannel channelOf(OfflineAnswer answer) {
        assertThat(answer).isInstanceOf(OfflineAnswer.Decided.class);
        Decision d = ((OfflineAnswer.Decided) answer).decision();
        assertThat(d).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) d).ticket().channel();
    }

    private static EntryChannel channelOf(Decision d) {
        assertThat(d).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) d).ticket().channel();
    }

    @Test
    void eachWayIn_isJournaledWithTheCodesIdAndIssueTime_kept_andTheSameAsTheGates() throws IOException {
        KeyPair screen = ed25519();
        SharedCode printed = scope();
        DisplayGrant grant = issuer.grantDisplay(screen.getPublic(), scope(), DisplayGrant.DEFAULT_STEP);
        SharedCode binding = SharedCode.builder(Decisions.SITE).covering(Decisions.AGENCY)
                .issuedAt(MORNING.minus(Duration.ofDays(3))).validFrom(MORNING.minus(Duration.ofDays(2)))
                .validUntil(MORNING.plus(Duration.ofDays(1))).build();
        TrustList trust = TrustList.builder().trust(issuer.publicKey()).grant(grant).registerForeign(POSTER, binding)
                .build();
        String rotating = Display.of(grant, screen.getPrivate()).codeAt(MORNING);
        List<String> scans = List.of(issuer.sign(printed), rotating, POSTER);
        List<EntryChannel> expected = List.of(EntryChannel.PRINTED_CODE, EntryChannel.ROTATING_CODE,
                EntryChannel.REGISTERED_FOREIGN_CODE);
        try (Journal journal = Journal.open(dir.resolve("k.journal"))) {
            Kiosk kiosk = kiosk(journal, 5).verifier(Verifier.of(trust)).build();
            for (int i = 0; i < 3; i++) {
                assertThat(channelOf(kiosk.checkIn(checkIn(scans.get(i), 1 + i, null)))).isEqualTo(expected.get(i));
            }
            assertThat(channelOf(kiosk.walkIn(new WalkIn(Decisions.SITE, Decisions.AGENCY,
                    Decisions.visitor(4), Role.GUEST, Screening.of(36.5, true, true)))))
                    .isEqualTo(EntryChannel.WALK_IN);
        }
        try (Journal reopened = Journal.open(dir.resolve("k.journal"))) {
            List<Journal.Entry> entries = reopened.recovered();
            assertThat(entries).extracting(e -> e.decision().code()).containsExactly(
                    new OfflineDecision.Code(printed.id(), printed.issuedAt(), EntryChannel.PRINTED_CODE),
                    new OfflineDecision.Code(grant.id(), grant.scope().issuedAt(), EntryChannel.ROTATING_CODE),
                    new OfflineDecision.Code(binding.id(), MORNING.minus(Duration.ofDays(3)),
                            EntryChannel.REGISTERED_FOREIGN_CODE),
                    null);
            Kiosk restarted = kiosk(reopened, 5).verifier(Verifier.of(trust)).build();
            assertThat(channelOf(restarted.checkIn(checkIn(scans.get(0), 2, null))))
                    .as("a repeat after a restart keeps the recovered visit's way in")
                    .isEqualTo(EntryChannel.ROTATING_CODE);
        }
        Gate gate = Gate.builder().directory(DIRECTORY).verifier(Verifier.of(trust))
                .locationRule(LocationRule.ignore()).clock(clock).build();
        for (int i = 0; i < 3; i++) {
            assertThat(channelOf(gate.checkIn(checkIn(scans.get(i), 11 + i, null))))
                    .as("the gate, for the same scan").isEqualTo(expected.get(i));
        }
    }
}
