package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitorRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration scripts as operators apply them: Flyway, unchanged, gives the same schema as {@link JdbcSchema}, and
 * a database of schema version 1 holding the leftovers a crash under 0.1 could leave moves to the current version and
 * heals.
 */
class JdbcMigrationTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Test
    void flyway_appliesTheShippedScriptsToTheSameSchemaAsJdbcSchema() throws SQLException {
        DataSource byFlyway = TestDatabase.emptyDatabase();
        DataSource byLawang = TestDatabase.emptyDatabase();

        Flyway flyway = Flyway.configure().dataSource(byFlyway).locations("classpath:dev/lawang/jdbc/schema").load();
        flyway.migrate();
        JdbcSchema.create(byLawang);

        assertThat(catalog(byFlyway)).isEqualTo(catalog(byLawang)).isNotEmpty();
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion())
                .containsExactly("1", "2", "3", "4", "5", "7");
        flyway.validate();
        JdbcSchema.create(byFlyway);
        assertThat(catalog(byFlyway)).isEqualTo(catalog(byLawang));
        try (Connection c = byFlyway.getConnection()) {
            assertThat(JdbcSchema.installedVersion(c)).isEqualTo(JdbcSchema.VERSION);
        }
    }

    @Test
    void jdbcSchema_takesOverADatabaseFlywayStartedAndFlywayTheOtherWayRound() throws SQLException {
        DataSource database = TestDatabase.emptyDatabase();
        JdbcSchema.migrate(database, 1);

        Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:dev/lawang/jdbc/schema")
                .baselineOnMigrate(true).baselineVersion("1").load();
        flyway.migrate();

        DataSource reference = TestDatabase.emptyDatabase();
        JdbcSchema.create(reference);
        assertThat(catalog(database)).isEqualTo(catalog(reference));
    }

    @Test
    void upgrade_fromVersionOneWithTheLeftoversOfACrash_keepsTheDataAndHeals() throws SQLException {
        DataSource database = TestDatabase.emptyDatabase();
        JdbcSchema.migrate(database, 1);
        // As 0.1 wrote it: the stay by lawang_admit, the visit in a transaction of its own.
        JdbcLedger old = JdbcLedger.countsOnly(database, JdbcGateTest.policy());
        JdbcVisitLog oldLog = JdbcVisitLog.of(database);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        VisitorRef whole = JdbcGateTest.visitor(1);
        VisitorRef stayOnly = JdbcGateTest.visitor(2);
        VisitorRef visitOnly = JdbcGateTest.visitor(3);
        VisitorRef repeater = JdbcGateTest.visitor(4);
        TicketId wholeTicket = admit(old, whole);
        oldLog.append(Visit.open(wholeTicket, whole, JdbcGateTest.HOT, JdbcGateTest.DUKCAPIL, Role.GUEST,
                startOf(database, wholeTicket)));
        admit(old, stayOnly);
        TicketId repeaterTicket = admit(old, repeater);
        TicketId visitOnlyTicket = TicketId.random();
        oldLog.append(Visit.open(visitOnlyTicket, visitOnly, JdbcGateTest.HOT, JdbcGateTest.DUKCAPIL, Role.GUEST,
                longAgo));
        backdate(database, longAgo);

        JdbcSchema.create(database);

        Gate gate = Gate.builder().directory(JdbcGateTest.directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(JdbcLedger.of(database, JdbcGateTest.policy())).clock(Clock.systemUTC()).build();
        assertThat(gate.occupancy(JdbcGateTest.HOT).present()).isEqualTo(3);
        assertThat(gate.visitLog().find(wholeTicket)).hasValueSatisfying(v -> assertThat(v.isOpen()).isTrue());

        Decision again = gate.walkIn(walkIn(repeater));
        assertThat(again).isInstanceOfSatisfying(Decision.Admitted.class, a -> {
            assertThat(a.repeat()).isTrue();
            assertThat(a.ticket().id()).isEqualTo(repeaterTicket);
        });
        assertThat(gate.visitLog().openVisitOf(repeater)).hasValueSatisfying(
                v -> assertThat(v.ticket()).isEqualTo(repeaterTicket));

        OccupancyLedger.Settlement settled = gate.recover();

        assertThat(settled).isEqualTo(new OccupancyLedger.Settlement(1, 1, 0));
        assertThat(gate.visitLog().find(visitOnlyTicket)).hasValueSatisfying(v -> assertThat(v.isOpen()).isFalse());
        assertThat(gate.visitLog().openVisitOf(stayOnly)).isPresent();
        assertThat(openStays(database)).isEqualTo(openVisits(database)).hasSize(3);
        assertThat(gate.checkOut(wholeTicket)).hasValueSatisfying(v -> assertThat(v.isOpen()).isFalse());
        assertThat(gate.occupancy(JdbcGateTest.HOT).present()).isEqualTo(2);
        assertThat(gate.recover()).isEqualTo(OccupancyLedger.Settlement.NONE);
    }

    private static TicketId admit(JdbcLedger ledger, VisitorRef visitor) {
        TicketId ticket = TicketId.random();
        assertThat(ledger.admit(new AdmitRequest(ticket, visitor, JdbcGateTest.HOT, WIB, JdbcGateTest.DUKCAPIL,
                Role.GUEST)).isAdmitted()).isTrue();
        return ticket;
    }

    private static WalkIn walkIn(VisitorRef visitor) {
        return new WalkIn(JdbcGateTest.HOT, JdbcGateTest.DUKCAPIL, visitor, Role.GUEST,
                Screening.of(36.5, true, true));
    }

    private static Instant startOf(DataSource database, TicketId ticket) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT started_at FROM lawang_stay WHERE visit_id = '"
                        + ticket.toUuid() + "'")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** Moves the leftovers an hour back, past the grace period in which recovery leaves things alone. */
    private static void backdate(DataSource database, Instant at) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            String t = "'" + at + "'::timestamptz";
            s.execute("UPDATE lawang_visit SET checked_in = " + t + ", checked_in_nanos = 0;"
                    + " UPDATE lawang_stay SET started_at = " + t + ", due_at = " + t + " + interval '8 hours';"
                    + " UPDATE lawang_site SET last_at = " + t);
        }
    }

    private static List<String> openStays(DataSource database) throws SQLException {
        return strings(database, "SELECT visit_id::text FROM lawang_stay ORDER BY 1");
    }

    private static List<String> openVisits(DataSource database) throws SQLException {
        return strings(database, "SELECT ticket_id::text FROM lawang_visit WHERE checked_out IS NULL ORDER BY 1");
    }

    /** Tables, columns, constraints, indexes and functions of the lawang_* schema, and the versions recorded. */
    private static List<String> catalog(DataSource database) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(strings(database, "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
                + " || is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns"
                + " WHERE table_name LIKE 'lawang%' ORDER BY table_name, ordinal_position"));
        rows.addAll(strings(database, "SELECT conrelid::regclass || ' ' || conname || ' '"
                + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'lawang%'"
                + " ORDER BY 1"));
        rows.addAll(strings(database, "SELECT indexdef FROM pg_indexes WHERE tablename LIKE 'lawang%' ORDER BY 1"));
        rows.addAll(strings(database, "SELECT proname || '(' || pg_get_function_identity_arguments(oid) || ') '"
                + " || md5(prosrc) FROM pg_proc WHERE proname LIKE 'lawang%' ORDER BY 1"));
        rows.addAll(strings(database, "SELECT 'version ' || version FROM lawang_schema_version ORDER BY version"));
        return rows;
    }

    private static List<String> strings(DataSource database, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
