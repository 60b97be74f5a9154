package dev.lawang;

import java.io.Serial;

/**
 * The root of the exceptions Lawang throws for malformed input read from outside (code texts, files) and for a
 * failing database. Misuse throws the JDK's own exceptions ({@code NullPointerException},
 * {@code IllegalArgumentException}, {@code IllegalStateException}), a failing stream its own
 * {@code java.io.IOException}; the package documentation of {@code dev.lawang} states the rule.
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
