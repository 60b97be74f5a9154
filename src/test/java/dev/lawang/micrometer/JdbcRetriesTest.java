package dev.lawang.micrometer;

import static dev.lawang.micrometer.MetricsWorld.SETDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.Gate;
import dev.lawang.jdbc.DatabaseUnavailableException;
import dev.lawang.jdbc.JdbcLedger;
import dev.lawang.jdbc.JdbcVisitLog;
import dev.lawang.visit.TicketId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The retry counters and the occupancy gauges against real JDBC stores whose database is down: every call makes four
 * attempts (the first and three repeats) before it gives up.
 */
class JdbcRetriesTest {
    private final MetricsWorld world = new MetricsWorld();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LawangMetrics metrics = LawangMetrics.of(registry);
    private final UnreachableDatabase database = new UnreachableDatabase();

    @Test
    void retryCounters_countTheCallsEachStoreRepeated() {
        JdbcLedger ledger = JdbcLedger.countsOnly(database, MetricsWorld.policy());
        JdbcVisitLog log = JdbcVisitLog.of(database);
        metrics.bind(ledger).bind(log);
        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.jdbc.retries{store=ledger} 0",
                "function-counter lawang.jdbc.retries{store=visit-log} 0");

        assertThatThrownBy(() -> log.find(TicketId.random())).isInstanceOf(DatabaseUnavailableException.class);

        assertThat(database.attempts()).isEqualTo(4);
        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.jdbc.retries{store=ledger} 0",
                "function-counter lawang.jdbc.retries{store=visit-log} 3");
    }

    @Test
    void occupancyGauges_bindWhileTheDatabaseIsDown_andReadNaNUntilItIsBack() {
        JdbcLedger ledger = JdbcLedger.countsOnly(database, MetricsWorld.policy());
        JdbcVisitLog log = JdbcVisitLog.of(database);
        Gate gate = world.gate().ledger(ledger).visitLog(log).listener(metrics).build();
        metrics.bind(ledger).bind(log);

        metrics.bindOccupancy(gate, SETDA);

        assertThat(database.attempts()).as("the binding's one read").isEqualTo(4);
        assertThat(registry.get("lawang.site.present").tag("site", SETDA.value()).gauge().value()).isNaN();
        assertThat(database.attempts()).as("and the gauge's").isEqualTo(8);
        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.jdbc.retries{store=ledger} 6",
                "function-counter lawang.jdbc.retries{store=visit-log} 0",
                "gauge lawang.site.admitted.today{site=setda-complex} NaN",
                "gauge lawang.site.present.limit{site=setda-complex} NaN",
                "gauge lawang.site.present{site=setda-complex} NaN",
                "gauge lawang.site.quota.remaining{site=setda-complex} NaN");
    }

    @Test
    void aLedgerThatKeepsItsVisitLog_bindsTheLogsRetriesToo() {
        JdbcLedger ledger = JdbcLedger.of(database, MetricsWorld.policy());

        metrics.bind(ledger);

        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.jdbc.retries{store=ledger} 0",
                "function-counter lawang.jdbc.retries{store=visit-log} 0");
        JdbcVisitLog kept = (JdbcVisitLog) ledger.visitLog().orElseThrow();
        assertThatThrownBy(() -> kept.find(TicketId.random())).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(registry.get("lawang.jdbc.retries").tag("store", "visit-log").functionCounter().count())
                .isEqualTo(3);
        assertThatThrownBy(() -> metrics.bind(kept)).isInstanceOf(IllegalStateException.class)
                .hasMessage("lawang.jdbc.retries store=visit-log is already bound in this registry");
    }

    @Test
    void aSecondLedger_isRefusedAndTheFirstStaysBound() {
        JdbcLedger first = JdbcLedger.countsOnly(database, MetricsWorld.policy());
        JdbcLedger second = JdbcLedger.countsOnly(new UnreachableDatabase(), MetricsWorld.policy());
        metrics.bind(first);

        assertThatThrownBy(() -> metrics.bind(second)).isInstanceOf(IllegalStateException.class)
                .hasMessage("lawang.jdbc.retries store=ledger is already bound in this registry");
        assertThatThrownBy(() -> LawangMetrics.of(registry).bind(second)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.read(SETDA, java.time.ZoneId.of("Asia/Jakarta")))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(registry.get("lawang.jdbc.retries").functionCounter().count()).isEqualTo(3);
    }
}
