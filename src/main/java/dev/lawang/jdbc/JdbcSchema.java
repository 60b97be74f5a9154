package dev.lawang.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The PostgreSQL schema of {@link JdbcLedger}, {@link JdbcVisitLog}, {@link JdbcRequestStore} and
 * {@link JdbcBookingStore}: versioned SQL migration scripts shipped in the jar, in the layout Flyway reads.
 *
 * <p>The scripts are {@code dev/lawang/jdbc/schema/V<n>__<description>.sql}, one per version, each applied once and in
 * order; each records its version in the table {@code lawang_schema_version}. Apply them with Flyway
 * ({@code locations = classpath:dev/lawang/jdbc/schema}; Flyway keeps its own history beside ours), with Liquibase or
 * a DBA's change process as plain SQL files ({@link #scripts()} returns their texts), or with
 * {@link #create(DataSource)}, which applies those a database lacks. A database migrated one way can be migrated
 * further the other way. Every table and function is named {@code lawang_*} and is created in the first schema on the
 * connecting user's {@code search_path}; PostgreSQL 12 or newer is required (tested on 17).
 *
 * <p>Stateless and thread-safe.
 */
public final class JdbcSchema {
    /** The schema version this library reads and writes: the number of the last script. */
    public static final int VERSION = 8;

    private static final List<String> SCRIPTS = List.of(
            "schema/V1__ledger_and_visit_log.sql",
            "schema/V2__visits_in_the_same_step.sql",
            "schema/V3__request_book.sql",
            "schema/V4__bookings.sql",
            "schema/V5__reservation_in_one_statement.sql",
            "schema/V6__entry_channel.sql",
            "schema/V7__kiosk_sync.sql",
            "schema/V8__leased_places.sql");
    /** Serialises concurrent {@link #create} calls from several application instances: an arbitrary fixed key. */
    private static final long CREATE_LOCK = 0x4C6177616E67L;

    private JdbcSchema() {
    }

    /**
     * Returns the migration scripts up to {@link #VERSION}, in the order they apply, as shipped in the jar.
     *
     * @return the scripts' texts, the first creating version 1; each holds several statements, including PL/pgSQL
     *     functions in dollar quotes
     */
    public static List<String> scripts() {
        List<String> texts = new ArrayList<>(SCRIPTS.size());
        for (String name : SCRIPTS) {
            texts.add(text(name));
        }
        return List.copyOf(texts);
    }

    private static String text(String name) {
        try (InputStream in = JdbcSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema script " + name, e);
        }
    }

    /**
     * Brings the database to {@link #VERSION}: applies every script it lacks, in order; does nothing if it is already
     * there.
     *
     * <p>Runs in one transaction under an advisory lock, so several application instances may call it at start-up
     * at once: one migrates, the others find the schema up to date. A failing script leaves the database as it was.
     *
     * @param dataSource the database, reached with a user allowed to create tables and functions
     * @throws IllegalStateException if the database holds a schema version newer than this library's
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    public static void create(DataSource dataSource) {
        migrate(dataSource, VERSION);
    }

    /** Applies the scripts after the installed version up to {@code target}; for tests of upgrades. */
    static void migrate(DataSource dataSource, int target) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (target < 1 || target > VERSION) {
            throw new IllegalArgumentException("no schema version " + target);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CREATE_LOCK);
                    lock.execute();
                }
                int installed = installedVersion(c);
                if (installed > VERSION) {
                    throw new IllegalStateException("database holds Lawang schema version " + installed
                            + ", this library uses version " + VERSION);
                }
                for (String script : SCRIPTS) {
                    int version = versionOf(script);
                    if (version > installed && version <= target) {
                        try (Statement s = c.createStatement()) {
                            s.execute(text(script));
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Transactions.failure("create schema", e);
        }
    }

    /** The version number in a script's name, {@code schema/V<n>__...}. */
    static int versionOf(String script) {
        return Integer.parseInt(script.substring("schema/V".length(), script.indexOf("__")));
    }

    /** Returns the installed schema version, or 0 if there is none. */
    static int installedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('lawang_schema_version') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM lawang_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
