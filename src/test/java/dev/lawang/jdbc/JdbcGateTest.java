package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.GateEvent;
import dev.lawang.RefusalReason;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each a {@link Gate} with its own connection pool, {@link JdbcLedger} and
 * {@link JdbcVisitLog}, share one database and one hot site with a small limit and a daily quota. The ledger keeps
 * the database clock, as in production.
 */
class JdbcGateTest {
    static final SiteId HOT = SiteId.of("dispendukcapil-office");
    static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    static final AgencyId KEJARI = AgencyId.of("kejari");
    static final int LIMIT = 5;
    static final int AGENCY_LIMIT = 4;
    static final int QUOTA = 120;
    static final byte[] SECRET = "a test secret of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8);

    static Directory directory() {
        Site site = Site.builder(HOT).name("Dinas Kependudukan dan Pencatatan Sipil")
                .geofence(Geofence.circle(GeoPoint.of(-7.4300, 111.0250), 60)).tenants(DUKCAPIL, KEJARI).build();
        return Directory.builder().agencies(Agency.of(DUKCAPIL, "Dispendukcapil"), Agency.of(KEJARI, "Kejari"))
                .sites(site).build();
    }

    static CapacityPolicy policy() {
        return CapacityPolicy.builder().maxPresent(HOT, LIMIT).maxPresent(HOT, DUKCAPIL, AGENCY_LIMIT)
                .dailyQuota(HOT, QUOTA).build();
    }

    static Gate gate(HikariDataSource pool) {
        return Gate.builder().directory(directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(JdbcLedger.of(pool, policy())).visitLog(JdbcVisitLog.of(pool)).clock(Clock.systemUTC())
                .build();
    }

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise(String.format(Locale.ROOT, "331401%010d", n), SECRET);
    }

    @Test
    void aWalkIn_isStoredAsComingThroughTheDesk_withTheLedgersVisitLogAndWithAnother() throws SQLException {
        for (boolean together : new boolean[] {true, false}) {
            DataSource database = TestDatabase.fresh();
            List<GateEvent> events = new ArrayList<>();
            Gate.Builder builder = Gate.builder().directory(directory())
                    .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                    .clock(Clock.systemUTC()).listener(events::add);
            Gate gate = together ? builder.ledger(JdbcLedger.of(database, policy())).build()
                    : builder.ledger(JdbcLedger.countsOnly(database, policy())).visitLog(JdbcVisitLog.of(database))
                            .build();

            Decision d = gate.walkIn(new WalkIn(HOT, DUKCAPIL, visitor(1), Role.GUEST, Screening.of(36.6, true, true)));

            assertThat(d).isInstanceOf(Decision.Admitted.class);
            TicketId ticket = ((Decision.Admitted) d).ticket().id();
            assertThat(((Decision.Admitted) d).ticket().channel()).isEqualTo(EntryChannel.WALK_IN);
            try (Connection c = database.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT (SELECT channel FROM lawang_stay),"
                            + " (SELECT channel FROM lawang_visit)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("stay, together=%s", together).isEqualTo("WALK_IN");
                assertThat(rs.getString(2)).as("visit, together=%s", together).isEqualTo("WALK_IN");
            }
            assertThat(gate.checkOut(ticket).orElseThrow().channel()).isEqualTo(EntryChannel.WALK_IN);
            assertThat(events).filteredOn(e -> e instanceof GateEvent.CheckedOut)
                    .extracting(e -> ((GateEvent.CheckedOut) e).visit().channel())
                    .containsExactly(EntryChannel.WALK_IN);
        }
    }

    @Test
    void aGateOnALedgerThatKeepsVisitsUsesItsLogAndRefusesAnother() {
        DataSource database = TestDatabase.fresh();
        JdbcLedger ledger = JdbcLedger.of(database, policy());
        Gate.Builder builder = Gate.builder().directory(directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(ledger);

        assertThat(builder.visitLog(JdbcVisitLog.of(database)).build().visitLog().find(TicketId.random())).isEmpty();
        assertThatThrownBy(() -> builder.visitLog(VisitLog.inMemory()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keeps its own visit log");
        assertThatThrownBy(() -> builder.visitLog(JdbcVisitLog.of(TestDatabase.fresh())).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(JdbcLedger.countsOnly(database, policy()).visitLog()).isEmpty();
        assertThat(ledger.visitLog()).contains(JdbcVisitLog.of(database));
    }

    @Test
    void twoGatesOnOneDatabase_neverExceedTheLimitOrQuota_andStoppingOneLosesNothing() throws Exception {
        String database = TestDatabase.createDatabase(TestDatabase.server());
        HikariDataSource poolA = TestDatabase.pool(database, 6);
        HikariDataSource poolB = TestDatabase.pool(database, 6);
        Gate a = gate(poolA);
        Gate b = gate(poolB);
        int threads = 16;
        int stepsPerThread = 60;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        AtomicBoolean stopB = new AtomicBoolean();
        AtomicInteger admitted = new AtomicInteger();
        Map<RefusalReason, AtomicInteger> refused = new ConcurrentHashMap<>();
        CountDownLatch halfway = new CountDownLatch(threads / 2);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Gate gate = thread % 2 == 0 ? a : b;
                work.add(executor.submit(() -> {
                    Random random = new Random(thread);
                    List<TicketId> mine = new ArrayList<>();
                    for (int step = 0; step < stepsPerThread; step++) {
                        if (gate == b && stopB.get()) {
                            return null;
                        }
                        if (step == stepsPerThread / 2 && gate == a) {
                            halfway.countDown();
                        }
                        if (!mine.isEmpty() && random.nextInt(3) == 0) {
                            gate.checkOut(mine.remove(random.nextInt(mine.size())));
                            continue;
                        }
                        // Each thread has visitors of its own: one person, one phone.
                        VisitorRef who = visitor(thread * 100 + random.nextInt(8));
                        Role role = random.nextInt(5) == 0 ? Role.STAFF : Role.GUEST;
                        AgencyId agency = random.nextBoolean() ? DUKCAPIL : KEJARI;
                        Decision d = gate.walkIn(new WalkIn(HOT, agency, who, role, Screening.of(36.6, true, true)));
                        if (d instanceof Decision.Admitted ok) {
                            if (!ok.repeat()) {
                                admitted.incrementAndGet();
                                mine.add(ok.ticket().id());
                            }
                        } else {
                            refused.computeIfAbsent(((Decision.Refused) d).reason(), r -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // Stop instance B halfway: its threads finish the operation in hand, then its pool closes.
            assertThat(halfway.await(120, TimeUnit.SECONDS)).isTrue();
            stopB.set(true);
            for (int t = 1; t < threads; t += 2) {
                work.get(t).get(120, TimeUnit.SECONDS);
            }
            poolB.close();
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(admitted.get()).isGreaterThan(LIMIT);
        assertThat(refused.keySet()).contains(RefusalReason.SITE_FULL);
        try (HikariDataSource check = TestDatabase.pool(database, 2)) {
            List<Visit> visits = allVisits(check);
            Set<TicketId> openInLog = new HashSet<>();
            for (Visit v : visits) {
                if (v.isOpen()) {
                    openInLog.add(v.ticket());
                }
            }
            assertThat(openStays(check)).as("open visits in the ledger and in the log").isEqualTo(openInLog);
            assertThat(visits).as("every admission is in the log").hasSize(admitted.get());
            assertThat(a.occupancy(HOT).present()).isEqualTo(openInLog.size()).isLessThanOrEqualTo(LIMIT);
            assertThat(a.occupancy(HOT).admittedToday()).isLessThanOrEqualTo(QUOTA);
            assertNeverOverTheLimit(visits);
        } finally {
            poolA.close();
        }
    }

    /** Replays the log in the order of the database clock: at every admission the site and agency had room. */
    static void assertNeverOverTheLimit(List<Visit> visits) {
        record Event(java.time.Instant at, int order, Visit visit, boolean in) {
        }
        List<Event> events = new ArrayList<>();
        for (Visit v : visits) {
            events.add(new Event(v.in(), 1, v, true));
            v.out().ifPresent(out -> events.add(new Event(out, 0, v, false)));
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        Map<String, Integer> present = new HashMap<>();
        Map<java.time.LocalDate, Integer> guests = new HashMap<>();
        for (Event e : events) {
            String agencyKey = e.visit().agency().value();
            if (!e.in()) {
                present.merge("site", -1, Integer::sum);
                present.merge(agencyKey, -1, Integer::sum);
                continue;
            }
            assertThat(present.getOrDefault("site", 0)).as("present at %s", e.at()).isLessThan(LIMIT);
            if (e.visit().agency().equals(DUKCAPIL)) {
                assertThat(present.getOrDefault(agencyKey, 0)).as("agency at %s", e.at()).isLessThan(AGENCY_LIMIT);
            }
            if (e.visit().role() == Role.GUEST) {
                java.time.LocalDate day = e.at().atZone(Site.DEFAULT_ZONE).toLocalDate();
                assertThat(guests.merge(day, 1, Integer::sum)).as("guests on %s", day).isLessThanOrEqualTo(QUOTA);
            }
            present.merge("site", 1, Integer::sum);
            present.merge(agencyKey, 1, Integer::sum);
        }
    }

    static List<Visit> allVisits(HikariDataSource pool) throws SQLException {
        JdbcVisitLog log = JdbcVisitLog.of(pool);
        List<Visit> visits = new ArrayList<>();
        for (String ref : strings(pool, "SELECT DISTINCT visitor_ref FROM lawang_visit")) {
            visits.addAll(log.visitsOf(VisitorRef.parse(ref)));
        }
        return visits;
    }

    static Set<TicketId> openStays(HikariDataSource pool) throws SQLException {
        Set<TicketId> ids = new HashSet<>();
        for (String id : strings(pool, "SELECT visit_id::text FROM lawang_stay")) {
            ids.add(TicketId.parse(id.replace("-", "")));
        }
        return ids;
    }

    static List<String> strings(HikariDataSource pool, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
