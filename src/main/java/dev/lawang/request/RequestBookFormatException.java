package dev.lawang.request;

import dev.lawang.LawangException;
import java.io.Serial;

/**
 * Thrown when a request book file cannot be read: malformed JSON, a missing or mistyped field, an unknown event, or
 * a history that breaks the lifecycle. The message names the line and the field; it never repeats a contact address.
 */
public final class RequestBookFormatException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The offending line, counting from 1. */
    private final long line;

    RequestBookFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    RequestBookFormatException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    /**
     * Returns the number of the offending line, counting from 1.
     *
     * @return the line number
     */
    public long line() {
        return line;
    }
}
