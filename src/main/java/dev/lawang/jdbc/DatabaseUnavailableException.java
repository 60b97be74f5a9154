package dev.lawang.jdbc;

import dev.lawang.LawangException;
import java.io.Serial;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database could not carry out an operation of {@link JdbcLedger} or {@link JdbcVisitLog}: the connection
 * dropped, the server restarted or refused connections, a statement or lock timeout struck, or a conflict persisted
 * through the bounded retries.
 *
 * <p>Unless {@link #outcomeUnknown()} is true, the operation had no effect: a transaction that failed was rolled
 * back. If it is true, the connection was lost while the commit was under way and the library could not find out
 * afterwards whether it took effect; repeating the same call is safe, because admissions are keyed by the visit id
 * and closing a visit twice is a no-op.
 *
 * <p>The message names the operation and the SQLState, never personal data: causes whose text could quote a row
 * (constraint violations) are not attached.
 */
public final class DatabaseUnavailableException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The SQLState of the last failure, if the driver reported one. */
    private final @Nullable String sqlState;
    /** Whether the operation may have taken effect before the failure. */
    private final boolean outcomeUnknown;

    DatabaseUnavailableException(String message, @Nullable String sqlState, boolean outcomeUnknown,
            @Nullable Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
        this.sqlState = sqlState;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * Returns the SQLState the driver reported for the last failure, such as {@code 08006} (connection failure),
     * {@code 57P01} (server shutting down) or {@code 57014} (statement timeout).
     *
     * @return the SQLState, or empty if the driver gave none
     */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /**
     * Tells whether the operation may have taken effect although this exception was thrown.
     *
     * @return true if the commit's outcome is unknown; false if the operation certainly had no effect
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
