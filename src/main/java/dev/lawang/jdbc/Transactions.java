package dev.lawang.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in database transactions with a bounded retry where a retry is safe, and turns driver failures
 * into the library's exceptions.
 *
 * <p>A retry is safe when the failed attempt certainly rolled back: a serialization failure or deadlock, a race on a
 * unique key that the work expects, or a connection lost before the commit was sent. When the connection is lost
 * during the commit, the outcome is unknown; the work's own check then looks, on a new connection, whether its effect
 * is there.
 *
 * <p>Immutable and thread-safe.
 */
final class Transactions {
    /** Attempts per call, the first included. */
    static final int ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** Attempts after the first, over every operation: what operators watch for a struggling database. */
    private final LongAdder retries = new LongAdder();

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Work inside one transaction; it must not commit or roll back itself. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Tells, on a fresh connection, whether the work's effect is in the database after a commit of unknown fate. */
    interface Committed<T> {
        boolean in(Connection c, T result) throws SQLException;
    }

    /** One statement that commits by itself; told whether an earlier attempt may have committed before it failed. */
    interface Idempotent<T> {
        T run(Connection c, boolean earlierMayHaveCommitted) throws SQLException;
    }

    /**
     * Runs one idempotent statement in auto-commit mode: the server commits without waiting for the client, so row
     * locks are held for the shortest time. A lost connection leaves the outcome unknown; the statement is then
     * repeated, which is safe because it is idempotent, and told so.
     */
    <T> T autoCommit(String operation, Idempotent<T> statement, boolean uniqueRaceIsTransient) {
        @Nullable SQLException last = null;
        boolean mayHaveCommitted = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retries.increment();
                pause(attempt);
            }
            Connection c;
            try {
                c = connect(operation);
            } catch (SQLException lost) {
                last = lost;
                continue;
            }
            try {
                c.setAutoCommit(true);
                return statement.run(c, mayHaveCommitted);
            } catch (SQLException e) {
                if (!retryable(e, uniqueRaceIsTransient)) {
                    throw failure(operation, e);
                }
                mayHaveCommitted |= connectionLost(e);
                last = e;
                LOG.debug("{}: attempt {} failed (SQLState {}), repeating", operation, attempt, e.getSQLState());
            } finally {
                closeQuietly(c);
            }
        }
        throw new DatabaseUnavailableException(operation + " failed after " + ATTEMPTS + " attempts (SQLState "
                + (last == null ? "none" : last.getSQLState()) + ")", last == null ? null : last.getSQLState(),
                mayHaveCommitted, attachable(last));
    }

    /**
     * A connection from the pool.
     *
     * @throws SQLException when the server cannot be reached now, which a caller may try again
     * @throws RuntimeException for any other failure, as {@link #failure} translates it
     */
    private Connection connect(String operation) throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (!connectionLost(e)) {
                throw failure(operation, e);
            }
            throw e;
        }
    }

    long retries() {
        return retries.sum();
    }

    /** Runs work that only reads. */
    <T> T read(String operation, Work<T> work) {
        return run(operation, work, result -> false, (c, result) -> true, false);
    }

    /**
     * Runs work, commits if {@code commit} accepts its result and rolls back otherwise.
     *
     * @param uniqueRaceIsTransient whether a unique-key violation means a concurrent writer won a race (retry)
     */
    <T> T run(String operation, Work<T> work, Predicate<T> commit, Committed<T> committed,
            boolean uniqueRaceIsTransient) {
        @Nullable SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retries.increment();
                pause(attempt);
            }
            Connection c;
            try {
                c = connect(operation);
            } catch (SQLException lost) {
                last = lost;
                continue;
            }
            try {
                T result;
                try {
                    c.setAutoCommit(false);
                    result = work.run(c);
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (retryable(e, uniqueRaceIsTransient)) {
                        last = e;
                        LOG.debug("{}: attempt {} rolled back (SQLState {}), retrying", operation, attempt,
                                e.getSQLState());
                        continue;
                    }
                    throw failure(operation, e);
                }
                try {
                    if (!commit.test(result)) {
                        c.rollback();
                        return result;
                    }
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    if (!connectionLost(e)) {
                        rollbackQuietly(c);
                        if (retryable(e, uniqueRaceIsTransient)) {
                            last = e;
                            continue;
                        }
                        throw failure(operation, e);
                    }
                    last = e;
                    if (effectPresent(operation, result, committed, e)) {
                        return result;
                    }
                    LOG.debug("{}: commit lost with the connection and not applied, retrying", operation);
                }
            } finally {
                closeQuietly(c);
            }
        }
        throw new DatabaseUnavailableException(operation + " failed after " + ATTEMPTS + " attempts (SQLState "
                + (last == null ? "none" : last.getSQLState()) + ")", last == null ? null : last.getSQLState(), false,
                attachable(last));
    }

    private <T> boolean effectPresent(String operation, T result, Committed<T> committed, SQLException lost) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return committed.in(c, result);
        } catch (SQLException e) {
            e.addSuppressed(lost);
            throw new DatabaseUnavailableException(operation + ": the connection was lost during the commit and the"
                    + " outcome cannot be checked (SQLState " + e.getSQLState() + ")", e.getSQLState(), true,
                    attachable(e));
        }
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 10L << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting to retry", null, false, e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection failed (SQLState {})", e.getSQLState());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed (SQLState {}); the server rolls back when the connection closes",
                    e.getSQLState());
        }
    }

    /** Whether the failed attempt certainly rolled back and trying again may succeed. */
    static boolean retryable(SQLException e, boolean uniqueRaceIsTransient) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.equals("40001") || state.equals("40P01") || (uniqueRaceIsTransient && state.equals("23505"))
                || connectionLost(e);
    }

    /** Whether the connection is gone: the server went away, restarted, or terminated this backend. */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Translates a failure that is not retried into the exception the library throws. */
    static RuntimeException failure(String operation, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.equals("42P01") || state.equals("42883"))) {
            return new IllegalStateException(operation + ": the Lawang schema is missing or out of date; apply"
                    + " JdbcSchema version " + JdbcSchema.VERSION + " (SQLState " + state + ")", e);
        }
        return new DatabaseUnavailableException(operation + " failed (SQLState " + state + ")", state, false,
                attachable(e));
    }

    /** Drops causes whose message may quote row values, which can hold personal data. */
    private static @Nullable SQLException attachable(@Nullable SQLException e) {
        if (e == null) {
            return null;
        }
        String state = e.getSQLState();
        return state != null && state.startsWith("23") ? null : e;
    }
}
