package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.code.Issuer;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.request.CodeRequest;
import dev.lawang.request.InvalidRequestException;
import dev.lawang.request.RequestBook;
import dev.lawang.request.RequestEntry;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestId;
import dev.lawang.testing.Sragen;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The request book on PostgreSQL while backends are killed in mid-transaction: steps fail with
 * {@link DatabaseUnavailableException} and the callers repeat them, as the documentation says. Afterwards every step
 * the book acknowledged is in the database, ids have no gaps, and the open cover table holds exactly what the open
 * requests ask for.
 */
class JdbcRequestStoreFaultTest {
    private static final Instant NOW = Instant.parse("2021-10-05T02:00:00Z");
    private static final int WORKERS = 4;

    @Test
    void backendsKilledMidTransaction_loseNoAcknowledgedStepAndLeaveNoGap() throws Exception {
        String database = TestDatabase.createDatabase(TestDatabase.server());
        Directory sragen = Sragen.directory();
        List<CodeRequest> requests = new ArrayList<>();
        for (Site site : sragen.sites()) {
            for (AgencyId agency : site.tenants()) {
                requests.add(CodeRequest.builder(agency, site.id()).covering(agency)
                        .position(site.geofence().interiorPoint()).staffUsers(10).expectedGuestsPerDay(20)
                        .photo(URI.create("https://files.example/" + agency.value() + ".jpg"))
                        .contact(agency.value() + "@example.go.id").build());
            }
        }
        Map<RequestId, RequestEntry> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger killed = new AtomicInteger();
        AtomicInteger repeated = new AtomicInteger();
        try (HikariDataSource pool = TestDatabase.pool(database, WORKERS);
                HikariDataSource admin = TestDatabase.pool("postgres", 2)) {
            RequestBook book = RequestBook.create(JdbcRequestStore.of(pool), Clock.fixed(NOW, ZoneOffset.UTC));
            Issuer issuer = Issuer.generate();
            ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 1);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    workers.add(threads.submit(() -> {
                        for (int i = worker; i < requests.size(); i += WORKERS) {
                            CodeRequest request = requests.get(i);
                            String actor = "worker-" + worker + "-" + i;
                            RequestEntry e = repeat(repeated, () -> submitOnce(book, request, sragen, actor));
                            acknowledged.put(e.id(), e);
                            RequestEntry approved = repeat(repeated, () -> stepOnce(book, e.id(), State.APPROVED,
                                    () -> book.approve(e.id(), actor)));
                            acknowledged.put(e.id(), approved);
                            RequestEntry last = i % 3 == 0
                                    ? repeat(repeated, () -> stepOnce(book, e.id(), State.REJECTED,
                                            () -> book.reject(e.id(), actor, "Photos missing.")))
                                    : repeat(repeated, () -> stepOnce(book, e.id(), State.ISSUED,
                                            () -> book.issue(e.id(), issuer, NOW, NOW.plusSeconds(86_400), actor)));
                            acknowledged.put(e.id(), last);
                        }
                        return null;
                    }));
                }
                Future<?> faults = threads.submit(() -> {
                    Random random = new Random(11);
                    // Bounded: 300 attempts, one every 5 to 25 ms, stopping after 40 kills or when the workers end.
                    for (int k = 0; k < 300 && killed.get() < 40 && !workers.stream().allMatch(Future::isDone); k++) {
                        Thread.sleep(5 + random.nextInt(20));
                        killed.addAndGet(JdbcFaultTest.terminateOneBackend(admin, database));
                    }
                    return null;
                });
                for (Future<?> f : workers) {
                    f.get(300, TimeUnit.SECONDS);
                }
                faults.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }

            List<RequestEntry> stored = book.entries();
            assertThat(killed.get()).as("backends killed").isPositive();
            assertThat(stored).hasSize(requests.size());
            assertThat(stored).extracting(e -> e.id().number())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, requests.size())
                            .boxed().toList());
            for (RequestEntry e : stored) {
                assertThat(acknowledged.get(e.id())).as("acknowledged %s", e.id()).isEqualTo(e);
                assertThat(e.state()).isIn(State.ISSUED, State.REJECTED);
            }
            assertThat(book.issuedCodes()).hasSize((int) stored.stream().filter(e -> e.state() == State.ISSUED)
                    .count());
            assertThat(JdbcRequestStore.of(pool).stepOrder()).hasSize(3 * requests.size());
            assertThat(openCovers(pool)).isZero();
            System.out.printf("%d backends killed, %d steps repeated, %d requests with every step acknowledged%n",
                    killed.get(), repeated.get(), stored.size());
        }
    }

    /** Submits once; after a failure whose fate is unknown, finds the request this actor may already have added. */
    private static RequestEntry submitOnce(RequestBook book, CodeRequest request, Directory sragen, String actor) {
        try {
            return book.submit(request, sragen, actor);
        } catch (InvalidRequestException duplicate) {
            return book.entries().stream().filter(e -> e.request().equals(request)
                    && e.history().get(0).actor().equals(actor)).findFirst().orElseThrow(() -> duplicate);
        }
    }

    /** Makes a step once; a refusal because the request already reached that state means an earlier try landed. */
    private static RequestEntry stepOnce(RequestBook book, RequestId id, State target, Supplier<RequestEntry> step) {
        try {
            return step.get();
        } catch (IllegalStateException refused) {
            Optional<RequestEntry> now = book.entry(id);
            if (now.isPresent() && now.get().state() == target) {
                return now.get();
            }
            throw refused;
        }
    }

    private static RequestEntry repeat(AtomicInteger repeated, Supplier<RequestEntry> attempt) {
        for (int i = 0; ; i++) {
            try {
                return attempt.get();
            } catch (DatabaseUnavailableException e) {
                if (i == 50) {
                    throw e;
                }
                repeated.incrementAndGet();
            }
        }
    }

    private static long openCovers(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM lawang_request_open_cover"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
