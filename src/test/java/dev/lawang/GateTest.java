package dev.lawang;

import static dev.lawang.GateFixture.NOWHERE;
import static dev.lawang.GateFixture.START;
import static dev.lawang.GateFixture.walkIn;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.BAPPEDA;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.FAR_AWAY;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verification;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Site;
import dev.lawang.geo.Fix;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GateTest {
    private final GateFixture world = new GateFixture();

    /** Everything a refusal must leave unchanged: every count of every site and of every agency there, every visit. */
    private static List<Object> state(Gate gate) {
        List<Object> state = new ArrayList<>();
        for (Site site : Sragen.directory().sites()) {
            state.add(gate.occupancy(site.id()));
            for (AgencyId agency : site.tenants()) {
                state.add(gate.occupancy(site.id(), agency));
            }
        }
        for (int v = 0; v < 10; v++) {
            state.add(gate.visitLog().visitsOf(visitor(v)));
        }
        return state;
    }

    private static Ticket admitted(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) decision).ticket();
    }

    private void assertRefusedChangingNothing(Gate gate, CheckIn request, RefusalReason reason) {
        List<Object> before = state(gate);
        Decision decision = gate.checkIn(request);
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(state(gate)).isEqualTo(before);
    }

    @Test
    void checkIn_admitsAGuestInsideTheFenceWithAValidCodeAndRecordsTheVisit() {
        Gate gate = world.gate().build();
        Ticket ticket = admitted(gate.checkIn(world.setdaGuest(1, BAPPEDA)));

        assertThat(ticket.site()).isEqualTo(SETDA);
        assertThat(ticket.agency()).isEqualTo(BAPPEDA);
        assertThat(ticket.role()).isEqualTo(Role.GUEST);
        assertThat(ticket.in()).isEqualTo(START);
        assertThat(ticket.due()).isEqualTo(START.plus(CapacityPolicy.DEFAULT_STAY));
        assertThat(gate.occupancy(SETDA).present()).isEqualTo(1);
        assertThat(gate.occupancy(SETDA, BAPPEDA).present()).isEqualTo(1);
        assertThat(gate.occupancy(SETDA, DISKOMINFO).present()).isZero();
        assertThat(gate.visitLog().openVisitOf(visitor(1))).hasValueSatisfying(v -> {
            assertThat(v.ticket()).isEqualTo(ticket.id());
            assertThat(v.site()).isEqualTo(SETDA);
            assertThat(v.agency()).isEqualTo(BAPPEDA);
            assertThat(v.in()).isEqualTo(START);
        });
    }

    @Test
    void checkIn_refusesCodesThatDoNotVerifyAndRecordsNothing() {
        Gate gate = world.gate().build();
        gate.checkIn(world.setdaGuest(0, DISKOMINFO));
        CheckIn base = world.setdaGuest(1, DISKOMINFO);

        assertRefusedChangingNothing(gate, withCode(base, "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH"),
                RefusalReason.FOREIGN_CODE);
        assertRefusedChangingNothing(gate, withCode(base, ""), RefusalReason.MALFORMED);
        assertRefusedChangingNothing(gate, withCode(base, "L".repeat(1_000_000)), RefusalReason.MALFORMED);
        assertRefusedChangingNothing(gate, withCode(base, world.stranger.sign(world.setdaCode)),
                RefusalReason.UNKNOWN_KEY);
        String expired = world.issuer.sign(world.code(SETDA, DISKOMINFO).validFrom(START.minus(Duration.ofDays(9)))
                .validUntil(START.minus(Duration.ofDays(1))).build());
        assertRefusedChangingNothing(gate, withCode(base, expired), RefusalReason.EXPIRED);
        String early = world.issuer.sign(world.code(SETDA, DISKOMINFO).validFrom(START.plus(Duration.ofDays(1)))
                .validUntil(START.plus(Duration.ofDays(9))).build());
        assertRefusedChangingNothing(gate, withCode(base, early), RefusalReason.NOT_YET_VALID);
    }

    @Test
    void checkIn_refusesARevokedCode() {
        TrustList revoked = world.trust().toBuilder().revoke(world.setdaCode.id()).build();
        Gate gate = world.gate().verifier(Verifier.of(revoked)).build();
        assertRefusedChangingNothing(gate, world.setdaGuest(1, DISKOMINFO), RefusalReason.REVOKED);
    }

    @Test
    void checkIn_refusesATamperedCode() {
        Gate gate = world.gate().build();
        String text = world.setdaText;
        // The signature is at the end of the payload: change the last Base45 character to another valid one.
        char last = text.charAt(text.length() - 1);
        String forged = text.substring(0, text.length() - 1) + (last == '0' ? '1' : '0');
        Decision decision = gate.checkIn(withCode(world.setdaGuest(1, DISKOMINFO), forged));
        assertThat(((Decision.Refused) decision).reason()).isIn(RefusalReason.BAD_SIGNATURE, RefusalReason.MALFORMED);
        assertThat(gate.occupancy(SETDA).present()).isZero();
    }

    @Test
    void checkIn_refusesACodeForASiteMissingFromTheDirectory() {
        Gate gate = world.gate().build();
        String orphan = world.issuer.sign(world.code(NOWHERE, DISKOMINFO).build());
        assertRefusedChangingNothing(gate, withCode(world.setdaGuest(1, DISKOMINFO), orphan),
                RefusalReason.UNKNOWN_SITE);
    }

    @Test
    void checkIn_refusesAnAgencyTheCodeDoesNotCover() {
        Gate gate = world.gate().build();
        assertRefusedChangingNothing(gate, world.setdaGuest(1, DUKCAPIL), RefusalReason.AGENCY_NOT_COVERED);
        assertRefusedChangingNothing(gate, withCode(world.kejariGuest(1), world.setdaText),
                RefusalReason.AGENCY_NOT_COVERED);
    }

    @Test
    void checkIn_appliesTheHealthRule() {
        Gate gate = world.gate().healthRule(HealthRule.refuse(HealthStatus.RED, HealthStatus.BLACK)).build();
        CheckIn base = world.setdaGuest(1, DISKOMINFO);
        assertRefusedChangingNothing(gate, withStatus(base, null), RefusalReason.STATUS_REQUIRED);
        assertRefusedChangingNothing(gate, withStatus(base, HealthStatus.RED), RefusalReason.STATUS_REFUSED);
        assertRefusedChangingNothing(gate, withStatus(base, HealthStatus.BLACK), RefusalReason.STATUS_REFUSED);
        admitted(gate.checkIn(withStatus(base, HealthStatus.YELLOW)));
    }

    @Test
    void checkIn_withAHealthRuleAllowingMissingStatusAdmitsWithoutOne() {
        Gate gate = world.gate().healthRule(HealthRule.refuse(HealthStatus.BLACK).allowMissing()).build();
        admitted(gate.checkIn(withStatus(world.setdaGuest(1, DISKOMINFO), null)));
        assertRefusedChangingNothing(gate, withStatus(world.setdaGuest(2, DISKOMINFO), HealthStatus.BLACK),
                RefusalReason.STATUS_REFUSED);
    }

    @Test
    void checkIn_byDefaultNeitherNeedsNorJudgesAHealthStatus() {
        Gate gate = world.gate().build();
        admitted(gate.checkIn(withStatus(world.setdaGuest(1, DISKOMINFO), null)));
        admitted(gate.checkIn(withStatus(world.setdaGuest(2, DISKOMINFO), HealthStatus.BLACK)));
    }

    @Test
    void checkIn_requiresAFreshGenuineFixInsideTheFence() {
        Gate gate = world.gate().build();
        CheckIn base = world.setdaGuest(1, DISKOMINFO);
        Instant now = world.clock.instant();
        assertRefusedChangingNothing(gate, withFix(base, null), RefusalReason.LOCATION_REQUIRED);
        assertRefusedChangingNothing(gate, withFix(base, Fix.of(IN_SETDA, 10).at(now).mocked(true)),
                RefusalReason.LOCATION_SUSPICIOUS);
        assertRefusedChangingNothing(gate, withFix(base, Fix.of(IN_SETDA, 10).at(now.minusSeconds(121))),
                RefusalReason.LOCATION_STALE);
        assertRefusedChangingNothing(gate, withFix(base, Fix.of(IN_SETDA, 10).at(now.plusSeconds(121))),
                RefusalReason.LOCATION_STALE);
        assertRefusedChangingNothing(gate, withFix(base, Fix.of(FAR_AWAY, 10).at(now)),
                RefusalReason.OUTSIDE_GEOFENCE);
        assertRefusedChangingNothing(gate, withFix(base, Fix.of(IN_SETDA, 150).at(now)),
                RefusalReason.LOCATION_UNCERTAIN);
        admitted(gate.checkIn(withFix(base, Fix.of(IN_SETDA, 10).at(now.minusSeconds(120)))));
    }

    @Test
    void checkIn_saysHowFarOutsideTheFenceThePositionIs() {
        Gate gate = world.gate().build();
        Decision d = gate.checkIn(withFix(world.setdaGuest(1, DISKOMINFO), world.at(FAR_AWAY)));
        // FAR_AWAY is 0.0090 degrees of latitude north of the fence's northern edge: about 995 m.
        assertThat(((Decision.Refused) d).detail())
                .matches("The position is outside the site's geofence\\. 99[0-9] m outside\\.");
    }

    @Test
    void checkIn_acceptsAFixWithoutATimeAsTakenNow() {
        Gate gate = world.gate().build();
        admitted(gate.checkIn(withFix(world.setdaGuest(1, DISKOMINFO), Fix.of(IN_SETDA, 10))));
    }

    @Test
    void checkIn_underAllowUncertainAdmitsAnImpreciseFixButNotOneOutside() {
        Gate gate = world.gate().locationRule(LocationRule.allowUncertain()).build();
        CheckIn base = world.setdaGuest(1, DISKOMINFO);
        admitted(gate.checkIn(withFix(base, Fix.of(IN_SETDA, 150).at(world.clock.instant()))));
        assertRefusedChangingNothing(gate, withFix(world.setdaGuest(2, DISKOMINFO), world.at(FAR_AWAY)),
                RefusalReason.OUTSIDE_GEOFENCE);
    }

    @Test
    void checkIn_underIgnoreChecksNoPositionAtAll() {
        Gate gate = world.gate().locationRule(LocationRule.ignore()).build();
        admitted(gate.checkIn(withFix(world.setdaGuest(1, DISKOMINFO), null)));
        admitted(gate.checkIn(withFix(world.setdaGuest(2, DISKOMINFO), world.at(FAR_AWAY).mocked(true))));
    }

    @Test
    void checkIn_honoursAConfiguredFixAge() {
        Gate gate = world.gate().locationRule(LocationRule.requireInside().withMaxFixAge(Duration.ofSeconds(10)))
                .build();
        Fix old = Fix.of(IN_SETDA, 10).at(world.clock.instant().minusSeconds(11));
        assertRefusedChangingNothing(gate, withFix(world.setdaGuest(1, DISKOMINFO), old), RefusalReason.LOCATION_STALE);
    }

    @Test
    void checkIn_reportsTheFirstFailingCheckInTheDocumentedOrder() {
        Gate gate = world.gate().healthRule(HealthRule.refuse(HealthStatus.RED)).build();
        String expired = world.issuer.sign(world.code(SETDA, DISKOMINFO).validFrom(START.minus(Duration.ofDays(9)))
                .validUntil(START.minus(Duration.ofDays(1))).build());
        CheckIn everythingWrong = new CheckIn(expired, visitor(1), DUKCAPIL, Role.GUEST, world.at(FAR_AWAY),
                HealthStatus.RED);
        assertRefusedChangingNothing(gate, everythingWrong, RefusalReason.EXPIRED);
        CheckIn coveredNot = withCode(everythingWrong, world.setdaText);
        assertRefusedChangingNothing(gate, coveredNot, RefusalReason.AGENCY_NOT_COVERED);
        CheckIn redAndOutside = new CheckIn(world.setdaText, visitor(1), DISKOMINFO, Role.GUEST, world.at(FAR_AWAY),
                HealthStatus.RED);
        assertRefusedChangingNothing(gate, redAndOutside, RefusalReason.STATUS_REFUSED);
        assertRefusedChangingNothing(gate, withStatus(redAndOutside, HealthStatus.GREEN),
                RefusalReason.OUTSIDE_GEOFENCE);
    }

    @Test
    void checkIn_repeatScanReturnsTheSameTicketAndCountsNothing() {
        Gate gate = world.gate().build();
        Ticket first = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        world.clock.advance(Duration.ofMinutes(5));
        List<Object> before = state(gate);

        Decision again = gate.checkIn(world.setdaGuest(1, DISKOMINFO));

        assertThat(again).isEqualTo(new Decision.Admitted(first, true));
        assertThat(state(gate)).isEqualTo(before);
        assertThat(gate.occupancy(SETDA).admittedToday()).isEqualTo(1);
    }

    @Test
    void checkIn_repeatScanIsAdmittedEvenWhenTheSiteIsFull() {
        Gate gate = world.gate(CapacityPolicy.builder().maxPresent(SETDA, 1).build());
        Ticket first = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        assertThat(gate.checkIn(world.setdaGuest(1, DISKOMINFO))).isEqualTo(new Decision.Admitted(first, true));
        assertRefusedChangingNothing(gate, world.setdaGuest(2, DISKOMINFO), RefusalReason.SITE_FULL);
    }

    @Test
    void checkIn_elsewhereClosesTheOpenVisitFirst() {
        Gate gate = world.gate().build();
        Ticket setda = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        world.clock.advance(Duration.ofMinutes(30));

        Ticket kejari = admitted(gate.checkIn(world.kejariGuest(1)));

        assertThat(kejari.id()).isNotEqualTo(setda.id());
        assertThat(gate.visitLog().find(setda.id())).hasValueSatisfying(v ->
                assertThat(v.out()).contains(START.plus(Duration.ofMinutes(30))));
        assertThat(gate.visitLog().openVisitOf(visitor(1)).map(Visit::ticket)).contains(kejari.id());
        assertThat(gate.occupancy(SETDA).present()).isZero();
        assertThat(gate.occupancy(KEJARI_OFFICE).present()).isEqualTo(1);
    }

    @Test
    void checkIn_forAnotherAgencyAtTheSameSiteMovesTheVisit() {
        Gate gate = world.gate().build();
        Ticket first = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        Ticket second = admitted(gate.checkIn(world.setdaGuest(1, BAPPEDA)));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(gate.occupancy(SETDA).present()).isEqualTo(1);
        assertThat(gate.occupancy(SETDA, DISKOMINFO).present()).isZero();
        assertThat(gate.occupancy(SETDA, BAPPEDA).present()).isEqualTo(1);
        assertThat(gate.visitLog().find(first.id()).orElseThrow().isOpen()).isFalse();
    }

    @Test
    void checkIn_refusedElsewhereLeavesTheOpenVisitOpen() {
        Gate gate = world.gate(CapacityPolicy.builder().maxPresent(KEJARI_OFFICE, 1).build());
        Ticket setda = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        admitted(gate.checkIn(world.kejariGuest(2)));

        assertRefusedChangingNothing(gate, world.kejariGuest(1), RefusalReason.SITE_FULL);
        assertThat(gate.visitLog().openVisitOf(visitor(1)).map(Visit::ticket)).contains(setda.id());
        assertThat(gate.occupancy(SETDA).present()).isEqualTo(1);
    }

    @Test
    void checkIn_refusesWhenTheSiteOrTheAgencyIsFull() {
        Gate gate = world.gate(CapacityPolicy.builder().maxPresent(SETDA, 3).maxPresent(SETDA, BAPPEDA, 1).build());
        admitted(gate.checkIn(world.setdaGuest(1, BAPPEDA)));
        assertRefusedChangingNothing(gate, world.setdaGuest(2, BAPPEDA), RefusalReason.AGENCY_FULL);
        admitted(gate.checkIn(world.setdaGuest(2, DISKOMINFO)));
        admitted(gate.checkIn(world.setdaGuest(3, DISKOMINFO)));
        assertRefusedChangingNothing(gate, world.setdaGuest(4, DISKOMINFO), RefusalReason.SITE_FULL);
        Decision d = gate.checkIn(world.setdaGuest(4, BAGIAN_UMUM));
        assertThat(((Decision.Refused) d).detail())
                .isEqualTo("The site has as many people present as its limit allows. 3 present, limit 3.");
    }

    @Test
    void checkOut_closesTheVisitOnceAndFreesThePlace() {
        Gate gate = world.gate(CapacityPolicy.builder().maxPresent(SETDA, 1).build());
        Ticket ticket = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        world.clock.advance(Duration.ofMinutes(42));

        Visit closed = gate.checkOut(ticket.id()).orElseThrow();

        assertThat(closed.out()).contains(START.plus(Duration.ofMinutes(42)));
        assertThat(gate.checkOut(ticket.id())).isEmpty();
        assertThat(gate.checkOut(TicketId.random())).isEmpty();
        assertThat(gate.occupancy(SETDA).present()).isZero();
        assertThat(gate.occupancy(SETDA).admittedToday()).isEqualTo(1);
        admitted(gate.checkIn(world.setdaGuest(2, DISKOMINFO)));
    }

    @Test
    void expireStays_checksOutOverdueVisitorsAtTheEndOfTheirStay() {
        Gate gate = world.gate(CapacityPolicy.builder().defaultStay(Duration.ofHours(2)).build());
        Ticket early = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        world.clock.advance(Duration.ofHours(1));
        Ticket late = admitted(gate.checkIn(world.setdaGuest(2, DISKOMINFO)));
        world.clock.advance(Duration.ofMinutes(90));

        assertThat(gate.expireStays()).isEqualTo(1);

        assertThat(gate.visitLog().find(early.id()).orElseThrow().out()).contains(START.plus(Duration.ofHours(2)));
        assertThat(gate.visitLog().find(late.id()).orElseThrow().isOpen()).isTrue();
        assertThat(gate.occupancy(SETDA).present()).isEqualTo(1);
        assertThat(gate.checkOut(early.id())).isEmpty();
        assertThat(gate.expireStays()).isZero();
    }

    @Test
    void expireStays_deletesVisitsThatEndedMoreThanTheRetentionPeriodAgo() {
        Gate gate = world.gate().retention(Duration.ofDays(14)).build();
        Ticket old = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        gate.checkOut(old.id());
        world.clock.advance(Duration.ofDays(1));
        Ticket recent = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        gate.checkOut(recent.id());
        Ticket open = admitted(gate.checkIn(world.setdaGuest(2, DISKOMINFO)));

        world.clock.set(START.plus(Duration.ofDays(14)).plusSeconds(1));
        gate.expireStays();

        assertThat(gate.visitLog().find(old.id())).isEmpty();
        assertThat(gate.visitLog().find(recent.id())).isPresent();
        assertThat(gate.visitLog().find(open.id()).orElseThrow().out())
                .contains(START.plus(Duration.ofDays(1)).plus(CapacityPolicy.DEFAULT_STAY));
        assertThat(gate.retention()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void walkIn_admitsAScreenedVisitorAtASiteWithoutACode() {
        Gate gate = world.gate().build();
        Ticket ticket = admitted(gate.walkIn(walkIn(1, Role.GUEST)));
        assertThat(ticket.site()).isEqualTo(DUKCAPIL_OFFICE);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE, DUKCAPIL).present()).isEqualTo(1);
    }

    @Test
    void walkIn_refusesAFailedScreeningAnUnknownSiteAndAnAgencyNotWorkingThere() {
        Gate gate = world.gate().build();
        List<Object> before = state(gate);
        assertThat(gate.walkIn(screened(1, Screening.of(37.5, true, true))))
                .isEqualTo(new Decision.Refused(RefusalReason.SCREENING_FAILED,
                        "The manual screening did not pass. Failed: temperature not below 37.5 °C."));
        assertThat(gate.walkIn(screened(1, Screening.of(36.5, false, true))))
                .isEqualTo(new Decision.Refused(RefusalReason.SCREENING_FAILED,
                        "The manual screening did not pass. Failed: no mask."));
        assertThat(gate.walkIn(screened(1, Screening.of(36.5, true, false))))
                .isEqualTo(new Decision.Refused(RefusalReason.SCREENING_FAILED,
                        "The manual screening did not pass. Failed: hands not washed."));
        assertThat(((Decision.Refused) gate.walkIn(new WalkIn(NOWHERE, DUKCAPIL, visitor(1), Role.GUEST,
                Screening.of(36.5, true, true)))).reason()).isEqualTo(RefusalReason.UNKNOWN_SITE);
        assertThat(((Decision.Refused) gate.walkIn(new WalkIn(DUKCAPIL_OFFICE, KEJARI, visitor(1), Role.GUEST,
                Screening.of(36.5, true, true)))).reason()).isEqualTo(RefusalReason.AGENCY_NOT_COVERED);
        assertThat(state(gate)).isEqualTo(before);
    }

    @Test
    void walkIn_followsAConfiguredScreeningProtocol() {
        Gate gate = world.gate().screeningProtocol(ScreeningProtocol.standard().withTemperatureBelow(38)
                .withMaskRequired(false).withHandWashRequired(false)).build();
        admitted(gate.walkIn(screened(1, Screening.of(37.9, false, false))));
        assertThat(gate.walkIn(screened(2, Screening.of(38.0, true, true))).isAdmitted()).isFalse();
    }

    @Test
    void walkIn_countsAgainstTheDailyQuotaOfGuestsButNotStaff() {
        Gate gate = world.gate(CapacityPolicy.builder().dailyQuota(DUKCAPIL_OFFICE, DUKCAPIL, 3, Role.GUEST).build());
        for (int v = 1; v <= 3; v++) {
            admitted(gate.walkIn(walkIn(v, Role.GUEST)));
            world.clock.advance(Duration.ofMinutes(1));
            gate.checkOut(gate.visitLog().openVisitOf(visitor(v)).orElseThrow().ticket());
        }
        admitted(gate.walkIn(walkIn(8, Role.STAFF)));
        List<Object> before = state(gate);
        assertThat(gate.walkIn(walkIn(4, Role.GUEST))).isEqualTo(new Decision.Refused(
                RefusalReason.DAILY_QUOTA_REACHED, "Today's face-to-face quota is used up. 3 admitted today, quota 3."));
        assertThat(state(gate)).isEqualTo(before);

        world.clock.set(Instant.parse("2021-12-15T17:00:00Z"));
        admitted(gate.walkIn(walkIn(4, Role.GUEST)));
    }

    @Test
    void listeners_receiveEveryKindOfEventAndAThrowingOneIsIgnored() {
        List<GateEvent> events = new CopyOnWriteArrayList<>();
        Gate gate = world.gate()
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(events::add)
                .policy(CapacityPolicy.builder().defaultStay(Duration.ofHours(1)).build())
                .build();

        Ticket first = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        gate.checkIn(world.setdaGuest(1, DISKOMINFO));
        gate.checkIn(withFix(world.setdaGuest(2, DISKOMINFO), null));
        Ticket moved = admitted(gate.checkIn(world.kejariGuest(1)));
        gate.checkOut(moved.id());
        admitted(gate.walkIn(walkIn(3, Role.GUEST)));
        world.clock.advance(Duration.ofHours(2));
        gate.expireStays();

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Admitted", "Admitted", "Refused", "CheckedOut", "Admitted", "CheckedOut", "Admitted", "Expired");
        assertThat(events.get(0)).isInstanceOfSatisfying(GateEvent.Admitted.class, e -> {
            assertThat(e.visit().ticket()).isEqualTo(first.id());
            assertThat(e.repeat()).isFalse();
            assertThat(e.walkIn()).isFalse();
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(GateEvent.Admitted.class,
                e -> assertThat(e.repeat()).isTrue());
        assertThat(events.get(2)).isInstanceOfSatisfying(GateEvent.Refused.class, e -> {
            assertThat(e.reason()).isEqualTo(RefusalReason.LOCATION_REQUIRED);
            assertThat(e.site()).isEqualTo(SETDA);
            assertThat(e.visitor()).isEqualTo(visitor(2));
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(GateEvent.CheckedOut.class, e -> {
            assertThat(e.visit().ticket()).isEqualTo(first.id());
            assertThat(e.moved()).isTrue();
        });
        assertThat(events.get(5)).isInstanceOfSatisfying(GateEvent.CheckedOut.class,
                e -> assertThat(e.moved()).isFalse());
        assertThat(events.get(6)).isInstanceOfSatisfying(GateEvent.Admitted.class,
                e -> assertThat(e.walkIn()).isTrue());
        assertThat(events.get(7)).isInstanceOfSatisfying(GateEvent.Expired.class,
                e -> assertThat(e.visit().out()).contains(START.plus(Duration.ofHours(1))));
    }

    @Test
    void occupancy_rejectsASiteMissingFromTheDirectory() {
        Gate gate = world.gate().build();
        assertThatThrownBy(() -> gate.occupancy(NOWHERE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown site: not-in-directory");
        assertThatThrownBy(() -> gate.occupancy(NOWHERE, DUKCAPIL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_requiresADirectoryAndAVerifierAndNotBothAPolicyAndALedger() {
        assertThatThrownBy(() -> Gate.builder().verifier(world.verifier()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Gate.builder().directory(world.directory).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> world.gate().policy(CapacityPolicy.unlimited())
                .ledger(OccupancyLedger.inMemory(CapacityPolicy.unlimited(), world.clock)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> world.gate().retention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_buildsIndependentGates() {
        Gate.Builder builder = world.gate();
        Gate one = builder.build();
        Gate two = builder.build();
        admitted(one.checkIn(world.setdaGuest(1, DISKOMINFO)));
        assertThat(two.occupancy(SETDA).present()).isZero();
        assertThat(two.visitLog().openVisitOf(visitor(1))).isEmpty();
    }

    @Test
    void builder_usesAGivenLedgerAndItsPolicy() {
        CapacityPolicy one = CapacityPolicy.builder().maxPresent(SETDA, 1).build();
        OccupancyLedger ledger = OccupancyLedger.inMemory(one, world.clock);
        Gate gate = world.gate().ledger(ledger).build();
        admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        assertThat(gate.policy()).isSameAs(one);
        assertThat(ledger.read(SETDA, Sragen.site(SETDA).zone()).present()).isEqualTo(1);
        assertThat(((Decision.Refused) gate.checkIn(world.setdaGuest(2, DISKOMINFO))).reason())
                .isEqualTo(RefusalReason.SITE_FULL);
    }

    @Test
    void replacePolicy_appliesToTheNextAdmissionAndEvictsNobody() {
        Gate gate = world.gate(CapacityPolicy.builder().maxPresent(SETDA, 2).build());
        admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        admitted(gate.checkIn(world.setdaGuest(2, DISKOMINFO)));
        CapacityPolicy lower = gate.policy().toBuilder().maxPresent(SETDA, 1).build();

        gate.replacePolicy(lower);

        assertThat(gate.policy()).isSameAs(lower);
        assertThat(gate.occupancy(SETDA).present()).isEqualTo(2);
        assertThat(gate.occupancy(SETDA).limit()).hasValue(1);
        assertThat(((Decision.Refused) gate.checkIn(world.setdaGuest(3, DISKOMINFO))).reason())
                .isEqualTo(RefusalReason.SITE_FULL);
        assertThatThrownBy(() -> gate.replacePolicy(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void visitLog_isAReadOnlyViewOfWhatTheGateWrites() {
        Gate gate = world.gate().build();
        Ticket ticket = admitted(gate.checkIn(world.setdaGuest(1, DISKOMINFO)));
        VisitLog log = gate.visitLog();
        Visit open = log.find(ticket.id()).orElseThrow();
        List<Object> before = state(gate);

        assertThatThrownBy(() -> log.close(ticket.id(), world.clock.instant()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("checkOut");
        assertThatThrownBy(() -> log.append(Visit.open(TicketId.random(), visitor(2), SETDA, DISKOMINFO, Role.GUEST,
                EntryChannel.PRINTED_CODE,
                world.clock.instant()))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> log.purgeBefore(world.clock.instant()))
                .isInstanceOf(UnsupportedOperationException.class);

        assertThat(state(gate)).isEqualTo(before);
        assertThat(log.openVisitOf(visitor(1))).contains(open);
        assertThat(log.visitsOf(visitor(1))).containsExactly(open);
        assertThat(log.overlapping(open, Duration.ZERO)).isEmpty();
    }

    @Test
    void ticketIds_areDistinctAcrossManyAdmissions() {
        Gate gate = world.gate().locationRule(LocationRule.ignore()).build();
        java.util.Set<TicketId> ids = new java.util.HashSet<>();
        for (int v = 0; v < 2000; v++) {
            ids.add(admitted(gate.checkIn(world.setdaGuest(v, DISKOMINFO))).id());
        }
        assertThat(ids).hasSize(2000);
    }

    private static CheckIn withCode(CheckIn c, String code) {
        return new CheckIn(code, c.visitor(), c.agency(), c.role(), c.fix(), c.status());
    }

    private static CheckIn withStatus(CheckIn c, HealthStatus status) {
        return new CheckIn(c.code(), c.visitor(), c.agency(), c.role(), c.fix(), status);
    }

    private static CheckIn withFix(CheckIn c, Fix fix) {
        return new CheckIn(c.code(), c.visitor(), c.agency(), c.role(), fix, c.status());
    }

    private static WalkIn screened(int visitor, Screening screening) {
        return new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(visitor), Role.GUEST, screening);
    }

    @Test
    void checkIn_entryChannel_isTheWayInOfEachVerifiedChannel_andRefusesNull() {
        assertThat(CheckIn.entryChannel(Verification.Channel.PRINTED_CODE))
                .isEqualTo(EntryChannel.PRINTED_CODE);
        assertThat(CheckIn.entryChannel(Verification.Channel.ROTATING_CODE))
                .isEqualTo(EntryChannel.ROTATING_CODE);
        assertThat(CheckIn.entryChannel(Verification.Channel.REGISTERED_FOREIGN_CODE))
                .isEqualTo(EntryChannel.REGISTERED_FOREIGN_CODE);
        assertThatThrownBy(() -> CheckIn.entryChannel(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("verified");
    }

    @Test
    void checkIn_toStringRevealsNeitherCodeNorVisitor() {
        CheckIn c = world.setdaGuest(1, DISKOMINFO);
        assertThat(c.toString()).isEqualTo("CheckIn[agency=diskominfo, role=GUEST, fix=given, status=given]");
        assertThat(Screening.of(38.2, true, true).toString()).doesNotContain("38");
        assertThat(walkIn(1, Role.GUEST).toString()).doesNotContain(visitor(1).toText());
    }
}
