package dev.lawang.visit;

/**
 * How a visit came in at the door: the code the visitor scanned, or the desk that registered a walk-in.
 *
 * <p>Stored by name (in PostgreSQL, in the {@code channel} columns of schema version 6), so the names are part of the
 * stored format: rows of older versions read as {@link #PRINTED_CODE}, the only code of those versions.
 */
public enum EntryChannel {
    /** A printed code (version 1 of the payload format), signed by an authority key. */
    PRINTED_CODE,
    /** A rotating code (version 2) shown by a display under a grant of an authority key. */
    ROTATING_CODE,
    /** Another system's poster registered by the deployment: its exact text, with no signature behind it. */
    REGISTERED_FOREIGN_CODE,
    /** A walk-in registered at the desk, screened by hand, with no code at all. */
    WALK_IN;

    /**
     * Tells whether the visitor scanned a code of this library (printed or rotating), whose signature the gate checked.
     *
     * @return whether a signature stands behind the entry
     */
    public boolean signed() {
        return this == PRINTED_CODE || this == ROTATING_CODE;
    }
}
