package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccupancyTest {
    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "0, 100, QUIET", "49, 100, QUIET", "50, 100, MODERATE", "75, 100, MODERATE", "76, 100, BUSY",
        "99, 100, BUSY", "100, 100, FULL", "101, 100, FULL",
        "1, 3, QUIET", "2, 3, MODERATE", "3, 4, MODERATE", "199, 200, BUSY", "151, 200, MODERATE", "152, 200, BUSY", "150, 200, MODERATE",
        "0, 1, QUIET", "1, 1, FULL", "0, 0, FULL", "5, 0, FULL",
        "999999999, 1000000000, BUSY", "499999999, 1000000000, QUIET"})
    void crowdLevel_fallsInTheBandsOfTheWholePercentageRoundedDown(int present, int limit, CrowdLevel expected) {
        assertThat(Occupancy.of(present, 0).withLimit(limit).crowdLevel()).isEqualTo(expected);
    }

    @Test
    void crowdLevel_withoutALimitIsQuiet() {
        assertThat(Occupancy.of(5_000, 10_000).crowdLevel()).isEqualTo(CrowdLevel.QUIET);
        assertThat(Occupancy.of(5, 10).limit()).isEmpty();
        assertThat(Occupancy.of(5, 10).dailyQuota()).isEmpty();
    }

    @Test
    void occupancy_carriesItsCounts() {
        Occupancy o = Occupancy.of(12, 48).withLimit(20).withDailyQuota(50);

        assertThat(o.present()).isEqualTo(12);
        assertThat(o.limit()).hasValue(20);
        assertThat(o.admittedToday()).isEqualTo(48);
        assertThat(o.dailyQuota()).hasValue(50);
        assertThat(o).hasToString("Occupancy[present=12 of 20, admittedToday=48 of 50]");
    }

    @Test
    void occupancy_rejectsNegativeCountsAndLimits() {
        assertThatThrownBy(() -> Occupancy.of(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Occupancy.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Occupancy.of(0, 0).withLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Occupancy.of(0, 0).withDailyQuota(Limit.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void admitRequest_keepsTheVisitorOutOfItsTextAndRejectsNulls() {
        TicketId id = TicketId.of(0, 1);
        VisitorRef visitor = VisitorRef.parse("3f9a0000000000000000000000000001");
        ZoneId wita = ZoneId.of("Asia/Makassar");
        AdmitRequest request = new AdmitRequest(id, visitor, SiteId.of("setda-complex"), wita,
                AgencyId.of("dispendukcapil"), Role.GUEST);

        assertThat(request.toString()).doesNotContain(visitor.toText()).contains(id.toString())
                .contains("Asia/Makassar");
        assertThatThrownBy(() -> new AdmitRequest(null, visitor, SiteId.of("s"), wita, AgencyId.of("a"), Role.GUEST))
                .isInstanceOf(NullPointerException.class).hasMessage("ticket");
        assertThatThrownBy(() -> new AdmitRequest(id, null, SiteId.of("s"), wita, AgencyId.of("a"), Role.GUEST))
                .isInstanceOf(NullPointerException.class).hasMessage("visitor");
        assertThatThrownBy(() -> new AdmitRequest(id, visitor, SiteId.of("s"), null, AgencyId.of("a"), Role.GUEST))
                .isInstanceOf(NullPointerException.class).hasMessage("zone");
    }

    @Test
    void withLimit_andWithDailyQuota_keepEachOtherAndTheCounts() {
        Occupancy o = Occupancy.of(3, 7).withDailyQuota(Limit.MAX).withLimit(0);

        assertThat(o.present()).isEqualTo(3);
        assertThat(o.admittedToday()).isEqualTo(7);
        assertThat(o.limit()).hasValue(0);
        assertThat(o.dailyQuota()).hasValue(Limit.MAX);
        assertThat(o.withLimit(4).dailyQuota()).hasValue(Limit.MAX);
        assertThat(o.withDailyQuota(5).limit()).hasValue(0);
        assertThat(Occupancy.of(0, Long.MAX_VALUE).admittedToday()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void equals_andHashCode_tellApartEveryCountAndLimit() {
        Occupancy o = Occupancy.of(12, 48).withLimit(20).withDailyQuota(50);
        List<Occupancy> others = List.of(Occupancy.of(13, 48).withLimit(20).withDailyQuota(50),
                Occupancy.of(12, 49).withLimit(20).withDailyQuota(50),
                Occupancy.of(12, 48).withLimit(21).withDailyQuota(50),
                Occupancy.of(12, 48).withLimit(20).withDailyQuota(51),
                Occupancy.of(12, 48).withLimit(20),
                Occupancy.of(12, 48).withDailyQuota(50),
                Occupancy.of(12, 48));

        assertThat(Occupancy.of(12, 48).withDailyQuota(50).withLimit(20)).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(o));
        assertThat(others).extracting(Occupancy::hashCode).doesNotContain(o.hashCode());
        assertThat(Occupancy.of(5, 0).withLimit(5)).isNotEqualTo(Occupancy.of(5, 0).withDailyQuota(5));
        assertThat(o).isNotEqualTo(null).isNotEqualTo(o.toString());
    }

    @Test
    void toString_showsOnlyTheLimitsThereAre() {
        assertThat(Occupancy.of(5, 10)).hasToString("Occupancy[present=5, admittedToday=10]");
        assertThat(Occupancy.of(5, 10).withLimit(8)).hasToString("Occupancy[present=5 of 8, admittedToday=10]");
        assertThat(Occupancy.of(5, 10).withDailyQuota(20)).hasToString("Occupancy[present=5, admittedToday=10 of 20]");
    }
}
