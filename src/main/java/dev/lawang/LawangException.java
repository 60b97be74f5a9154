package dev.lawang;

import java.io.Serial;

/**
 * The root of every exception Lawang throws for malformed input or misuse.
 *
 * <p>Expected outcomes, such as a refused check-in, are values, not exceptions. Messages never contain personal data
 * or secrets.
 */
public class LawangException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, without personal data
     */
    public LawangException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, without personal data
     * @param cause the underlying failure
     */
    public LawangException(String message, Throwable cause) {
        super(message, cause);
    }
}
