package dev.lawang;

import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.BAPPEDA;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Occupancy;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads check many visitors in and out of a few small sites at once, with walk-ins, expiries and a moving
 * clock; the ledger's counts and the visit log must agree at every step that can be observed and at the end.
 */
class GateConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 2_500;
    private static final int VISITORS = 60;
    private static final Map<SiteId, Integer> SITE_LIMITS = Map.of(SETDA, 12, KEJARI_OFFICE, 3);
    private static final int BAPPEDA_LIMIT = 4;
    private static final int DUKCAPIL_QUOTA = 80;

    @Test
    void manyThreadsAndVisitors_keepEveryLedgerInvariant() throws Exception {
        GateFixture world = new GateFixture();
        CapacityPolicy policy = CapacityPolicy.builder()
                .maxPresent(SETDA, SITE_LIMITS.get(SETDA))
                .maxPresent(SETDA, BAPPEDA, BAPPEDA_LIMIT)
                .maxPresent(KEJARI_OFFICE, SITE_LIMITS.get(KEJARI_OFFICE))
                .dailyQuota(DUKCAPIL_OFFICE, DUKCAPIL, DUKCAPIL_QUOTA, Role.GUEST)
                .defaultStay(Duration.ofMinutes(45))
                .build();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Gate gate = world.gate().policy(policy).listener(event -> {
            if (event instanceof GateEvent.Admitted a && !a.repeat()) {
                opened.incrementAndGet();
            } else if (event instanceof GateEvent.CheckedOut || event instanceof GateEvent.Expired) {
                closed.incrementAndGet();
            }
        }).build();
        Map<Integer, TicketId> lastTicket = new ConcurrentHashMap<>();
        List<AgencyId> setdaAgencies = List.of(DISKOMINFO, BAPPEDA, BAGIAN_UMUM);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                long seed = 1234 + t;
                boolean timekeeper = t == 0;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    start.await();
                    for (int i = 0; i < OPERATIONS; i++) {
                        int who = random.nextInt(VISITORS);
                        int dice = random.nextInt(100);
                        Decision decision = null;
                        if (dice < 40) {
                            AgencyId agency = setdaAgencies.get(random.nextInt(setdaAgencies.size()));
                            decision = gate.checkIn(new CheckIn(world.setdaText, visitor(who), agency,
                                    random.nextInt(5) == 0 ? Role.STAFF : Role.GUEST, Fix.of(IN_SETDA, 8), null));
                        } else if (dice < 55) {
                            decision = gate.checkIn(new CheckIn(world.kejariText, visitor(who), KEJARI, Role.GUEST,
                                    Fix.of(IN_KEJARI_OFFICE, 8), null));
                        } else if (dice < 70) {
                            decision = gate.walkIn(GateFixture.walkIn(who, Role.GUEST));
                        } else if (dice < 92) {
                            TicketId ticket = lastTicket.get(who);
                            if (ticket != null) {
                                gate.checkOut(ticket);
                            }
                        } else if (dice < 96) {
                            gate.expireStays();
                        } else if (timekeeper) {
                            world.clock.advance(Duration.ofMinutes(1));
                        }
                        if (decision instanceof Decision.Admitted a) {
                            lastTicket.put(who, a.ticket().id());
                        }
                        assertWithinLimits(gate);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<SiteId, Integer> openAtSite = new HashMap<>();
        Map<String, Integer> openAtAgency = new HashMap<>();
        int visits = 0;
        int closedVisits = 0;
        for (int who = 0; who < VISITORS; who++) {
            List<Visit> mine = gate.visitLog().visitsOf(visitor(who));
            assertThat(mine.stream().filter(Visit::isOpen).count()).isLessThanOrEqualTo(1);
            for (Visit v : mine) {
                visits++;
                if (v.isOpen()) {
                    openAtSite.merge(v.site(), 1, Integer::sum);
                    openAtAgency.merge(v.site() + "/" + v.agency(), 1, Integer::sum);
                } else {
                    closedVisits++;
                    assertThat(v.out().orElseThrow()).isAfterOrEqualTo(v.in());
                }
            }
        }
        for (SiteId site : List.of(SETDA, KEJARI_OFFICE, DUKCAPIL_OFFICE)) {
            assertThat(gate.occupancy(site).present()).as("present at %s", site)
                    .isEqualTo(openAtSite.getOrDefault(site, 0));
        }
        for (AgencyId agency : setdaAgencies) {
            assertThat(gate.occupancy(SETDA, agency).present()).as("present for %s", agency)
                    .isEqualTo(openAtAgency.getOrDefault(SETDA + "/" + agency, 0));
        }
        assertThat(visits).isEqualTo(opened.get());
        assertThat(closedVisits).isEqualTo(closed.get());
        assertThat(visits).as("enough admissions to mean something").isGreaterThan(1_000);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE, DUKCAPIL).admittedToday()).isEqualTo(DUKCAPIL_QUOTA);
    }

    private static void assertWithinLimits(Gate gate) {
        for (Map.Entry<SiteId, Integer> limit : SITE_LIMITS.entrySet()) {
            Occupancy o = gate.occupancy(limit.getKey());
            assertThat(o.present()).isBetween(0, limit.getValue());
        }
        assertThat(gate.occupancy(SETDA, BAPPEDA).present()).isBetween(0, BAPPEDA_LIMIT);
        assertThat(gate.occupancy(DUKCAPIL_OFFICE, DUKCAPIL).admittedToday()).isBetween(0L, (long) DUKCAPIL_QUOTA);
    }
}
