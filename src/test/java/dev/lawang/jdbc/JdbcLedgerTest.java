package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.capacity.OccupancyLedgerContract;
import dev.lawang.testing.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcLedger#of}, the ledger that keeps the visit log too, on a real PostgreSQL server against the ledger
 * contract: one database for the class, emptied for every new ledger. The contract moves time with a test clock, so
 * the ledger takes its instants from that clock instead of the database ({@link JdbcLedger#withClock}); everything
 * else, the monotonic time per site included, is the production code path. {@link JdbcCountsOnlyLedgerTest} runs
 * the contract on {@link JdbcLedger#countsOnly}.
 */
class JdbcLedgerTest extends OccupancyLedgerContract {
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        pool = TestDatabase.pool(TestDatabase.createQuickDatabase(), 16);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    /** The contract asks for an empty ledger each time, several times in some tests. */
    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        TestDatabase.clean(pool);
        return JdbcLedger.withClock(pool, policy, clock, keepsVisits());
    }

    boolean keepsVisits() {
        return true;
    }

    @Test
    void anUnknownEntryChannel_isRefusedByTheDatabaseAndRecordsNothing() throws SQLException {
        newLedger(CapacityPolicy.unlimited(), TestClock.at(MORNING));
        LocalDate day = LocalDate.ofInstant(MORNING, WIB);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String fn : new String[] {"lawang_admit_via", "lawang_check_in"}) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + fn + "('" + UUID.randomUUID() + "', 'v',"
                        + " 'setda-complex', 'diskominfo', 'GUEST', NULL, '" + day + "', '" + day + "T00:00+07',"
                        + " '" + day.plusDays(1) + "T00:00+07', 3600000000, NULL, 0, NULL, 0, NULL, 0, NULL, 0,"
                        + " 'SMUGGLED')")).isInstanceOf(SQLException.class).hasMessageContaining("entry channel");
            }
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id,"
                    + " agency_id, role, checked_in, checked_in_nanos, channel) VALUES ('" + UUID.randomUUID()
                    + "', 'v', 'setda-complex', 'diskominfo', 'GUEST', now(), 0, 'SMUGGLED')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("channel");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM lawang_stay) + (SELECT count(*) FROM"
                    + " lawang_visit) + (SELECT count(*) FROM lawang_admitted)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
