package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
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
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
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
        // As 0.1 wrote it, in the columns of version 1: the stay by lawang_admit, the visit in a transaction of its
        // own.
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        VisitorRef whole = JdbcGateTest.visitor(1);
        VisitorRef stayOnly = JdbcGateTest.visitor(2);
        VisitorRef visitOnly = JdbcGateTest.visitor(3);
        VisitorRef repeater = JdbcGateTest.visitor(4);
        TicketId wholeTicket = admitAsVersionOne(database, whole);
        appendAsVersionOne(database, wholeTicket, whole, startOf(database, wholeTicket));
        admitAsVersionOne(database, stayOnly);
        TicketId repeaterTicket = admitAsVersionOne(database, repeater);
        TicketId visitOnlyTicket = TicketId.random();
        appendAsVersionOne(database, visitOnlyTicket, visitOnly, longAgo);
        backdate(database, longAgo);

        JdbcSchema.create(database);

        Gate gate = Gate.builder().directory(JdbcGateTest.directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .ledger(JdbcLedger.of(database, JdbcGateTest.policy())).clock(Clock.systemUTC()).build();
        assertThat(gate.occupancy(JdbcGateTest.HOT).present()).isEqualTo(3);
        assertThat(gate.visitLog().find(wholeTicket)).hasValueSatisfying(v -> {
            assertThat(v.isOpen()).isTrue();
            assertThat(v.channel()).as("rows of version 1 knew printed codes only")
                    .isEqualTo(EntryChannel.PRINTED_CODE);
        });

        Decision again = gate.walkIn(walkIn(repeater));
        assertThat(again).isInstanceOfSatisfying(Decision.Admitted.class, a -> {
            assertThat(a.repeat()).isTrue();
            assertThat(a.ticket().id()).isEqualTo(repeaterTicket);
            assertThat(a.ticket().channel()).as("a repeat keeps its stay's channel")
                    .isEqualTo(EntryChannel.PRINTED_CODE);
        });
        assertThat(gate.visitLog().openVisitOf(repeater)).hasValueSatisfying(
                v -> assertThat(v.ticket()).isEqualTo(repeaterTicket));

        OccupancyLedger.Settlement settled = gate.recover();

        assertThat(settled).isEqualTo(new OccupancyLedger.Settlement(1, 1, 0));
        assertThat(gate.visitLog().find(visitOnlyTicket)).hasValueSatisfying(v -> assertThat(v.isOpen()).isFalse());
        assertThat(gate.visitLog().openVisitOf(stayOnly)).hasValueSatisfying(
                v -> assertThat(v.channel()).isEqualTo(EntryChannel.PRINTED_CODE));
        assertThat(openStays(database)).isEqualTo(openVisits(database)).hasSize(3);
        assertThat(gate.checkOut(wholeTicket)).hasValueSatisfying(v -> assertThat(v.isOpen()).isFalse());
        assertThat(gate.occupancy(JdbcGateTest.HOT).present()).isEqualTo(2);
        assertThat(gate.recover()).isEqualTo(OccupancyLedger.Settlement.NONE);
    }

    /** Admits a guest through version 1's function, without limits, as 0.1 called it. */
    private static TicketId admitAsVersionOne(DataSource database, VisitorRef visitor) throws SQLException {
        TicketId ticket = TicketId.random();
        java.time.LocalDate day = java.time.LocalDate.now(WIB);
        try (Connection c = database.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT outcome FROM lawang_admit(?, ?, ?, ?, 'GUEST', NULL, ?, ?, ?, ?, NULL, 0, NULL, 0, NULL, 0,"
                        + " NULL, 0)")) {
            ps.setObject(1, ticket.toUuid());
            ps.setString(2, visitor.toText());
            ps.setString(3, JdbcGateTest.HOT.value());
            ps.setString(4, JdbcGateTest.DUKCAPIL.value());
            ps.setObject(5, day);
            ps.setObject(6, day.atStartOfDay(WIB).toOffsetDateTime());
            ps.setObject(7, day.plusDays(1).atStartOfDay(WIB).toOffsetDateTime());
            ps.setLong(8, Duration.ofHours(4).toNanos() / 1_000);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ADMITTED");
            }
        }
        return ticket;
    }

    /** Records an open visit in version 1's columns, as 0.1's visit log did. */
    private static void appendAsVersionOne(DataSource database, TicketId ticket, VisitorRef visitor, Instant in)
            throws SQLException {
        try (Connection c = database.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in,"
                        + " checked_in_nanos) VALUES (?, ?, ?, ?, 'GUEST', ?, 0)")) {
            ps.setObject(1, ticket.toUuid());
            ps.setString(2, visitor.toText());
            ps.setString(3, JdbcGateTest.HOT.value());
            ps.setString(4, JdbcGateTest.DUKCAPIL.value());
            ps.setObject(5, java.time.OffsetDateTime.ofInstant(in.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    java.time.ZoneOffset.UTC));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
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
