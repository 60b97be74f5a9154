package dev.lawang.directory;

import dev.lawang.LawangException;
import java.io.Serial;

/**
 * A directory file that cannot be read: not JSON, not a FeatureCollection, or a feature or agency with a missing,
 * mistyped or invalid field. The message names the feature (by position and, where known, id) and the field.
 *
 * @see Directory#readGeoJson(java.io.Reader)
 */
public final class DirectoryFileException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public DirectoryFileException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public DirectoryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
