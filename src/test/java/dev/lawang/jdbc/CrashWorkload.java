package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.Decision;
import dev.lawang.Gate;
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
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitorRef;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The process {@link JdbcCrashTest} kills: a gate on PostgreSQL ({@link JdbcLedger#of}, which keeps the visit log)
 * with 8 threads checking visitors in at 4 sites, out again, and expiring short stays, until it is killed. Every
 * decision the gate returned is printed as one line, flushed, before the thread goes on: {@code A <ticket>} for a new
 * admission, {@code O <ticket>} for a check-out that closed a visit. A line is the acknowledgement the test holds
 * the database to.
 */
public final class CrashWorkload {
    static final int THREADS = 8;
    static final int VISITORS = 400;
    static final List<SiteId> SITES = List.of(SiteId.of("setda-complex"), SiteId.of("dukcapil-office"),
            SiteId.of("puskesmas-sragen"), SiteId.of("rsud-sragen"));
    static final AgencyId AGENCY = AgencyId.of("front-desk");
    static final int SITE_LIMIT = 12;
    static final int AGENCY_LIMIT = 10;
    static final int QUOTA = 100_000;
    static final byte[] SECRET = "the crash test's pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    private CrashWorkload() {
    }

    static CapacityPolicy policy() {
        CapacityPolicy.Builder b = CapacityPolicy.builder().defaultStay(Duration.ofSeconds(2));
        for (SiteId site : SITES) {
            b.maxPresent(site, SITE_LIMIT).maxPresent(site, AGENCY, AGENCY_LIMIT).dailyQuota(site, QUOTA);
        }
        return b.build();
    }

    static Directory directory() {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < SITES.size(); i++) {
            sites.add(Site.builder(SITES.get(i)).name("Office " + i)
                    .geofence(Geofence.circle(GeoPoint.of(-7.43 + 0.01 * i, 111.02), 60)).tenants(AGENCY).build());
        }
        return Directory.builder().agencies(Agency.of(AGENCY, "Front desk")).sites(sites).build();
    }

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise("visitor" + n, SECRET);
    }

    /**
     * Runs until killed.
     *
     * @param args the JDBC URL of the database, and a seed
     */
    public static void main(String[] args) throws InterruptedException {
        HikariDataSource pool = TestDatabase.poolAt(args[0], THREADS + 2, 10_000);
        long seed = Long.parseLong(args[1]);
        Gate gate = Gate.builder().directory(directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(JdbcLedger.of(pool, policy())).clock(Clock.systemUTC()).build();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + t);
            int thread = t;
            threads.add(new Thread(() -> work(gate, random, thread, out), "crash-worker-" + t));
        }
        threads.forEach(Thread::start);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void work(Gate gate, SplittableRandom random, int thread, PrintStream out) {
        List<TicketId> mine = new ArrayList<>();
        while (true) {
            int op = random.nextInt(100);
            if (op < 55) {
                VisitorRef visitor = visitor(thread * (VISITORS / THREADS) + random.nextInt(VISITORS / THREADS));
                SiteId site = SITES.get(random.nextInt(SITES.size()));
                Decision d = gate.walkIn(new WalkIn(site, AGENCY, visitor,
                        random.nextInt(5) == 0 ? Role.STAFF : Role.GUEST, Screening.of(36.5, true, true)));
                if (d instanceof Decision.Admitted a && !a.repeat()) {
                    mine.add(a.ticket().id());
                    acknowledge(out, "A " + a.ticket().id());
                }
            } else if (op < 95 && !mine.isEmpty()) {
                TicketId ticket = mine.remove(random.nextInt(mine.size()));
                Optional<Visit> closed = gate.checkOut(ticket);
                if (closed.isPresent()) {
                    acknowledge(out, "O " + ticket);
                }
            } else if (thread == 0) {
                gate.expireStays();
            }
        }
    }

    private static void acknowledge(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
