package dev.lawang.micrometer;

import static dev.lawang.micrometer.MetricsWorld.DISKOMINFO;
import static dev.lawang.micrometer.MetricsWorld.DUKCAPIL_OFFICE;
import static dev.lawang.micrometer.MetricsWorld.NOWHERE;
import static dev.lawang.micrometer.MetricsWorld.SETDA;
import static dev.lawang.micrometer.MetricsWorld.SETDA_CENTRE;
import static dev.lawang.micrometer.MetricsWorld.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lawang.Gate;
import dev.lawang.code.Verifier;
import dev.lawang.directory.SiteId;
import dev.lawang.jdbc.JdbcLedger;
import dev.lawang.jdbc.JdbcVisitLog;
import dev.lawang.visit.Ticket;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LawangMetricsMisuseTest {
    private final MetricsWorld world = new MetricsWorld();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LawangMetrics metrics = LawangMetrics.of(registry);
    private final Gate gate = world.gate().policy(MetricsWorld.policy()).listener(metrics).build();

    private final Logger micrometerLog = (Logger) LoggerFactory.getLogger("dev.lawang.micrometer");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void listen() {
        appender.start();
        micrometerLog.addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        micrometerLog.detachAppender(appender);
    }

    @Test
    void nulls_areRefusedByName() {
        assertThatThrownBy(() -> LawangMetrics.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("registry");
        assertThatThrownBy(() -> metrics.onEvent(null)).isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> metrics.bind((Verifier) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("verifier");
        assertThatThrownBy(() -> metrics.bind((JdbcLedger) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ledger");
        assertThatThrownBy(() -> metrics.bind((JdbcVisitLog) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("visitLog");
        assertThatThrownBy(() -> metrics.bindOccupancy(null, SETDA)).isInstanceOf(NullPointerException.class)
                .hasMessage("gate");
        assertThatThrownBy(() -> metrics.bindOccupancy(gate, (SiteId[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("sites");
        assertThatThrownBy(() -> metrics.bindOccupancy(gate, SETDA, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("site");
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void bindOccupancy_refusesNoSitesAndASiteTwice() {
        assertThatThrownBy(() -> metrics.bindOccupancy(gate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name at least one site whose occupancy to publish");
        assertThatThrownBy(() -> metrics.bindOccupancy(gate, SETDA, DUKCAPIL_OFFICE, SETDA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("site named twice: setda-complex");
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void bindOccupancy_refusesASiteTheGateDoesNotKnow_andBindsNoneOfTheOthers() {
        assertThatThrownBy(() -> metrics.bindOccupancy(gate, SETDA, NOWHERE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown site: not-in-directory");

        assertThat(registry.getMeters()).isEmpty();
        metrics.bindOccupancy(gate, SETDA);
        assertThat(registry.getMeters()).hasSize(4);
    }

    @Test
    void bindOccupancy_ofABoundSite_isRefusedAndTheFirstGateStaysBound() {
        metrics.bindOccupancy(gate, SETDA);
        Gate other = world.gate().policy(MetricsWorld.policy()).build();
        other.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE));

        assertThatThrownBy(() -> metrics.bindOccupancy(gate, SETDA)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the occupancy of site setda-complex is already bound in this registry");
        assertThatThrownBy(() -> LawangMetrics.of(registry).bindOccupancy(other, DUKCAPIL_OFFICE, SETDA))
                .isInstanceOf(IllegalStateException.class);

        assertThat(registry.getMeters()).hasSize(4);
        assertThat(registry.get("lawang.site.present").gauge().value()).as("the first gate's site is empty")
                .isZero();
    }

    @Test
    void aSecondVerifier_isRefusedAndTheFirstStaysBound() {
        metrics.bind(world.verifier);
        Verifier other = Verifier.of(dev.lawang.code.TrustList.builder().trust(world.stranger.publicKey()).build());
        other.check(world.forgedText, MetricsWorld.START);
        other.check(world.forgedText, MetricsWorld.START);
        assertThat(other.cacheHits()).isEqualTo(1);

        assertThatThrownBy(() -> metrics.bind(other)).isInstanceOf(IllegalStateException.class)
                .hasMessage("lawang.verifier.cache.gets result=hit is already bound in this registry");
        assertThatThrownBy(() -> metrics.bind(world.verifier)).isInstanceOf(IllegalStateException.class);

        assertThat(MeterList.of(registry)).containsExactly(
                "function-counter lawang.verifier.cache.gets{result=hit} 0",
                "function-counter lawang.verifier.cache.gets{result=miss} 0");
    }

    @Test
    void twoListenersOnOneRegistry_addUpInTheSameCounters() {
        LawangMetrics again = LawangMetrics.of(registry);
        Gate second = world.gate().listener(again).build();

        gate.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE));
        second.checkIn(world.scan(2, DISKOMINFO, SETDA_CENTRE));

        assertThat(registry.get("lawang.decisions").counter().count()).isEqualTo(2);
        assertThat(registry.get("lawang.decision.duration").timer().count()).isEqualTo(2);
    }

    @Test
    void aMeterTheRegistryRefuses_isLoggedOnceAndTheGateCarriesOn() {
        AtomicInteger read = new AtomicInteger();
        Gauge.builder("lawang.departures", read, AtomicInteger::get).tag("cause", "check-out").register(registry);
        Ticket first = ticket(gate.checkIn(world.scan(1, DISKOMINFO, SETDA_CENTRE)));
        Ticket second = ticket(gate.checkIn(world.scan(2, DISKOMINFO, SETDA_CENTRE)));

        assertThat(gate.checkOut(first.id())).isPresent();
        assertThat(gate.checkOut(second.id())).isPresent();

        assertThat(appender.list).hasSize(1);
        ILoggingEvent warning = appender.list.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARN);
        assertThat(warning.getFormattedMessage())
                .isEqualTo("the meter registry refused the meter lawang.departures; these events go uncounted");
        assertThat(warning.getThrowableProxy()).isNotNull();
        assertThat(MeterList.of(registry)).contains(
                "counter lawang.decisions{kind=check-in,outcome=admitted,reason=none} 2",
                "gauge lawang.departures{cause=check-out} 0");
    }
}
