package dev.lawang.visit;

/**
 * How a visit came in at the door: the code the visitor scanned, or the desk that registered a walk-in; or
 * {@link #LEASED}, a place held for a kiosk that no one came in through.
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
    WALK_IN,
    /**
     * Not a way in: a place of a kiosk's lease held in the central ledger (a placeholder stay, under a pseudonym that
     * stands for nobody) until the kiosk's offline visit takes it, the lease is given back, or it runs out. A ledger
     * takes a {@code LEASED} stay that runs out off its day's count, as a place never used
     * ({@code OccupancyLedger.expire}); reports of who came in leave these visits out. Stored from schema version 8.
     */
    LEASED;

    /**
     * Tells whether the visitor scanned a code of this library (printed or rotating), whose signature the gate checked.
     *
     * @return whether a signature stands behind the entry
     */
    public boolean signed() {
        return this == PRINTED_CODE || this == ROTATING_CODE;
    }
}
