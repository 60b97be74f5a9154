package dev.lawang.visit;

import static dev.lawang.visit.VisitTest.DUKCAPIL;
import static dev.lawang.visit.VisitTest.NINE;
import static dev.lawang.visit.VisitTest.SETDA;
import static dev.lawang.visit.VisitTest.visit;
import static dev.lawang.visit.VisitTest.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VisitLog} must show. An implementation's test extends this class and supplies an empty
 * log; {@link InMemoryVisitLogTest} is the first, the PostgreSQL log extends it too.
 */
public abstract class VisitLogContract {
    private VisitLog log;

    /** For implementations' test classes. */
    protected VisitLogContract() {
        log = new InMemoryVisitLog();
    }

    /**
     * Returns a new, empty log.
     *
     * @return the log under test
     */
    protected abstract VisitLog newLog();

    @BeforeEach
    void createLog() {
        log = newLog();
    }

    private static Instant at(int minute) {
        return NINE.plusSeconds(60L * minute);
    }

    @Test
    void append_recordsAnOpenVisitThatCanBeFound() {
        Visit v = visit(1, 1, SETDA, 0);
        log.append(v);
        assertThat(log.find(v.ticket())).contains(v);
        assertThat(log.openVisitOf(v.visitor())).contains(v);
        assertThat(log.visitsOf(v.visitor())).containsExactly(v);
    }

    @Test
    void everyEntryChannel_isReadBackOnTheVisitOpenAndClosed() {
        int n = 0;
        for (EntryChannel channel : EntryChannel.values()) {
            n++;
            Visit v = Visit.open(TicketId.of(7, n), visitor(100 + n), SETDA, VisitTest.DISKOMINFO, Role.GUEST, channel,
                    at(n));
            log.append(v);
            assertThat(log.find(v.ticket()).orElseThrow().channel()).isEqualTo(channel);
            assertThat(log.openVisitOf(v.visitor()).orElseThrow().channel()).isEqualTo(channel);
            Visit closed = log.close(v.ticket(), at(n + 30)).orElseThrow();
            assertThat(closed.channel()).isEqualTo(channel);
            assertThat(log.visitsOf(v.visitor())).singleElement()
                    .satisfies(read -> assertThat(read.channel()).isEqualTo(channel));
        }
        assertThat(log.visitsOf(visitor(101)).get(0).channel()).isEqualTo(EntryChannel.PRINTED_CODE);
        assertThat(log.visitsOf(visitor(104)).get(0).channel()).isEqualTo(EntryChannel.WALK_IN);
    }

    @Test
    void openVisits_listsTheOpenVisitsBegunBeforeAnInstant() {
        Visit early = visit(1, 1, SETDA, 0);
        Visit closed = visit(2, 2, SETDA, 1);
        Visit late = visit(3, 3, DUKCAPIL, 10);
        log.append(early);
        log.append(closed);
        log.append(late);
        log.close(closed.ticket(), at(2));

        assertThat(log.openVisits(at(5))).containsExactly(early);
        assertThat(log.openVisits(at(0))).isEmpty();
        assertThat(log.openVisits(at(11))).containsExactlyInAnyOrder(early, late);
        assertThatThrownBy(() -> log.openVisits(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void append_rejectsASecondOpenVisitOfTheSameVisitorAndRecordsNothing() {
        log.append(visit(1, 1, SETDA, 0));
        Visit second = visit(2, 1, DUKCAPIL, 5);
        assertThatThrownBy(() -> log.append(second)).isInstanceOf(IllegalStateException.class);
        assertThat(log.find(second.ticket())).isEmpty();
        assertThat(log.visitsOf(visitor(1))).containsExactly(visit(1, 1, SETDA, 0));
    }

    @Test
    void append_rejectsATicketAlreadyRecordedAndRecordsNothing() {
        log.append(visit(1, 1, SETDA, 0));
        assertThatThrownBy(() -> log.append(visit(1, 2, SETDA, 5))).isInstanceOf(IllegalStateException.class);
        assertThat(log.openVisitOf(visitor(2))).isEmpty();
        assertThat(log.find(TicketId.of(0, 1))).contains(visit(1, 1, SETDA, 0));
    }

    @Test
    void append_rejectsAClosedVisit() {
        assertThatThrownBy(() -> log.append(visit(1, 1, SETDA, 0, 10))).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.find(TicketId.of(0, 1))).isEmpty();
    }

    @Test
    void close_endsTheVisitOnceAndFreesTheVisitor() {
        log.append(visit(1, 1, SETDA, 0));
        assertThat(log.close(TicketId.of(0, 1), at(10))).contains(visit(1, 1, SETDA, 0, 10));
        assertThat(log.close(TicketId.of(0, 1), at(20))).isEmpty();
        assertThat(log.find(TicketId.of(0, 1))).contains(visit(1, 1, SETDA, 0, 10));
        assertThat(log.openVisitOf(visitor(1))).isEmpty();
        log.append(visit(2, 1, DUKCAPIL, 15));
        assertThat(log.openVisitOf(visitor(1))).contains(visit(2, 1, DUKCAPIL, 15));
    }

    @Test
    void close_ofAnUnknownTicketChangesNothing() {
        log.append(visit(1, 1, SETDA, 0));
        assertThat(log.close(TicketId.of(0, 99), at(10))).isEmpty();
        assertThat(log.openVisitOf(visitor(1))).contains(visit(1, 1, SETDA, 0));
    }

    @Test
    void close_beforeTheVisitBeganIsRejectedAndChangesNothing() {
        log.append(visit(1, 1, SETDA, 10));
        assertThatThrownBy(() -> log.close(TicketId.of(0, 1), at(9))).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.openVisitOf(visitor(1))).contains(visit(1, 1, SETDA, 10));
    }

    @Test
    void visitsOf_listsAVisitorsVisitsEarliestFirst() {
        log.append(visit(3, 1, SETDA, 30));
        log.close(TicketId.of(0, 3), at(40));
        log.append(visit(1, 1, DUKCAPIL, 0));
        log.close(TicketId.of(0, 1), at(10));
        log.append(visit(2, 2, SETDA, 5));
        log.append(visit(4, 1, SETDA, 50));
        assertThat(log.visitsOf(visitor(1))).containsExactly(
                visit(1, 1, DUKCAPIL, 0, 10), visit(3, 1, SETDA, 30, 40), visit(4, 1, SETDA, 50));
        assertThat(log.visitsOf(visitor(3))).isEmpty();
    }

    @Test
    void overlapping_findsOtherVisitorsAtTheSameSiteEarliestFirst() {
        log.append(visit(1, 1, SETDA, 10));
        log.close(TicketId.of(0, 1), at(20));
        log.append(visit(2, 2, SETDA, 15));
        log.append(visit(3, 3, SETDA, 0));
        log.close(TicketId.of(0, 3), at(10));
        log.append(visit(4, 4, SETDA, 20));
        log.close(TicketId.of(0, 4), at(30));
        log.append(visit(5, 5, DUKCAPIL, 12));
        log.append(visit(6, 6, SETDA, 8));
        log.close(TicketId.of(0, 6), at(11));
        Visit reference = log.find(TicketId.of(0, 1)).orElseThrow();

        assertThat(log.overlapping(reference, Duration.ZERO))
                .containsExactly(visit(6, 6, SETDA, 8, 11), visit(2, 2, SETDA, 15));
        assertThat(log.overlapping(reference, Duration.ofMinutes(1))).containsExactly(
                visit(3, 3, SETDA, 0, 10), visit(6, 6, SETDA, 8, 11), visit(2, 2, SETDA, 15),
                visit(4, 4, SETDA, 20, 30));
    }

    @Test
    void overlapping_rejectsANegativeMargin() {
        Visit v = visit(1, 1, SETDA, 0);
        assertThatThrownBy(() -> log.overlapping(v, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purgeBefore_removesClosedVisitsThatEndedBeforeTheCutoffAndKeepsOpenOnes() {
        log.append(visit(1, 1, SETDA, 0));
        log.close(TicketId.of(0, 1), at(10));
        log.append(visit(2, 2, SETDA, 0));
        log.close(TicketId.of(0, 2), at(20));
        log.append(visit(3, 3, SETDA, 0));

        assertThat(log.purgeBefore(at(20))).isEqualTo(1);
        assertThat(log.find(TicketId.of(0, 1))).isEmpty();
        assertThat(log.find(TicketId.of(0, 2))).isPresent();
        assertThat(log.purgeBefore(at(10_000))).isEqualTo(1);
        assertThat(log.find(TicketId.of(0, 2))).isEmpty();
        assertThat(log.find(TicketId.of(0, 3))).contains(visit(3, 3, SETDA, 0));
        assertThat(log.openVisitOf(visitor(3))).isPresent();
        assertThat(log.purgeBefore(at(10_000))).isZero();
    }

    @Test
    void appendAndClose_fromManyThreadsKeepOneOpenVisitPerVisitor() throws Exception {
        int threads = 8;
        int visitors = 16;
        int rounds = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger appended = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        int who = (seed * 7 + i) % visitors;
                        Visit v = visit(tickets.incrementAndGet(), who, SETDA, i);
                        try {
                            log.append(v);
                            appended.incrementAndGet();
                        } catch (IllegalStateException alreadyOpen) {
                            log.openVisitOf(visitor(who)).flatMap(open -> log.close(open.ticket(), at(1_000)))
                                    .ifPresent(c -> closed.incrementAndGet());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int open = 0;
        int closedInLog = 0;
        for (int who = 0; who < visitors; who++) {
            List<Visit> visits = log.visitsOf(visitor(who));
            long openOfVisitor = visits.stream().filter(Visit::isOpen).count();
            assertThat(openOfVisitor).isLessThanOrEqualTo(1);
            assertThat(log.openVisitOf(visitor(who)).isPresent()).isEqualTo(openOfVisitor == 1);
            open += (int) openOfVisitor;
            closedInLog += visits.size() - (int) openOfVisitor;
        }
        assertThat(open + closedInLog).isEqualTo(appended.get());
        assertThat(closedInLog).isEqualTo(closed.get());
    }
}
