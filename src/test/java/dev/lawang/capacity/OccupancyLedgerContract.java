package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitorRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link OccupancyLedger} must meet. An implementation's test extends this class and says how to
 * build an empty ledger on a policy and a clock; the ledger must take every instant from that clock.
 *
 * <p>Besides examples, it runs random operations against {@link ReferenceLedger} (one thread, every result compared)
 * and many threads at once (invariants checked between rounds, and the present count replayed from the ledger's own
 * instants at every admission), and a race for one free place.
 */
public abstract class OccupancyLedgerContract {
    protected static final SiteId SETDA = SiteId.of("setda-complex");
    protected static final SiteId DUKCAPIL_OFFICE = SiteId.of("dukcapil-office");
    protected static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    protected static final AgencyId BAPPEDA = AgencyId.of("bappeda-litbang");
    protected static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    /** 15 December 2021, 09:00 in Sragen (WIB). */
    protected static final Instant MORNING = Instant.parse("2021-12-15T02:00:00Z");
    /** Western Indonesian Time, the zone of Sragen. */
    protected static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final byte[] SECRET = "the contract's pseudonym secret, 32+ bytes".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private final List<ExecutorService> executors = new ArrayList<>();

    /** For subclasses. */
    protected OccupancyLedgerContract() {
    }

    /**
     * Builds an empty ledger.
     *
     * @param policy the policy it holds
     * @param clock the clock it must take every instant from
     * @return the ledger
     */
    protected abstract OccupancyLedger newLedger(CapacityPolicy policy, Clock clock);

    @AfterEach
    void stopThreads() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    /** The sites' time zones, as a directory would give them: WIB unless a test says otherwise. */
    private final Map<SiteId, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<String, VisitorRef> visitors = new ConcurrentHashMap<>();

    /**
     * Returns the zone of a site, as a gate takes it from the directory.
     *
     * @param site the site
     * @return its zone: {@code Asia/Jakarta} unless the test set another
     */
    protected final ZoneId zoneOf(SiteId site) {
        return zones.getOrDefault(site, WIB);
    }

    /**
     * Returns the visitor of a name, the same for the same name.
     *
     * @param name letters and digits
     * @return the visitor's pseudonym
     */
    protected final VisitorRef visitor(String name) {
        return visitors.computeIfAbsent(name, n -> VisitorRef.pseudonymise(n, SECRET));
    }

    private AdmitRequest guest(String visitor, SiteId site, AgencyId agency) {
        return new AdmitRequest(TicketId.random(), visitor(visitor), site, zoneOf(site), agency, Role.GUEST);
    }

    private AdmitRequest staff(String visitor, SiteId site, AgencyId agency) {
        return new AdmitRequest(TicketId.random(), visitor(visitor), site, zoneOf(site), agency, Role.STAFF);
    }

    private static Admitted admitted(Admission admission) {
        assertThat(admission).isInstanceOf(Admitted.class);
        return (Admitted) admission;
    }

    private static Refused refused(Admission admission) {
        assertThat(admission).isInstanceOf(Refused.class);
        return (Refused) admission;
    }

    // Admissions and limits

    @Test
    void admit_countsTheVisitAtSiteAndAgency() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 10).build(),
                TestClock.at(MORNING));

        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DISKOMINFO)));

        assertThat(a.repeat()).isFalse();
        assertThat(a.moved()).isNull();
        assertThat(a.ticket().in()).isEqualTo(MORNING);
        assertThat(a.ticket().due()).isEqualTo(MORNING.plus(CapacityPolicy.DEFAULT_STAY));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withLimit(10));
        assertThat(ledger.read(SETDA, DISKOMINFO, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1));
        assertThat(ledger.read(SETDA, BAPPEDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0));
    }

    @Test
    void admit_refusesWhenTheSiteIsFullAndCountsNothing() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 2).build(),
                TestClock.at(MORNING));
        admitted(ledger.admit(guest("v1", SETDA, DISKOMINFO)));
        admitted(ledger.admit(guest("v2", SETDA, BAPPEDA)));

        Refused r = refused(ledger.admit(guest("v3", SETDA, DISKOMINFO)));

        assertThat(r).isEqualTo(new Refused(Admission.Reason.SITE_FULL, 2, 2));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(2, 2).withLimit(2));
        assertThat(ledger.read(SETDA, DISKOMINFO, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1));
    }

    @Test
    void admit_refusesWhenTheAgencyIsFullWithoutCountingAtTheSite() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 100)
                .maxPresent(SETDA, DUKCAPIL, 1).dailyQuota(SETDA, 50).build(), TestClock.at(MORNING));
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        Refused r = refused(ledger.admit(guest("v2", SETDA, DUKCAPIL)));

        assertThat(r).isEqualTo(new Refused(Admission.Reason.AGENCY_FULL, 1, 1));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withLimit(100).withDailyQuota(50));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withLimit(1));
        admitted(ledger.admit(guest("v2", SETDA, BAPPEDA)));
    }

    @Test
    void releaseUnused_givesBackThePlaceInTodaysQuotaWhereReleaseDoesNot() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 2).build(),
                TestClock.at(MORNING));
        Admitted unused = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        Admitted used = admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        refused(ledger.admit(guest("v3", SETDA, DUKCAPIL)));

        Optional<Departure> out = ledger.releaseUnused(unused.ticket().id(), zoneOf(SETDA));

        assertThat(out).map(Departure::ticket).contains(unused.ticket());
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        assertThat(ledger.releaseUnused(unused.ticket().id(), zoneOf(SETDA))).isEmpty();
        assertThat(ledger.releaseUnused(TicketId.random(), zoneOf(SETDA))).isEmpty();
        assertThatThrownBy(() -> ledger.releaseUnused(null, zoneOf(SETDA))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ledger.releaseUnused(used.ticket().id(), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        assertThat(ledger.release(used.ticket().id())).isPresent();
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        admitted(ledger.admit(guest("v3", SETDA, DUKCAPIL)));
        assertThat(refused(ledger.admit(guest("v4", SETDA, DUKCAPIL))).reason())
                .isEqualTo(Admission.Reason.DAILY_QUOTA_REACHED);
    }

    @Test
    void releaseUnused_ofAStayAdmittedOnAnEarlierDay_leavesTodaysCountAlone() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 2)
                .defaultStay(Duration.ofHours(30)).build(), clock);
        Admitted yesterday = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofDays(1));
        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));

        assertThat(ledger.releaseUnused(yesterday.ticket().id(), zoneOf(SETDA))).isPresent();

        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).present()).isEqualTo(1);
    }

    @Test
    void expire_ofALeasedStay_givesItsPlaceInTodaysQuotaBack_whereAnOrdinaryStaysStaysSpent() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 3)
                .defaultStay(Duration.ofHours(2)).build(), clock);
        Admitted leased = admitted(ledger.admit(guestVia("p1", SETDA, DUKCAPIL, EntryChannel.LEASED)));
        admitted(ledger.admit(guestVia("p2", SETDA, DUKCAPIL, EntryChannel.LEASED)));
        admitted(ledger.admit(guestVia("v1", SETDA, DUKCAPIL, EntryChannel.WALK_IN)));
        refused(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        assertThat(leased.ticket().channel()).isEqualTo(EntryChannel.LEASED);
        clock.advance(Duration.ofHours(2));

        List<Departure> expired = ledger.expire();

        assertThat(expired).extracting(d -> d.ticket().channel()).containsExactlyInAnyOrder(EntryChannel.LEASED,
                EntryChannel.LEASED, EntryChannel.WALK_IN);
        assertThat(expired).allSatisfy(d -> assertThat(d.cause()).isEqualTo(Departure.Cause.EXPIRED));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday())
                .as("the walk-in stays counted, the two leased places come back").isEqualTo(1);
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).present()).isZero();
        assertThat(ledger.expire()).isEmpty();
        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        admitted(ledger.admit(guest("v3", SETDA, DUKCAPIL)));
        assertThat(refused(ledger.admit(guest("v4", SETDA, DUKCAPIL))).reason())
                .isEqualTo(Admission.Reason.DAILY_QUOTA_REACHED);
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(3);
    }

    @Test
    void admitUntil_givesTheStayTheEndAskedFor_withinItsStartAndTheLongestStay() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(Duration.ofHours(8)).build(), clock);
        Instant soon = MORNING.plus(Duration.ofMinutes(90));

        Admitted a = admitted(ledger.admitUntil(guest("v1", SETDA, DUKCAPIL), soon));
        Admitted past = admitted(ledger.admitUntil(guest("v2", SETDA, DUKCAPIL), MORNING.minusSeconds(60)));
        Admitted far = admitted(ledger.admitUntil(guest("v3", SETDA, DUKCAPIL), MORNING.plus(Duration.ofDays(30))));
        Admitted farthest = admitted(ledger.admitUntil(guest("v4", SETDA, DUKCAPIL), Instant.MAX));
        Admitted repeat = admitted(ledger.admitUntil(guest("v1", SETDA, DUKCAPIL), MORNING.plusSeconds(60)));

        assertThat(a.ticket().due()).isEqualTo(soon);
        assertThat(a.ticket().in()).isEqualTo(MORNING);
        assertThat(past.ticket().due()).as("not before its start").isEqualTo(MORNING);
        assertThat(far.ticket().due()).isEqualTo(MORNING.plus(CapacityPolicy.MAX_STAY));
        assertThat(farthest.ticket().due()).isEqualTo(MORNING.plus(CapacityPolicy.MAX_STAY));
        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.ticket().due()).as("a repeat keeps its stay's end").isEqualTo(soon);
        assertThatThrownBy(() -> ledger.admitUntil(guest("v5", SETDA, DUKCAPIL), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ledger.admitUntil(null, soon)).isInstanceOf(NullPointerException.class);
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).present()).as("nothing counted for the bad calls").isEqualTo(4);
        assertThat(ledger.expire()).extracting(d -> d.ticket().id()).containsExactly(past.ticket().id());
        clock.set(soon.minusNanos(1_000));
        assertThat(ledger.expire()).isEmpty();
        clock.set(soon);
        assertThat(ledger.expire()).extracting(d -> d.ticket().id()).containsExactly(a.ticket().id());
        clock.set(MORNING.plus(Duration.ofHours(9)));
        assertThat(ledger.expire()).isEmpty();
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).present()).isEqualTo(2);
    }

    @Test
    void expire_ofALeasedStayAfterItsDayEnded_leavesTheNextDaysCountAlone() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 2)
                .defaultStay(Duration.ofHours(30)).build(), clock);
        admitted(ledger.admit(guestVia("p1", SETDA, DUKCAPIL, EntryChannel.LEASED)));
        clock.advance(Duration.ofDays(1));
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofHours(6));

        assertThat(ledger.expire()).extracting(d -> d.ticket().channel()).containsExactly(EntryChannel.LEASED);

        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).admittedToday()).isEqualTo(1);
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).present()).isEqualTo(1);
    }

    @Test
    void admit_refusesGuestsOverTheDailyQuotaButNotStaff() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 2).build(),
                TestClock.at(MORNING));
        for (String v : List.of("v1", "v2")) {
            Admitted a = admitted(ledger.admit(guest(v, SETDA, DUKCAPIL)));
            assertThat(ledger.release(a.ticket().id())).isPresent();
        }

        Refused r = refused(ledger.admit(guest("v3", SETDA, DUKCAPIL)));

        assertThat(r).isEqualTo(new Refused(Admission.Reason.DAILY_QUOTA_REACHED, 2, 2));
        admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL)));
        admitted(ledger.admit(guest("v3", SETDA, BAPPEDA)));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 2).withDailyQuota(2));
    }

    @Test
    void admit_namesTheSiteFirstWhenSeveralLimitsAreReached() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1)
                .maxPresent(SETDA, DUKCAPIL, 1).dailyQuota(SETDA, DUKCAPIL, 1).build(), TestClock.at(MORNING));
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        assertThat(refused(ledger.admit(guest("v2", SETDA, DUKCAPIL))).reason())
                .isEqualTo(Admission.Reason.SITE_FULL);
    }

    @Test
    void admit_countsOnlyTheRolesALimitNames() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1, Role.GUEST)
                .dailyQuota(SETDA, 5, Role.GUEST, Role.STAFF).build(), TestClock.at(MORNING));
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL)));
        admitted(ledger.admit(staff("s2", SETDA, DUKCAPIL)));

        assertThat(refused(ledger.admit(guest("v2", SETDA, DUKCAPIL))).reason())
                .isEqualTo(Admission.Reason.SITE_FULL);
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 3).withLimit(1).withDailyQuota(5));
    }

    @Test
    void admit_withALimitOfZeroAdmitsNobodyCounted() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, DUKCAPIL, 0).build(),
                TestClock.at(MORNING));

        assertThat(ledger.admit(guest("v1", SETDA, DUKCAPIL))).isEqualTo(
                new Refused(Admission.Reason.AGENCY_FULL, 0, 0));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA)).crowdLevel()).isEqualTo(CrowdLevel.FULL);
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0));
    }

    @Test
    void admit_atASiteThePolicyDoesNotMentionAdmitsAndCounts() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(),
                TestClock.at(MORNING));
        SiteId unknown = SiteId.of("kecamatan-gemolong");

        admitted(ledger.admit(guest("v1", unknown, DUKCAPIL)));
        admitted(ledger.admit(guest("v2", unknown, DUKCAPIL)));

        assertThat(ledger.read(unknown, zoneOf(unknown))).isEqualTo(Occupancy.of(2, 2));
        assertThat(ledger.read(unknown, zoneOf(unknown)).crowdLevel()).isEqualTo(CrowdLevel.QUIET);
        assertThat(ledger.read(SiteId.of("never-seen"), zoneOf(SiteId.of("never-seen")))).isEqualTo(Occupancy.of(0, 0));
        assertThat(ledger.read(SiteId.of("never-seen"), DUKCAPIL, WIB)).isEqualTo(Occupancy.of(0, 0));
    }

    // One open visit per visitor

    @Test
    void admit_sameVisitorAtSameSiteAndAgency_returnsTheOpenVisitWithoutCounting() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(), clock);
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(5));

        Admitted again = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        assertThat(again.repeat()).isTrue();
        assertThat(again.ticket()).isEqualTo(first.ticket());
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withLimit(1));
    }

    @Test
    void admit_retriedWithTheSameVisitId_returnsTheSameVisit() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, 1).build(),
                TestClock.at(MORNING));
        AdmitRequest request = guest("v1", SETDA, DUKCAPIL);
        Admitted first = admitted(ledger.admit(request));

        Admitted retry = admitted(ledger.admit(request));

        assertThat(retry).isEqualTo(new Admitted(first.ticket(), true, null));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withDailyQuota(1));
    }

    @Test
    void admit_rejectsTheIdOfAnOpenVisitForAnotherVisitorAndChangesNothing() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        TicketId id = first.ticket().id();

        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v2"), SETDA, WIB, DUKCAPIL, Role.GUEST)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(visitor("v2").toText()));
        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v1"), SETDA, WIB, BAPPEDA, Role.GUEST)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1));
        assertThat(ledger.read(SETDA, BAPPEDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0));
    }

    @Test
    void admit_elsewhere_closesTheEarlierVisitInTheSameStep() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(30));

        Admitted second = admitted(ledger.admit(guest("v1", DUKCAPIL_OFFICE, DUKCAPIL)));

        assertThat(second.moved()).isEqualTo(new Departure(first.ticket(), visitor("v1"),
                MORNING.plus(Duration.ofMinutes(30)), Departure.Cause.MOVED));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 1));
        assertThat(ledger.read(DUKCAPIL_OFFICE, zoneOf(DUKCAPIL_OFFICE))).isEqualTo(Occupancy.of(1, 1));
        assertThat(ledger.release(first.ticket().id())).isEmpty();
        assertThat(ledger.release(second.ticket().id())).isPresent();
        assertThat(ledger.read(DUKCAPIL_OFFICE, zoneOf(DUKCAPIL_OFFICE))).isEqualTo(Occupancy.of(0, 1));
    }

    @Test
    void admit_toAnotherAgencyOfAFullSite_usesThePlaceTheVisitorLeaves() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(),
                TestClock.at(MORNING));
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DISKOMINFO)));

        Admitted moved = admitted(ledger.admit(guest("v1", SETDA, BAPPEDA)));

        assertThat(moved.moved().ticket()).isEqualTo(first.ticket());
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 2).withLimit(1));
        assertThat(ledger.read(SETDA, DISKOMINFO, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 1));
        assertThat(ledger.read(SETDA, BAPPEDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1));
    }

    @Test
    void admit_refusedElsewhere_leavesTheEarlierVisitOpen() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(DUKCAPIL_OFFICE, 0).build(),
                TestClock.at(MORNING));
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DISKOMINFO)));

        refused(ledger.admit(guest("v1", DUKCAPIL_OFFICE, DUKCAPIL)));

        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1));
        Admitted again = admitted(ledger.admit(guest("v1", SETDA, DISKOMINFO)));
        assertThat(again.ticket()).isEqualTo(first.ticket());
    }

    // Entry channels

    private AdmitRequest guestVia(String visitor, SiteId site, AgencyId agency, EntryChannel channel) {
        return new AdmitRequest(TicketId.random(), visitor(visitor), site, zoneOf(site), agency, Role.GUEST, channel);
    }

    @Test
    void everyEntryChannel_isKeptOnTheTicketThroughReleaseExpiryAndTheVisitLog() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(Duration.ofHours(1)).build(), clock);
        EntryChannel[] channels = EntryChannel.values();
        Admitted[] admitted = new Admitted[channels.length];
        for (int i = 0; i < channels.length; i++) {
            admitted[i] = admitted(ledger.admit(guestVia("c" + i, SETDA, DUKCAPIL, channels[i])));
            assertThat(admitted[i].ticket().channel()).isEqualTo(channels[i]);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(ledger.openStays(clock.instant())).hasSize(channels.length)
                .allSatisfy(t -> assertThat(t.channel()).isEqualTo(channels[indexOf(admitted, t.id())]));
        ledger.visitLog().ifPresent(log -> {
            for (int i = 0; i < channels.length; i++) {
                assertThat(log.find(admitted[i].ticket().id()).orElseThrow().channel()).isEqualTo(channels[i]);
            }
        });
        // A repeat through another channel is the same stay: it keeps the channel it came in through.
        Admitted repeat = admitted(ledger.admit(guestVia("c0", SETDA, DUKCAPIL, EntryChannel.WALK_IN)));
        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.ticket().channel()).isEqualTo(channels[0]);
        // A move carries the channel of the stay left behind; the new stay has its own.
        Admitted moved = admitted(ledger.admit(guestVia("c1", DUKCAPIL_OFFICE, DUKCAPIL, EntryChannel.WALK_IN)));
        assertThat(moved.moved().ticket().channel()).isEqualTo(channels[1]);
        assertThat(moved.ticket().channel()).isEqualTo(EntryChannel.WALK_IN);
        assertThat(ledger.release(admitted[2].ticket().id()).orElseThrow().ticket().channel())
                .isEqualTo(channels[2]);
        clock.advance(Duration.ofHours(2));
        assertThat(ledger.expire()).extracting(d -> d.ticket().channel())
                .containsExactlyInAnyOrder(channels[0], EntryChannel.WALK_IN, channels[3], channels[4]);
        ledger.visitLog().ifPresent(log -> {
            for (int i = 0; i < channels.length; i++) {
                Visit closed = log.find(admitted[i].ticket().id()).orElseThrow();
                assertThat(closed.isOpen()).isFalse();
                assertThat(closed.channel()).isEqualTo(channels[i]);
            }
            assertThat(log.find(moved.ticket().id()).orElseThrow().channel()).isEqualTo(EntryChannel.WALK_IN);
        });
    }

    private static int indexOf(Admitted[] admitted, TicketId id) {
        for (int i = 0; i < admitted.length; i++) {
            if (admitted[i].ticket().id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("not admitted here: " + id);
    }

    @Test
    void admit_withoutAChannelIsRefusedBeforeTheLedgerSeesIt() {
        assertThatThrownBy(() -> new AdmitRequest(TicketId.random(), visitor("v1"), SETDA, WIB, DUKCAPIL, Role.GUEST,
                null)).isInstanceOf(NullPointerException.class).hasMessage("channel");
        assertThat(new AdmitRequest(TicketId.random(), visitor("v1"), SETDA, WIB, DUKCAPIL, Role.GUEST).channel())
                .isEqualTo(EntryChannel.PRINTED_CODE);
    }

    // Release and expiry

    @Test
    void release_closesAVisitOnceAndThenSaysSo() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(20));

        Optional<Departure> first = ledger.release(a.ticket().id());
        Optional<Departure> second = ledger.release(a.ticket().id());

        assertThat(first).contains(new Departure(a.ticket(), visitor("v1"), MORNING.plus(Duration.ofMinutes(20)),
                Departure.Cause.RELEASED));
        assertThat(second).isEmpty();
        assertThat(ledger.release(TicketId.random())).isEmpty();
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 1));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 1));
    }

    @Test
    void release_afterwardsTheVisitorCanBeAdmittedAgainAsANewVisit() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        ledger.release(a.ticket().id());

        Admitted b = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        assertThat(b.repeat()).isFalse();
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 2));
    }

    @Test
    void expire_closesStaysThatRanOutExactlyOnce() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(Duration.ofHours(2)).build(),
                clock);
        Admitted early = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(30));
        Admitted late = admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(89));
        assertThat(ledger.expire()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        List<Departure> expired = ledger.expire();

        assertThat(expired).containsExactly(new Departure(early.ticket(), visitor("v1"), early.ticket().due(),
                Departure.Cause.EXPIRED));
        assertThat(ledger.expire()).isEmpty();
        assertThat(ledger.release(early.ticket().id())).isEmpty();
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 2));
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.expire()).extracting(d -> d.ticket().id()).containsExactly(late.ticket().id());
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 2));
    }

    @Test
    void openStays_listsTheOpenStaysBegunBeforeAnInstant() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), clock);
        Admitted early = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        Admitted released = admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        ledger.release(released.ticket().id());
        clock.advance(Duration.ofMinutes(10));
        Admitted late = admitted(ledger.admit(guest("v3", DUKCAPIL_OFFICE, DUKCAPIL)));

        assertThat(ledger.openStays(MORNING.plusSeconds(1))).containsExactly(early.ticket());
        assertThat(ledger.openStays(MORNING)).isEmpty();
        assertThat(ledger.openStays(late.ticket().in().plusNanos(1_000)))
                .containsExactlyInAnyOrder(early.ticket(), late.ticket());
        assertThatThrownBy(() -> ledger.openStays(null)).isInstanceOf(NullPointerException.class);
    }

    // Limits that change

    @Test
    void policy_loweringALimitEvictsNobodyAndRefusesUntilBelowIt() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 3).build(),
                TestClock.at(MORNING));
        List<TicketId> ids = new ArrayList<>();
        for (String v : List.of("v1", "v2", "v3")) {
            ids.add(admitted(ledger.admit(guest(v, SETDA, DUKCAPIL))).ticket().id());
        }

        ledger.replacePolicy(ledger.policy().toBuilder().maxPresent(SETDA, 1).build());

        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(3, 3).withLimit(1));
        assertThat(ledger.read(SETDA, zoneOf(SETDA)).crowdLevel()).isEqualTo(CrowdLevel.FULL);
        assertThat(refused(ledger.admit(guest("v4", SETDA, DUKCAPIL)))).isEqualTo(
                new Refused(Admission.Reason.SITE_FULL, 3, 1));
        ledger.release(ids.get(0));
        refused(ledger.admit(guest("v4", SETDA, DUKCAPIL)));
        ledger.release(ids.get(1));
        refused(ledger.admit(guest("v4", SETDA, DUKCAPIL)));
        ledger.release(ids.get(2));
        admitted(ledger.admit(guest("v4", SETDA, DUKCAPIL)));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 4).withLimit(1));
    }

    @Test
    void policy_raisingALimitAdmitsAtOnce() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 1).build(),
                TestClock.at(MORNING));
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        refused(ledger.admit(guest("v2", SETDA, DUKCAPIL)));

        ledger.replacePolicy(ledger.policy().toBuilder().dailyQuota(SETDA, DUKCAPIL, 2).build());

        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(2, 2).withDailyQuota(2));
    }

    @Test
    void levels_scaleEveryLimitOnTheDaysTheyAreInForce() {
        LevelSchedule ppkm = LevelSchedule.of(
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 15), 3, 25,
                        "Inmendagri 9/2022"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 3, 1), 3, 50,
                        "Inmendagri 12/2022"));
        TestClock clock = TestClock.at(Instant.parse("2022-02-14T16:59:59Z"));
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 10)
                .dailyQuota(SETDA, DUKCAPIL, 150).levels(ppkm).build(), clock);

        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withLimit(2));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withDailyQuota(37));
        clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withLimit(10));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withDailyQuota(150));
        clock.set(Instant.parse("2022-02-22T03:00:00Z"));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withLimit(5));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withDailyQuota(75));
    }

    @Test
    void levels_atZeroPercentAdmitNobodyCounted() {
        LevelSchedule emergency = LevelSchedule.of(LevelSchedule.Entry.of(LocalDate.of(2021, 7, 3),
                LocalDate.of(2021, 7, 21), 4, 0, "Inmendagri 15/2021, non-essential offices"));
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 120, Role.GUEST)
                .levels(emergency).build(), TestClock.at(Instant.parse("2021-07-05T02:00:00Z")));

        assertThat(ledger.admit(guest("v1", SETDA, DUKCAPIL))).isEqualTo(
                new Refused(Admission.Reason.SITE_FULL, 0, 0));
        admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL)));
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0).withLimit(0));
    }

    // Days

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin"})
    void dailyQuota_startsAfreshAtTheSitesLocalMidnight(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDate day = LocalDate.of(2026, 3, 29);
        Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
        TestClock clock = TestClock.at(day.atStartOfDay(zone).toInstant());
        zones.put(SETDA, zone);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, DUKCAPIL, 1).build(), clock);
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.set(midnight.minusNanos(1_000));
        refused(ledger.admit(guest("v2", SETDA, DUKCAPIL)));

        clock.set(midnight);

        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 0).withDailyQuota(1));
        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        assertThat(ledger.read(SETDA, DUKCAPIL, zoneOf(SETDA))).isEqualTo(Occupancy.of(2, 1).withDailyQuota(1));
    }

    @Test
    void dailyQuota_countsA23HourDayWhenClocksSpringForward() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant start = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, berlin).toInstant();
        TestClock clock = TestClock.at(start);
        zones.put(SETDA, berlin);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, 1).build(), clock);
        admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        clock.set(start.plus(Duration.ofHours(23)).minusSeconds(1));
        refused(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        clock.set(start.plus(Duration.ofHours(23)));
        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
    }

    @Test
    void clockMovingBackwards_neitherRollsTheDayBackNorEndsAVisitBeforeItStarted() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, 2)
                .defaultStay(Duration.ofHours(1)).build(), clock);
        clock.advance(Duration.ofDays(1));
        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofDays(-1));

        admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        Refused r = refused(ledger.admit(guest("v3", SETDA, DUKCAPIL)));
        Optional<Departure> out = ledger.release(a.ticket().id());

        assertThat(r.reason()).isEqualTo(Admission.Reason.DAILY_QUOTA_REACHED);
        assertThat(out.orElseThrow().end()).isEqualTo(a.ticket().in());
        assertThat(ledger.expire()).isEmpty();
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 2).withDailyQuota(2));
    }

    // The edges of every limit

    /** The four limits an admission checks, in the order it checks them. */
    private enum LimitKind {
        SITE_PRESENT, AGENCY_PRESENT, SITE_QUOTA, AGENCY_QUOTA
    }

    @ParameterizedTest
    @EnumSource(LimitKind.class)
    void admit_admitsTheLimitThPersonAndRefusesTheNext(LimitKind kind) {
        int n = 3;
        CapacityPolicy.Builder rules = CapacityPolicy.builder();
        Admission.Reason reason = switch (kind) {
            case SITE_PRESENT -> {
                rules.maxPresent(SETDA, n);
                yield Admission.Reason.SITE_FULL;
            }
            case AGENCY_PRESENT -> {
                rules.maxPresent(SETDA, DUKCAPIL, n);
                yield Admission.Reason.AGENCY_FULL;
            }
            case SITE_QUOTA -> {
                rules.dailyQuota(SETDA, n);
                yield Admission.Reason.DAILY_QUOTA_REACHED;
            }
            case AGENCY_QUOTA -> {
                rules.dailyQuota(SETDA, DUKCAPIL, n);
                yield Admission.Reason.DAILY_QUOTA_REACHED;
            }
        };
        boolean quota = reason == Admission.Reason.DAILY_QUOTA_REACHED;
        OccupancyLedger ledger = newLedger(rules.build(), TestClock.at(MORNING));
        List<TicketId> inside = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            TicketId id = admitted(ledger.admit(guest("v" + i, SETDA, DUKCAPIL))).ticket().id();
            if (quota) {
                assertThat(ledger.release(id)).isPresent();
            } else {
                inside.add(id);
            }
        }

        assertThat(ledger.admit(guest("v" + (n + 1), SETDA, DUKCAPIL))).isEqualTo(new Refused(reason, n, n));

        if (quota) {
            assertThat(ledger.read(SETDA, DUKCAPIL, WIB).present()).isZero();
        } else {
            ledger.release(inside.get(0));
            admitted(ledger.admit(guest("v" + (n + 1), SETDA, DUKCAPIL)));
            assertThat(ledger.admit(guest("v" + (n + 2), SETDA, DUKCAPIL))).isEqualTo(new Refused(reason, n, n));
        }
    }

    @Test
    void admit_withADailyQuotaOfZeroRefusesTheFirstGuestAndStillAdmitsStaff() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().dailyQuota(SETDA, 0).build(),
                TestClock.at(MORNING));

        assertThat(ledger.admit(guest("v1", SETDA, DUKCAPIL))).isEqualTo(
                new Refused(Admission.Reason.DAILY_QUOTA_REACHED, 0, 0));
        admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL)));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 0).withDailyQuota(0));
    }

    @Test
    void admit_underLimitsOnStaffAlone_guestsPassUncountedAndStaffAreCounted() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1, Role.STAFF)
                .dailyQuota(SETDA, DUKCAPIL, 1, Role.STAFF).build(), TestClock.at(MORNING));
        TicketId first = admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL))).ticket().id();

        admitted(ledger.admit(guest("g1", SETDA, DUKCAPIL)));
        admitted(ledger.admit(guest("g2", SETDA, DUKCAPIL)));
        assertThat(ledger.admit(staff("s2", SETDA, DISKOMINFO))).isEqualTo(
                new Refused(Admission.Reason.SITE_FULL, 1, 1));
        ledger.release(first);
        assertThat(ledger.admit(staff("s2", SETDA, DUKCAPIL))).isEqualTo(
                new Refused(Admission.Reason.DAILY_QUOTA_REACHED, 1, 1));
        admitted(ledger.admit(staff("s2", SETDA, DISKOMINFO)));

        // present counts the staff the site's limit counts; admittedToday the guests, as the site has no quota
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 2).withLimit(1));
        // present counts everyone, as the agency has no limit; admittedToday the staff its quota counts
        assertThat(ledger.read(SETDA, DUKCAPIL, WIB)).isEqualTo(Occupancy.of(2, 1).withDailyQuota(1));
    }

    @Test
    void levels_roundEveryLimitDownAndApplyInFullOnADayNoEntryCovers() {
        LevelSchedule schedule = LevelSchedule.of(
                LevelSchedule.Entry.of(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 2), 1, 1, "one percent"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 3, 2), LocalDate.of(2022, 3, 3), 2, 99, "ninety-nine"),
                LevelSchedule.Entry.of(LocalDate.of(2022, 3, 4), LocalDate.of(2022, 3, 5), 4, 0, "closed"));
        TestClock clock = TestClock.at(Instant.parse("2022-03-01T02:00:00Z"));
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 150)
                .maxPresent(SETDA, DUKCAPIL, 101).dailyQuota(SETDA, BAPPEDA, 1).levels(schedule).build(), clock);

        // 1 %: floor(150 / 100) = 1, floor(101 / 100) = 1, floor(1 / 100) = 0
        TicketId first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL))).ticket().id();
        assertThat(ledger.admit(guest("v2", SETDA, DISKOMINFO))).isEqualTo(
                new Refused(Admission.Reason.SITE_FULL, 1, 1));
        ledger.release(first);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 1).withLimit(1));
        assertThat(ledger.read(SETDA, DUKCAPIL, WIB)).isEqualTo(Occupancy.of(0, 1).withLimit(1));
        assertThat(ledger.read(SETDA, BAPPEDA, WIB)).isEqualTo(Occupancy.of(0, 0).withDailyQuota(0));

        // 99 %: floor(148.5) = 148, floor(99.99) = 99, floor(0.99) = 0
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 0).withLimit(148));
        assertThat(ledger.read(SETDA, DUKCAPIL, WIB)).isEqualTo(Occupancy.of(0, 0).withLimit(99));
        assertThat(ledger.admit(guest("v3", SETDA, BAPPEDA))).isEqualTo(
                new Refused(Admission.Reason.DAILY_QUOTA_REACHED, 0, 0));

        // no entry: nominal limits
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 0).withLimit(150));
        assertThat(ledger.read(SETDA, DUKCAPIL, WIB)).isEqualTo(Occupancy.of(0, 0).withLimit(101));
        admitted(ledger.admit(guest("v3", SETDA, BAPPEDA)));

        // 0 %: nobody
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 0).withLimit(0));
        assertThat(ledger.read(SETDA, BAPPEDA, WIB)).isEqualTo(Occupancy.of(1, 0).withDailyQuota(0));
    }

    @Test
    void levels_changeAtExactlyLocalMidnight_theFirstDayInForceAndTheLastDayNot() {
        LevelSchedule week = LevelSchedule.of(LevelSchedule.Entry.of(LocalDate.of(2022, 2, 8),
                LocalDate.of(2022, 2, 15), 3, 25, "Inmendagri 9/2022"));
        Instant eighth = LocalDate.of(2022, 2, 8).atStartOfDay(WIB).toInstant();
        Instant fifteenth = LocalDate.of(2022, 2, 15).atStartOfDay(WIB).toInstant();
        TestClock clock = TestClock.at(eighth.minusNanos(1_000));
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 100).levels(week).build(),
                clock);
        admitted(ledger.admit(staff("s1", SETDA, DUKCAPIL)));

        assertThat(ledger.read(SETDA, WIB).limit()).hasValue(100);
        clock.set(eighth);
        assertThat(ledger.read(SETDA, WIB).limit()).hasValue(25);
        clock.set(fifteenth.minusNanos(1_000));
        assertThat(ledger.read(SETDA, WIB).limit()).hasValue(25);
        clock.set(fifteenth);
        assertThat(ledger.read(SETDA, WIB).limit()).hasValue(100);
    }

    // Instants

    @Test
    void admit_truncatesInstantsToMicrosecondsAndIsDueExactlyOneDefaultStayLater() {
        Duration stay = Duration.ofMinutes(90);
        TestClock clock = TestClock.at(MORNING.plusNanos(123_456_789));
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(stay).build(), clock);

        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofMinutes(10).plusNanos(999));
        Departure out = ledger.release(a.ticket().id()).orElseThrow();

        Instant in = MORNING.plusNanos(123_456_000);
        assertThat(a.ticket().in()).isEqualTo(in);
        assertThat(a.ticket().due()).isEqualTo(in.plus(stay));
        assertThat(out.end()).isEqualTo(in.plus(Duration.ofMinutes(10)).plusNanos(1_000));
    }

    @Test
    void expire_closesAStayAtExactlyItsDueTimeAndKeepsItOneMicrosecondBefore() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(Duration.ofHours(1)).build(),
                clock);
        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        Instant due = MORNING.plus(Duration.ofHours(1));
        assertThat(a.ticket().due()).isEqualTo(due);

        clock.set(due.minusNanos(1_000));
        assertThat(ledger.expire()).isEmpty();
        clock.set(due.minusNanos(1));
        assertThat(ledger.expire()).as("one nanosecond before due reads as the microsecond before").isEmpty();
        assertThat(ledger.read(SETDA, WIB).present()).isEqualTo(1);

        clock.set(due);
        assertThat(ledger.expire())
                .containsExactly(new Departure(a.ticket(), visitor("v1"), due, Departure.Cause.EXPIRED));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 1));
    }

    @Test
    void expire_afterTheClockMovedBack_closesStaysDueByTheSitesLatestInstant() {
        TestClock clock = TestClock.at(MORNING);
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().defaultStay(Duration.ofHours(1)).build(),
                clock);
        Admitted a = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.read(SETDA, WIB).present()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(-30));

        assertThat(ledger.expire()).containsExactly(new Departure(a.ticket(), visitor("v1"), a.ticket().due(),
                Departure.Cause.EXPIRED));
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(0, 1));
    }

    // Ticket ids

    @Test
    void admit_rejectsTheIdOfAnOpenVisitWithAnotherRoleOrAtAnotherSiteAndChangesNothing() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        TicketId id = first.ticket().id();

        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v1"), SETDA, WIB, DUKCAPIL, Role.STAFF)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString());
        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v1"), DUKCAPIL_OFFICE, WIB, DUKCAPIL,
                Role.GUEST))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString());

        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 1));
        assertThat(ledger.read(DUKCAPIL_OFFICE, WIB)).isEqualTo(Occupancy.of(0, 0));
        assertThat(ledger.release(id))
                .contains(new Departure(first.ticket(), visitor("v1"), MORNING, Departure.Cause.RELEASED));
    }

    @Test
    void admit_rejectsAVisitorWhoComesBackWithTheIdOfSomeoneElsesOpenVisit() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        Admitted mine = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));
        Admitted theirs = admitted(ledger.admit(guest("v2", SETDA, DUKCAPIL)));
        TicketId id = theirs.ticket().id();

        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v1"), SETDA, WIB, DUKCAPIL, Role.GUEST)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString());

        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(2, 2));
        assertThat(ledger.release(mine.ticket().id())).isPresent();
        assertThat(ledger.release(id)).isPresent();
    }

    @Test
    void admit_rejectsTheIdOfAnOpenVisitEvenWhereALimitWouldRefuse() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(),
                TestClock.at(MORNING));
        TicketId id = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL))).ticket().id();

        assertThatThrownBy(() -> ledger.admit(new AdmitRequest(id, visitor("v2"), SETDA, WIB, DUKCAPIL, Role.GUEST)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 1).withLimit(1));
    }

    @Test
    void admit_sameVisitorAgainInAnotherRole_returnsTheOpenVisitWithItsEarlierRole() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1, Role.GUEST).build(),
                TestClock.at(MORNING));
        Admitted first = admitted(ledger.admit(guest("v1", SETDA, DUKCAPIL)));

        Admitted again = admitted(ledger.admit(staff("v1", SETDA, DUKCAPIL)));

        assertThat(again).isEqualTo(new Admitted(first.ticket(), true, null));
        assertThat(again.ticket().role()).isEqualTo(Role.GUEST);
        assertThat(ledger.read(SETDA, WIB)).isEqualTo(Occupancy.of(1, 1).withLimit(1));
    }

    // Misuse

    @Test
    void policy_rejectsNull() {
        OccupancyLedger ledger = newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));

        assertThatThrownBy(() -> ledger.replacePolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ledger.admit(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ledger.release(null)).isInstanceOf(NullPointerException.class);

        assertThat(ledger.policy()).isEqualTo(CapacityPolicy.unlimited());
        assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(0, 0));
    }

    // Random operations against the reference

    @Test
    void randomOperations_matchTheReferenceOneByOne() {
        Random random = new Random(20211215);
        for (int run = 0; run < 20; run++) {
            zones.put(SITES[0], random.nextBoolean() ? ZoneId.of("Asia/Jayapura") : WIB);
            CapacityPolicy policy = randomPolicy(random);
            TestClock clock = TestClock.at(MORNING);
            TestClock referenceClock = TestClock.at(MORNING);
            OccupancyLedger ledger = newLedger(policy, clock);
            ReferenceLedger reference = new ReferenceLedger(policy, referenceClock);
            List<TicketId> ids = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(100);
                String at = "run " + run + " step " + step;
                if (op < 55) {
                    // A retry reuses the id of an open stay; ids of closed stays are never reused (the contract).
                    List<Ticket> open = reference.openStays(MORNING.plus(Duration.ofDays(3650)));
                    TicketId id = !open.isEmpty() && random.nextInt(10) == 0
                            ? open.get(random.nextInt(open.size())).id() : TicketId.random();
                    VisitorRef visitor = visitor("v" + random.nextInt(12));
                    SiteId site = randomSite(random);
                    AdmitRequest request = new AdmitRequest(id, visitor, site, zoneOf(site), randomAgency(random),
                            random.nextInt(4) == 0 ? Role.STAFF : Role.GUEST,
                            EntryChannel.values()[random.nextInt(EntryChannel.values().length)]);
                    ids.add(id);
                    Object expected = outcome(() -> reference.admit(request));
                    assertThat(outcome(() -> ledger.admit(request))).as(at).isEqualTo(expected);
                } else if (op < 75 && !ids.isEmpty()) {
                    TicketId id = ids.get(random.nextInt(ids.size()));
                    assertThat(ledger.release(id)).as(at).isEqualTo(reference.release(id));
                } else if (op < 82) {
                    assertThat(ledger.expire()).as(at).containsExactlyInAnyOrderElementsOf(reference.expire());
                } else if (op < 92) {
                    Duration step2 = Duration.ofMinutes(random.nextInt(240) - 20);
                    clock.advance(step2);
                    referenceClock.advance(step2);
                } else if (op < 96) {
                    CapacityPolicy next = randomPolicy(random);
                    ledger.replacePolicy(next);
                    reference.replacePolicy(next);
                } else {
                    SiteId site = randomSite(random);
                    AgencyId agency = randomAgency(random);
                    assertThat(ledger.read(site, zoneOf(site))).as(at).isEqualTo(reference.read(site, zoneOf(site)));
                    assertThat(ledger.read(site, agency, zoneOf(site))).as(at)
                            .isEqualTo(reference.read(site, agency, zoneOf(site)));
                }
            }
        }
    }

    private static Object outcome(java.util.function.Supplier<Admission> admit) {
        try {
            return admit.get();
        } catch (IllegalArgumentException e) {
            return IllegalArgumentException.class;
        }
    }

    private static final SiteId[] SITES = {SETDA, DUKCAPIL_OFFICE, SiteId.of("puskesmas-sragen")};
    private static final AgencyId[] AGENCIES = {DISKOMINFO, BAPPEDA, DUKCAPIL};

    private static SiteId randomSite(Random random) {
        return SITES[random.nextInt(SITES.length)];
    }

    private static AgencyId randomAgency(Random random) {
        return AGENCIES[random.nextInt(AGENCIES.length)];
    }

    private static CapacityPolicy randomPolicy(Random random) {
        CapacityPolicy.Builder b = CapacityPolicy.builder().defaultStay(Duration.ofMinutes(30 + random.nextInt(300)));
        for (SiteId site : SITES) {
            if (random.nextBoolean()) {
                b.maxPresent(site, random.nextInt(6), randomRoles(random));
            }
            if (random.nextInt(3) == 0) {
                b.dailyQuota(site, random.nextInt(15), randomRoles(random));
            }
            for (AgencyId agency : AGENCIES) {
                if (random.nextInt(3) == 0) {
                    b.maxPresent(site, agency, random.nextInt(4), randomRoles(random));
                }
                if (random.nextInt(3) == 0) {
                    b.dailyQuota(site, agency, random.nextInt(8), randomRoles(random));
                }
            }
        }
        if (random.nextBoolean()) {
            LocalDate today = LocalDate.of(2021, 12, 15);
            b.levels(LevelSchedule.of(LevelSchedule.Entry.of(today.plusDays(random.nextInt(3)),
                    today.plusDays(3 + random.nextInt(3)), 3, random.nextInt(101), "random level")));
        }
        return b.build();
    }

    private static Role[] randomRoles(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Role[0];
            case 1 -> new Role[] {Role.GUEST};
            default -> new Role[] {Role.STAFF, Role.GUEST};
        };
    }

    // Concurrency

    @Test
    void race_forTheLastFreePlace_admitsExactlyOne() throws Exception {
        ExecutorService pool = pool(2);
        int rounds = 2_000;
        for (int round = 0; round < rounds; round++) {
            OccupancyLedger ledger = newLedger(CapacityPolicy.builder().maxPresent(SETDA, 1).build(),
                    TestClock.at(MORNING));
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Admission>> results = new ArrayList<>();
            for (String visitor : List.of("a", "b")) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return ledger.admit(guest(visitor, SETDA, DUKCAPIL));
                }));
            }
            int admitted = 0;
            for (Future<Admission> result : results) {
                Admission a = result.get(10, TimeUnit.SECONDS);
                admitted += a.isAdmitted() ? 1 : 0;
                if (!a.isAdmitted()) {
                    assertThat(a).isEqualTo(new Refused(Admission.Reason.SITE_FULL, 1, 1));
                }
            }
            assertThat(admitted).as("round %d", round).isEqualTo(1);
            assertThat(ledger.read(SETDA, zoneOf(SETDA))).isEqualTo(Occupancy.of(1, 1).withLimit(1));
        }
    }

    @Test
    void concurrentRandomOperations_keepEveryInvariant() throws Exception {
        int threads = 4;
        int rounds = 12;
        int stepsPerRound = 600;
        TestClock clock = TestClock.ticking(Instant.parse("2021-12-15T00:30:00Z"));
        zones.put(SITES[1], ZoneId.of("Asia/Makassar"));
        Random setup = new Random(42);
        CapacityPolicy initial = concurrentPolicy(setup);
        OccupancyLedger ledger = newLedger(initial, clock);
        ExecutorService pool = pool(threads);
        ConcurrentLinkedQueue<Admitted> admissions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Departure> departures = new ConcurrentLinkedQueue<>();
        AtomicLong refusals = new AtomicLong();
        AtomicLong advances = new AtomicLong();
        List<Round> history = new ArrayList<>();
        CapacityPolicy inForce = initial;
        for (int round = 0; round < rounds; round++) {
            boolean limitsChangeDuringRound = round % 2 == 1;
            Round current = new Round(Lease.micros(clock.instant()), new ConcurrentLinkedQueue<>());
            current.policies().add(inForce);
            history.add(current);
            long seed = setup.nextLong();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                int thread = t;
                work.add(pool.submit(() -> {
                    List<TicketId> mine = new ArrayList<>();
                    for (int step = 0; step < stepsPerRound; step++) {
                        int op = random.nextInt(100);
                        if (op < 60) {
                            VisitorRef visitor = visitor("v" + random.nextInt(40));
                            SiteId site = SITES[random.nextInt(2)];
                            AdmitRequest request = new AdmitRequest(TicketId.random(), visitor, site, zoneOf(site),
                                    AGENCIES[random.nextInt(3)], random.nextInt(5) == 0 ? Role.STAFF : Role.GUEST);
                            Admission a = ledger.admit(request);
                            if (a instanceof Admitted ok && !ok.repeat()) {
                                admissions.add(ok);
                                mine.add(ok.ticket().id());
                                if (ok.moved() != null) {
                                    departures.add(ok.moved());
                                }
                            } else if (!a.isAdmitted()) {
                                refusals.incrementAndGet();
                            }
                        } else if (op < 85 && !mine.isEmpty()) {
                            ledger.release(mine.get(random.nextInt(mine.size()))).ifPresent(departures::add);
                        } else if (op < 90) {
                            departures.addAll(ledger.expire());
                        } else if (op < 93 && thread == 0) {
                            clock.advance(Duration.ofMinutes(random.nextInt(90)));
                            advances.incrementAndGet();
                        } else if (op < 95 && thread == 1 && limitsChangeDuringRound) {
                            CapacityPolicy next = concurrentPolicy(random);
                            current.policies().add(next);
                            ledger.replacePolicy(next);
                        } else {
                            SiteId site = SITES[random.nextInt(2)];
                            Occupancy o = ledger.read(site, AGENCIES[random.nextInt(3)], zoneOf(site));
                            assertThat(o.present()).isNotNegative();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            checkQuiescent(ledger, admissions, departures);
            inForce = ledger.policy();
            if (!limitsChangeDuringRound) {
                inForce = concurrentPolicy(setup);
                ledger.replacePolicy(inForce);
            }
        }
        assertThat(advances.get()).isPositive();
        assertThat(refusals.get()).as("refusals").isGreaterThan(100);
        assertThat(admissions).as("admissions").hasSizeGreaterThan(1_000);
        replayAdmissions(List.copyOf(admissions), List.copyOf(departures), history);
    }

    /** The policies that may have been in force from a round's first instant on: one, or several if they changed. */
    private record Round(long fromMicros, ConcurrentLinkedQueue<CapacityPolicy> policies) {
        int max(java.util.function.ToIntFunction<CapacityPolicy> limit) {
            return policies.stream().mapToInt(limit).max().orElseThrow();
        }
    }

    private static CapacityPolicy concurrentPolicy(Random random) {
        CapacityPolicy.Builder b = CapacityPolicy.builder().defaultStay(Duration.ofMinutes(60 + random.nextInt(120)));
        for (int s = 0; s < 2; s++) {
            b.maxPresent(SITES[s], 3 + random.nextInt(10));
            b.dailyQuota(SITES[s], 40 + random.nextInt(80));
            for (AgencyId agency : AGENCIES) {
                b.maxPresent(SITES[s], agency, 1 + random.nextInt(5));
                b.dailyQuota(SITES[s], agency, 10 + random.nextInt(40));
            }
        }
        return b.build();
    }

    /** With no operation running, the ledger's counts must equal what its own results add up to. */
    private void checkQuiescent(OccupancyLedger ledger, ConcurrentLinkedQueue<Admitted> admissions,
            ConcurrentLinkedQueue<Departure> departures) {
        Set<TicketId> closed = new HashSet<>();
        for (Departure d : departures) {
            assertThat(closed.add(d.ticket().id())).as("closed twice: %s", d).isTrue();
            assertThat(d.end()).isAfterOrEqualTo(d.ticket().in());
        }
        Set<TicketId> opened = new HashSet<>();
        Map<String, Integer> open = new HashMap<>();
        for (Admitted a : admissions) {
            assertThat(opened.add(a.ticket().id())).isTrue();
            if (!closed.contains(a.ticket().id())) {
                open.merge(a.ticket().site() + "/" + a.ticket().agency(), 1, Integer::sum);
                open.merge(a.ticket().site().toString(), 1, Integer::sum);
            }
        }
        assertThat(opened).containsAll(closed);
        for (int s = 0; s < 2; s++) {
            SiteId site = SITES[s];
            assertThat(ledger.read(site, zoneOf(site)).present()).as("present at %s", site)
                    .isEqualTo(open.getOrDefault(site.toString(), 0));
            for (AgencyId agency : AGENCIES) {
                assertThat(ledger.read(site, agency, zoneOf(site)).present()).as("present at %s/%s", site, agency)
                        .isEqualTo(open.getOrDefault(site + "/" + agency, 0));
            }
        }
    }

    /**
     * Replays the results in the order of the ledger's own instants and checks that at every admission the place and
     * the day still had room under the policy in force (the most generous of them, in rounds where limits changed
     * while admissions ran). The clock ticks on every reading, but a ledger may read it before it takes a site's
     * lock and then keep the site's latest instant, so instants can tie: see {@link #untie}.
     */
    private record Event(long micros, int order, Ticket stay, boolean in) {
    }

    /**
     * Orders events that share one instant as leniently as any real order could be: departures of stays admitted
     * earlier first, then each stay admitted and closed within the instant (in and out at once), then the other
     * admissions. A check that fails on this order fails on every order.
     */
    private static List<Event> untie(List<Event> tie, Set<TicketId> admittedBefore) {
        Map<TicketId, Event> departures = new HashMap<>();
        List<Event> out = new ArrayList<>();
        for (Event e : tie) {
            if (!e.in()) {
                if (admittedBefore.contains(e.stay().id())) {
                    out.add(e);
                } else {
                    departures.put(e.stay().id(), e);
                }
            }
        }
        List<Event> rest = new ArrayList<>();
        for (Event e : tie) {
            if (e.in()) {
                admittedBefore.add(e.stay().id());
                Event closing = departures.remove(e.stay().id());
                if (closing != null) {
                    out.add(e);
                    out.add(closing);
                } else {
                    rest.add(e);
                }
            }
        }
        assertThat(departures).as("departures without an admission at or before them").isEmpty();
        out.addAll(rest);
        return out;
    }

    private void replayAdmissions(List<Admitted> admissions, List<Departure> departures, List<Round> rounds) {
        List<Event> events = new ArrayList<>();
        for (Admitted a : admissions) {
            events.add(new Event(Lease.micros(a.ticket().in()), 1, a.ticket(), true));
        }
        for (Departure d : departures) {
            events.add(new Event(Lease.micros(d.end()), 0, d.ticket(), false));
        }
        events.sort((x, y) -> x.micros() != y.micros() ? Long.compare(x.micros(), y.micros())
                : Integer.compare(x.order(), y.order()));
        Map<String, Integer> present = new HashMap<>();
        Map<String, Integer> today = new HashMap<>();
        List<Event> ordered = new ArrayList<>();
        Set<TicketId> admitted = new HashSet<>();
        for (int from = 0; from < events.size(); ) {
            int to = from;
            while (to < events.size() && events.get(to).micros() == events.get(from).micros()) {
                to++;
            }
            ordered.addAll(untie(events.subList(from, to), admitted));
            from = to;
        }
        for (Event e : ordered) {
            Ticket s = e.stay();
            String siteKey = s.site().toString();
            String agencyKey = s.site() + "/" + s.agency();
            if (!e.in()) {
                present.merge(siteKey, -1, Integer::sum);
                present.merge(agencyKey, -1, Integer::sum);
                assertThat(present.get(siteKey)).isNotNegative();
                assertThat(present.get(agencyKey)).isNotNegative();
                continue;
            }
            long at = e.micros();
            Round round = rounds.stream().filter(r -> r.fromMicros() <= at).reduce((a, b) -> b).orElseThrow();
            LocalDate day = s.in().atZone(zoneOf(s.site())).toLocalDate();
            String siteDay = siteKey + "@" + day;
            String agencyDay = agencyKey + "@" + day;
            assertThat(present.getOrDefault(siteKey, 0)).as("present at %s when admitting at %s", siteKey, at)
                    .isLessThan(round.max(p -> p.maxPresent(s.site()).orElseThrow().nominal()));
            assertThat(present.getOrDefault(agencyKey, 0)).as("present at %s when admitting", agencyKey)
                    .isLessThan(round.max(p -> p.maxPresent(s.site(), s.agency()).orElseThrow().nominal()));
            if (s.role() == Role.GUEST) {
                assertThat(today.getOrDefault(siteDay, 0)).as("admitted on %s", siteDay)
                        .isLessThan(round.max(p -> p.dailyQuota(s.site()).orElseThrow().nominal()));
                assertThat(today.getOrDefault(agencyDay, 0)).as("admitted on %s", agencyDay)
                        .isLessThan(round.max(p -> p.dailyQuota(s.site(), s.agency()).orElseThrow().nominal()));
                today.merge(siteDay, 1, Integer::sum);
                today.merge(agencyDay, 1, Integer::sum);
            }
            present.merge(siteKey, 1, Integer::sum);
            present.merge(agencyKey, 1, Integer::sum);
        }
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        executors.add(pool);
        return pool;
    }
}
