package dev.lawang.capacity;

import java.time.Instant;
import java.util.Objects;

/**
 * A visit the ledger closed: the stay, when it ended and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stay the stay as it was while open
 * @param end when it ended; never before {@code stay.start()}, even if the clock moved backwards
 * @param cause why it ended
 */
public record Departure(Stay stay, Instant end, Cause cause) {
    /** Why a visit ended. */
    public enum Cause {
        /** Checked out: {@link OccupancyLedger#release(java.util.UUID)}. */
        RELEASED,
        /** The stay ran out: {@link OccupancyLedger#expire()}. */
        EXPIRED,
        /** The visitor was admitted elsewhere, which closes the open visit in the same step. */
        MOVED
    }

    /**
     * Validates the departure.
     *
     * @param stay the record component of that name
     * @param end the record component of that name
     * @param cause the record component of that name
     * @throws IllegalArgumentException if {@code end} is before the stay's start
     */
    public Departure {
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cause, "cause");
        if (end.isBefore(stay.start())) {
            throw new IllegalArgumentException("visit must not end before it starts: " + stay.start() + ", " + end);
        }
    }
}
