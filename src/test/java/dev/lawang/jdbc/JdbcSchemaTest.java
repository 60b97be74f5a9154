package dev.lawang.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcSchemaTest {

    @Test
    void scripts_areShippedInTheJarOnePerVersionEachRecordingItsVersion() {
        java.util.List<String> scripts = JdbcSchema.scripts();

        assertThat(scripts).hasSize(JdbcSchema.VERSION);
        assertThat(scripts.get(0)).contains("CREATE TABLE lawang_site", "CREATE TABLE lawang_agency",
                "CREATE TABLE lawang_admitted", "CREATE TABLE lawang_stay", "CREATE TABLE lawang_visit");
        for (int v = 1; v <= JdbcSchema.VERSION; v++) {
            assertThat(scripts.get(v - 1)).as("script %d", v)
                    .contains("INSERT INTO lawang_schema_version (version) VALUES (" + v + ")");
        }
        assertThat(scripts.get(6)).contains("CREATE TABLE lawang_offline_applied",
                "CREATE FUNCTION lawang_apply_offline");
        assertThat(scripts.get(2)).contains("CREATE TABLE lawang_request (", "CREATE TABLE lawang_request_step");
        assertThat(scripts.get(3)).contains("CREATE TABLE lawang_booking_day", "CREATE TABLE lawang_booking (");
        assertThat(scripts.get(1)).contains("CREATE FUNCTION lawang_check_in", "CREATE FUNCTION lawang_check_out",
                "CREATE FUNCTION lawang_expire_visits", "CREATE FUNCTION lawang_recover");
    }

    @Test
    void create_upgradesAVersionOneDatabaseAndOnlyOnce() throws SQLException {
        DataSource old = TestDatabase.emptyDatabase();
        JdbcSchema.migrate(old, 1);
        try (Connection c = old.getConnection()) {
            assertThat(JdbcSchema.installedVersion(c)).isEqualTo(1);
        }

        JdbcSchema.create(old);
        JdbcSchema.create(old);

        try (Connection c = old.getConnection()) {
            assertThat(JdbcSchema.installedVersion(c)).isEqualTo(JdbcSchema.VERSION);
            assertThat(count(c, "SELECT count(*) FROM lawang_schema_version")).isEqualTo(JdbcSchema.VERSION);
        }
    }

    @Test
    void create_appliesTheScriptToAnEmptyDatabaseOnce() throws SQLException {
        DataSource empty = TestDatabase.emptyDatabase();

        JdbcSchema.create(empty);
        JdbcSchema.create(empty);

        try (Connection c = empty.getConnection()) {
            assertThat(JdbcSchema.installedVersion(c)).isEqualTo(JdbcSchema.VERSION);
            assertThat(count(c, "SELECT count(*) FROM lawang_schema_version")).isEqualTo(JdbcSchema.VERSION);
            assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'lawang%'")).isEqualTo(12);
        }
    }

    @Test
    void create_refusesADatabaseWithAnUnknownVersion() throws SQLException {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO lawang_schema_version (version) VALUES (" + (JdbcSchema.VERSION + 1) + ")");
        }

        assertThatThrownBy(() -> JdbcSchema.create(ds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version " + (JdbcSchema.VERSION + 1));
    }

    @Test
    void create_byManyInstancesAtOnce_createsTheSchemaOnce() throws Exception {
        DataSource empty = TestDatabase.emptyDatabase();
        Thread[] threads = new Thread[4];
        Throwable[] failures = new Throwable[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                try {
                    JdbcSchema.create(empty);
                } catch (RuntimeException e) {
                    failures[index] = e;
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(failures).containsOnlyNulls();
        try (Connection c = empty.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM lawang_schema_version")).isEqualTo(JdbcSchema.VERSION);
        }
    }

    @Test
    void create_onAnUnreachableServer_throwsDatabaseUnavailable() {
        try (HikariDataSource nowhere = TestDatabase.poolAt("jdbc:postgresql://127.0.0.1:1/none", 1, 250)) {
            assertThatThrownBy(() -> JdbcSchema.create(nowhere))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .satisfies(e -> assertThat(((DatabaseUnavailableException) e).sqlState()).hasValue("08001"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
