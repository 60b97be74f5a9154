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
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The PostgreSQL schema of {@link JdbcLedger} and {@link JdbcVisitLog}: versioned SQL scripts shipped in the jar.
 *
 * <p>Version 1 is the script {@code dev/lawang/jdbc/schema/V1__ledger_and_visit_log.sql}; {@link #script()} returns
 * its text for a migration tool (Flyway, Liquibase, a DBA's change process). {@link #create(DataSource)} applies it
 * directly when the schema is missing. Every table and function is named {@code lawang_*} and is created in the
 * first schema on the connecting user's {@code search_path}; PostgreSQL 12 or newer is required (tested on 17).
 *
 * <p>Stateless and thread-safe.
 */
public final class JdbcSchema {
    /** The schema version this library reads and writes. */
    public static final int VERSION = 1;

    private static final String SCRIPT = "schema/V1__ledger_and_visit_log.sql";
    /** Serialises concurrent {@link #create} calls from several application instances: an arbitrary fixed key. */
    private static final long CREATE_LOCK = 0x4C6177616E67L;

    private JdbcSchema() {
    }

    /**
     * Returns the SQL script that creates the schema at {@link #VERSION}, as shipped in the jar.
     *
     * @return the script: several statements, including PL/pgSQL functions in dollar quotes
     */
    public static String script() {
        try (InputStream in = JdbcSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the jar: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema script " + SCRIPT, e);
        }
    }

    /**
     * Creates the schema if the database does not have it yet; does nothing if it is already at {@link #VERSION}.
     *
     * <p>Runs in one transaction under an advisory lock, so several application instances may call it at start-up
     * at once: one creates the schema, the others find it.
     *
     * @param dataSource the database, reached with a user allowed to create tables and functions
     * @throws IllegalStateException if the database holds a schema version this library does not know
     * @throws DatabaseUnavailableException if the database cannot be reached or fails
     */
    public static void create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String script = script();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CREATE_LOCK);
                    lock.execute();
                }
                int installed = installedVersion(c);
                if (installed == 0) {
                    try (Statement s = c.createStatement()) {
                        s.execute(script);
                    }
                } else if (installed != VERSION) {
                    throw new IllegalStateException("database holds Lawang schema version " + installed
                            + ", this library uses version " + VERSION);
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
