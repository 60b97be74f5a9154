package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.testing.ChildJvm;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: a JVM running {@link CrashWorkload} (a gate on PostgreSQL, 8 threads checking visitors
 * in and out) is killed with SIGKILL at a random moment, 16 times against one database, a fresh JVM each time. After
 * every kill the database must hold: counters equal to the open stays, an open visit for every open stay and a stay
 * for every open visit, no limit exceeded, and every decision the killed JVM had printed (it prints each one, flushed,
 * once the gate returned it). The test kills only the processes it started, by their handles.
 */
class JdbcCrashTest {
    private static final int KILLS = 16;

    @Test
    void killedWhileCheckingVisitorsInAndOut_leavesEveryAcknowledgedDecisionAndAgreement() throws Exception {
        String database = TestDatabase.createDatabase(TestDatabase.server());
        String url = TestDatabase.server().getJdbcUrl("postgres", database);
        DataSource check = TestDatabase.server().getDatabase("postgres", database);
        Random random = new Random(20211215);
        Set<String> admitted = new HashSet<>();
        Set<String> checkedOut = new HashSet<>();
        int settled = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            List<String> lines = runAndKill(url, kill, 400 + random.nextInt(1600));
            for (String line : lines) {
                if (line.startsWith("A ")) {
                    admitted.add(uuidText(line.substring(2)));
                } else if (line.startsWith("O ")) {
                    checkedOut.add(uuidText(line.substring(2)));
                }
            }
            checkAgreement(check, admitted, checkedOut, "after kill " + (kill + 1));
            settled += settle(check);
        }
        // The figures the closing note of the crash-safety work reports; surefire keeps them in the test's output.
        System.out.printf("%d kills: %d admissions and %d check-outs acknowledged, %d left to settle%n", KILLS,
                admitted.size(), checkedOut.size(), settled);
        assertThat(admitted).as("admissions acknowledged over all runs").hasSizeGreaterThan(KILLS * 20);
        assertThat(checkedOut).as("check-outs acknowledged over all runs").hasSizeGreaterThan(KILLS * 5);
        assertThat(settled).as("stays and visits a crash left apart, which recovery would settle").isZero();
    }

    /** Starts the workload, lets it run, kills it with SIGKILL, and returns the complete lines it printed. */
    private static List<String> runAndKill(String url, int run, long millis) throws IOException,
            InterruptedException {
        List<String> lines = ChildJvm.runAndKill(CrashWorkload.class, "256m", millis, url, Long.toString(run));
        lines.removeIf(l -> !(l.startsWith("A ") || l.startsWith("O ")));
        return lines;
    }

    /**
     * Checks in one snapshot, once the killed JVM's sessions are gone (a statement it had sent may still commit on
     * the server after the kill; what matters is what the database holds once it stands still).
     */
    private static void checkAgreement(DataSource db, Set<String> admitted, Set<String> checkedOut, String when)
            throws SQLException, InterruptedException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!set(s, "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()").isEmpty()) {
                assertThat(System.nanoTime()).as("the killed JVM's sessions end").isLessThan(deadline);
                Thread.sleep(20);
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            checkSnapshot(s, admitted, checkedOut, when);
            c.commit();
        }
    }

    private static void checkSnapshot(Statement s, Set<String> admitted, Set<String> checkedOut, String when)
            throws SQLException {
        assertThat(pairs(s, "SELECT site_id, present_staff + present_guest FROM lawang_site"
                + " WHERE present_staff + present_guest > 0"))
                .as("site counters equal the open stays, %s", when)
                .isEqualTo(pairs(s, "SELECT site_id, count(*) FROM lawang_stay GROUP BY site_id"));
        assertThat(pairs(s, "SELECT site_id || '/' || agency_id, present_staff + present_guest FROM lawang_agency"
                + " WHERE present_staff + present_guest > 0"))
                .as("agency counters equal the open stays, %s", when)
                .isEqualTo(pairs(s, "SELECT site_id || '/' || agency_id, count(*) FROM lawang_stay"
                        + " GROUP BY site_id, agency_id"));
        Set<String> stays = set(s, "SELECT visit_id::text FROM lawang_stay");
        assertThat(set(s, "SELECT ticket_id::text FROM lawang_visit WHERE checked_out IS NULL"))
                .as("an open visit for every open stay and a stay for every open visit, %s", when)
                .isEqualTo(stays);
        assertThat(set(s, "SELECT site_id FROM lawang_site WHERE present_staff + present_guest > "
                + CrashWorkload.SITE_LIMIT)).as("sites over their limit, %s", when).isEmpty();
        assertThat(set(s, "SELECT site_id FROM lawang_agency WHERE present_staff + present_guest > "
                + CrashWorkload.AGENCY_LIMIT)).as("agencies over their limit, %s", when).isEmpty();
        Set<String> visits = set(s, "SELECT ticket_id::text FROM lawang_visit");
        assertThat(visits).as("every acknowledged admission is recorded, %s", when).containsAll(admitted);
        Set<String> closed = set(s, "SELECT ticket_id::text FROM lawang_visit WHERE checked_out IS NOT NULL");
        assertThat(closed).as("every acknowledged check-out is recorded, %s", when).containsAll(checkedOut);
        assertThat(stays).as("no acknowledged check-out left a stay, %s", when).doesNotContainAnyElementsOf(
                checkedOut);
    }

    /** Runs the recovery as a gate's expireStays would and returns how much it found to settle. */
    private static int settle(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM lawang_recover(NULL, 'infinity')")) {
            rs.next();
            return rs.getInt(1) + rs.getInt(2) + rs.getInt(3);
        }
    }

    private static String uuidText(String ticket) {
        return ticket.substring(0, 8) + "-" + ticket.substring(8, 12) + "-" + ticket.substring(12, 16) + "-"
                + ticket.substring(16, 20) + "-" + ticket.substring(20);
    }

    private static Map<String, Long> pairs(Statement s, String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Set<String> set(Statement s, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
