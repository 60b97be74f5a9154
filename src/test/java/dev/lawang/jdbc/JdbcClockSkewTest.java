package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.RefusalReason;
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
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database whose JVM clocks are ten minutes apart decide alike: days, quotas and
 * expiry go by the database's clock. The office's zone is chosen so that its local midnight falls a few seconds into
 * the test, by the database's clock; the instance whose JVM runs ahead believes that midnight has long passed.
 */
class JdbcClockSkewTest {
    private static final SiteId OFFICE = SiteId.of("dukcapil-office");
    private static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    private static final Duration SKEW = Duration.ofMinutes(10);
    private static final byte[] SECRET = "the skew test's pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    @Test
    void twoInstancesTenMinutesApart_countTheSameLocalDayAndExpireNothingEarly() throws Exception {
        try (HikariDataSource pool = TestDatabase.pool(TestDatabase.createDatabase(TestDatabase.server()), 8)) {
            Instant midnight = databaseNow(pool).plusSeconds(6);
            Directory directory = directory(offsetWithMidnightAt(midnight));
            CapacityPolicy policy = CapacityPolicy.builder().dailyQuota(OFFICE, DUKCAPIL, 1)
                    .defaultStay(Duration.ofHours(1)).build();
            Verifier verifier = Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build());
            Clock ahead = Clock.offset(Clock.systemUTC(), SKEW);
            Gate onTime = Gate.builder().directory(directory).verifier(verifier)
                    .ledger(JdbcLedger.of(pool, policy)).clock(Clock.systemUTC()).build();
            Gate fast = Gate.builder().directory(directory).verifier(verifier)
                    .ledger(JdbcLedger.onSkewedJvm(pool, policy, ahead)).clock(ahead).build();

            // Before the office's midnight: the day's one guest, then nobody, whichever instance asks.
            assertThat(fast.walkIn(guest(1)).isAdmitted()).isTrue();
            assertThat(reason(onTime.walkIn(guest(2)))).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
            assertThat(reason(fast.walkIn(guest(3)))).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
            assertThat(fast.occupancy(OFFICE, DUKCAPIL)).isEqualTo(onTime.occupancy(OFFICE, DUKCAPIL));
            assertThat(fast.expireStays()).as("stays due in an hour by the database's clock").isZero();
            assertThat(databaseNow(pool)).as("the test reached this point before midnight").isBefore(midnight);

            while (databaseNow(pool).isBefore(midnight.plusMillis(200))) {
                Thread.sleep(100);
            }

            // After it: a new day's one guest, then nobody.
            assertThat(onTime.walkIn(guest(2)).isAdmitted()).isTrue();
            assertThat(reason(fast.walkIn(guest(3)))).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
            assertThat(reason(onTime.walkIn(guest(4)))).isEqualTo(RefusalReason.DAILY_QUOTA_REACHED);
            assertThat(onTime.occupancy(OFFICE, DUKCAPIL).admittedToday()).isEqualTo(1);
            assertThat(fast.occupancy(OFFICE, DUKCAPIL)).isEqualTo(onTime.occupancy(OFFICE, DUKCAPIL));
            assertThat(fast.occupancy(OFFICE).present()).isEqualTo(2);
            assertThat(fast.expireStays()).isZero();
            assertThat(onTime.expireStays()).isZero();
        }
    }

    /** The fixed offset at which {@code midnight} is 00:00 local time. */
    private static ZoneOffset offsetWithMidnightAt(Instant midnight) {
        long intoDay = Math.floorMod(midnight.getEpochSecond(), 86_400L);
        long offset = intoDay == 0 ? 0 : 86_400L - intoDay;
        return ZoneOffset.ofTotalSeconds((int) (offset > 43_200 ? offset - 86_400 : offset));
    }

    private static Directory directory(ZoneOffset zone) {
        Site office = Site.builder(OFFICE).name("Dinas Kependudukan dan Pencatatan Sipil")
                .geofence(Geofence.circle(GeoPoint.of(-7.43, 111.025), 60)).zone(zone).tenants(DUKCAPIL).build();
        return Directory.builder().agencies(Agency.of(DUKCAPIL, "Dispendukcapil")).sites(office).build();
    }

    private static WalkIn guest(int n) {
        return new WalkIn(OFFICE, DUKCAPIL, VisitorRef.pseudonymise("guest" + n, SECRET), Role.GUEST,
                Screening.of(36.5, true, true));
    }

    private static RefusalReason reason(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).reason();
    }

    private static Instant databaseNow(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
