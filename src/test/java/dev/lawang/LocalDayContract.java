package dev.lawang;

import static dev.lawang.testing.ThreeZones.DUKCAPIL;
import static dev.lawang.testing.ThreeZones.guest;
import static dev.lawang.testing.ThreeZones.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.TestClock;
import dev.lawang.testing.ThreeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A site's daily quota counts the site's own local day, in the zone the directory gives it, whichever ledger the
 * gate counts with. Each subclass builds the gate with another ledger; all must give the same answers at offices in
 * WIB, WITA and WIT, around each office's local midnight.
 */
public abstract class LocalDayContract {
    static final java.util.List<SiteId> SITES = ThreeZones.SITES;
    private static final LocalDate DAY = LocalDate.of(2021, 12, 15);

    /** For subclasses. */
    protected LocalDayContract() {
    }

    /**
     * Builds the gate under test.
     *
     * @param policy the capacity policy
     * @param clock the clock of the gate and of any ledger built for it
     * @return the gate
     */
    protected abstract Gate gate(CapacityPolicy policy, Clock clock);

    @ParameterizedTest
    @FieldSource("SITES")
    void occupancy_readsTheSitesLocalDay(SiteId site) {
        TestClock clock = TestClock.at(local(site, DAY, LocalTime.of(23, 40)));
        Gate gate = gate(ThreeZones.oneGuestADay(), clock);
        assertThat(gate.walkIn(guest(site, 1)).isAdmitted()).isTrue();
        assertThat(gate.occupancy(site, DUKCAPIL).admittedToday()).isEqualTo(1);

        clock.set(local(site, DAY.plusDays(1), LocalTime.of(0, 0)));

        assertThat(gate.occupancy(site, DUKCAPIL).admittedToday()).isZero();
        assertThat(gate.occupancy(site).present()).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("SITES")
    void dailyQuota_startsAfreshAtTheSitesLocalMidnightNotJakartas(SiteId site) {
        TestClock clock = TestClock.at(local(site, DAY, LocalTime.of(23, 40)));
        Gate gate = gate(ThreeZones.oneGuestADay(), clock);
        Decision first = gate.walkIn(guest(site, 1));
        assertThat(first.isAdmitted()).isTrue();
        gate.checkOut(((Decision.Admitted) first).ticket().id());

        clock.set(local(site, DAY, LocalTime.of(23, 59, 59)));
        assertThat(gate.walkIn(guest(site, 2))).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED));

        clock.set(local(site, DAY.plusDays(1), LocalTime.of(0, 30)));
        assertThat(gate.walkIn(guest(site, 2)).isAdmitted()).isTrue();
        assertThat(gate.occupancy(site, DUKCAPIL).admittedToday()).isEqualTo(1);
        assertThat(gate.walkIn(guest(site, 3))).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED));
    }
}
