package dev.lawang;

import static dev.lawang.testing.Sragen.BAPPEDA;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.FAR_AWAY;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.nik;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.geo.Fix;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Runs a whole day through a gate with every log level on and looks for personal data and code text in the logs. */
class GateLogPrivacyTest {
    private final Logger lawang = (Logger) LoggerFactory.getLogger("dev.lawang");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = lawang.getLevel();
        lawang.setLevel(Level.TRACE);
        appender.start();
        lawang.addAppender(appender);
    }

    @AfterEach
    void release() {
        lawang.detachAppender(appender);
        lawang.setLevel(previous);
    }

    @Test
    void aFullDay_logsNoNationalIdPseudonymOrCodeText() {
        GateFixture world = new GateFixture();
        Gate gate = world.gate()
                .policy(CapacityPolicy.builder().maxPresent(SETDA, 3)
                        .dailyQuota(DUKCAPIL_OFFICE, DUKCAPIL, 2, Role.GUEST).defaultStay(Duration.ofHours(1)).build())
                .healthRule(HealthRule.refuse(HealthStatus.BLACK).allowMissing())
                .listener(event -> {
                    throw new IllegalStateException("this listener always fails");
                })
                .build();
        String forged = world.stranger.sign(world.setdaCode);

        Decision first = gate.checkIn(world.setdaGuest(1, DISKOMINFO));
        gate.checkIn(world.setdaGuest(1, DISKOMINFO));
        gate.checkIn(world.setdaGuest(2, DISKOMINFO));
        gate.checkIn(world.setdaGuest(3, BAPPEDA));
        gate.checkIn(world.setdaGuest(4, DISKOMINFO));
        gate.checkIn(new CheckIn(forged, visitor(5), DISKOMINFO, Role.GUEST, world.at(IN_SETDA), null));
        gate.checkIn(new CheckIn("garbage " + nik(5), visitor(5), DISKOMINFO, Role.GUEST, null, null));
        gate.checkIn(new CheckIn(world.setdaText, visitor(6), DISKOMINFO, Role.GUEST, world.at(FAR_AWAY), null));
        gate.checkIn(new CheckIn(world.setdaText, visitor(6), DISKOMINFO, Role.GUEST,
                Fix.of(IN_SETDA, 5).mocked(true), null));
        gate.checkIn(new CheckIn(world.setdaText, visitor(7), DISKOMINFO, Role.GUEST, world.at(IN_SETDA),
                HealthStatus.BLACK));
        gate.checkIn(world.kejariGuest(1));
        for (int v = 8; v < 12; v++) {
            gate.walkIn(GateFixture.walkIn(v, Role.GUEST));
        }
        gate.walkIn(new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(12), Role.GUEST, Screening.of(38.4, true, true)));
        gate.checkOut(((Decision.Admitted) first).ticket().id());
        world.clock.advance(Duration.ofHours(2));
        gate.expireStays();
        world.clock.advance(Duration.ofDays(15));
        gate.expireStays();

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                Arrays.stream(event.getArgumentArray()).forEach(a -> lines.add(String.valueOf(a)));
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    lines.add(frame.getSTEAsString());
                }
            }
        }
        assertThat(appender.list).as("the flow must produce log output for this test to mean anything")
                .hasSizeGreaterThan(20)
                .anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));

        List<String> secrets = new ArrayList<>();
        for (int v = 0; v <= 12; v++) {
            secrets.add(nik(v));
            VisitorRef ref = visitor(v);
            secrets.add(ref.toText());
            secrets.add(ref.toText().substring(0, 12));
        }
        for (String code : List.of(world.setdaText, world.kejariText, forged)) {
            secrets.add(code);
            secrets.add(code.substring(code.length() / 2, code.length() / 2 + 16));
        }
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
            assertThat(line).doesNotContain("38.4").doesNotContain(Double.toString(FAR_AWAY.latitude()));
        }
    }
}
