package dev.lawang.request;

import static dev.lawang.request.SmallRegency.completeRequest;
import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.code.Issuer;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Threads racing on one book must not break its invariants: no duplicate accepted, no step taken twice. */
class RequestBookConcurrencyTest {
    private static final Instant NOW = Instant.parse("2021-12-01T00:00:00Z");
    private static final int THREADS = 8;

    private final Directory directory = SmallRegency.directory();
    private final RequestBook book = RequestBook.create(TestClock.at(NOW));

    @Test
    void racingDuplicateSubmissions_acceptExactlyOnePerAgency() throws Exception {
        List<AgencyId> agencies = List.of(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        race(i -> {
            try {
                book.submit(completeRequest().covering(agencies.get(i % 3)).build(), directory, "office-" + i);
                accepted.incrementAndGet();
            } catch (InvalidRequestException e) {
                assertThat(e.problems()).extracting(Problem::key).containsExactly("covering.duplicate");
                refused.incrementAndGet();
            }
        }, 25);

        assertThat(accepted).hasValue(3);
        assertThat(refused).hasValue(THREADS * 25 - 3);
        assertThat(book.entries()).extracting(e -> e.id().number()).containsExactly(1L, 2L, 3L);
        assertThat(book.entries()).flatExtracting(e -> e.request().covered())
                .containsExactlyInAnyOrderElementsOf(agencies);
    }

    @Test
    void racingIssues_issueEachApprovedRequestOnce() throws Exception {
        RequestEntry e = book.submit(completeRequest().build(), directory, "office");
        book.approve(e.id(), "reviewer");
        Issuer issuer = Issuer.generate();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        race(i -> {
            try {
                book.issue(e.id(), issuer, NOW, NOW.plusSeconds(86_400), "issuer-" + i);
                issued.incrementAndGet();
            } catch (IllegalStateException expected) {
                refused.incrementAndGet();
            }
        }, 1);

        assertThat(issued).hasValue(1);
        assertThat(refused).hasValue(THREADS - 1);
        assertThat(book.issuedCodes()).hasSize(1);
        assertThat(book.entry(e.id()).orElseThrow().history()).hasSize(3);
    }

    private interface Attempt {
        void run(int i);
    }

    private static void race(Attempt attempt, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < perThread; k++) {
                        attempt.run(thread * perThread + k);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
