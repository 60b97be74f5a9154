package dev.lawang.capacity;

import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One decision a kiosk took offline, as its effect on the central ledger ({@link OccupancyLedger#applyOffline}):
 * applied once per device and sequence number, whatever the order and however often it is uploaded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param device the kiosk's device id: 1 to 64 characters, lower-case ASCII letters, digits, '-', '.' or '_'
 * @param sequence the decision's sequence number in the kiosk's journal, from 1
 * @param kind what the decision does to the counts
 * @param stay the visit: its ticket id, visitor, site, zone, agency and role
 * @param at when the kiosk decided, by its clock
 * @param placeholders placeholder stays of the kiosk's lease for the site and agency, in the lease's order: all of
 *     them, or a window of them (see {@link Outcome#NO_OPEN_PLACEHOLDER}); empty without a lease, or once every
 *     window was tried
 */
public record OfflineEffect(String device, long sequence, Kind kind, AdmitRequest stay, Instant at,
        List<TicketId> placeholders) {
    private static final Pattern DEVICE = Pattern.compile("[a-z0-9._-]{1,64}");

    /**
     * Checks a device id.
     *
     * @param device the id
     * @return the id
     * @throws IllegalArgumentException if it is not 1 to 64 of a-z, 0-9, '.', '_' and '-'; the message does not
     *     repeat it
     */
    public static String checkDevice(String device) {
        Objects.requireNonNull(device, "device");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("a device id is 1 to 64 of a-z, 0-9, '.', '_' and '-' (length "
                    + device.length() + ")");
        }
        return device;
    }

    /** What an offline decision does to the counts. */
    public enum Kind {
        /** An admission: the visit takes the place of one of the lease's placeholders. */
        ADMISSION,
        /** A check-out: the visit's stay closes. */
        CHECK_OUT,
        /** A refusal: nothing, but it is recorded as applied. */
        REFUSAL
    }

    /** What applying an offline decision did. */
    public enum Outcome {
        /** Applied before (the same device, sequence number and ticket): nothing changed. */
        ALREADY_APPLIED,
        /** The device and sequence number were applied before with another ticket: nothing changed. */
        MISMATCH,
        /** The admission took a placeholder's place: the visit's stay is open, the counts did not change. */
        SWAPPED,
        /** The admission's check-out was applied first: its placeholder was released; the visit is over. */
        ALREADY_OVER,
        /** The visitor had another open stay: a placeholder was released, the offline stay was not opened. */
        VISITOR_ELSEWHERE,
        /** No placeholder of the lease was left open (given back or expired): recorded, not counted. */
        UNLEASED,
        /** The ticket id is in use by another stay or visit: recorded, not counted. */
        TICKET_IN_USE,
        /** The check-out closed the visit's stay. */
        RELEASED,
        /** The check-out's admission was applied, but the centre had closed its stay already. */
        NOT_OPEN,
        /** The check-out came before its admission: recorded, applied with the admission. */
        PENDING,
        /** A refusal, recorded. */
        RECORDED,
        /**
         * None of the placeholders given is open: nothing was recorded or changed; apply it again with the lease's
         * next placeholders, or with none to record it.
         */
        NO_OPEN_PLACEHOLDER
    }

    /**
     * What applying an offline decision did, and to which stays.
     *
     * @param outcome what happened
     * @param stay the stay opened or closed, with the instants the ledger gave it; null if none
     * @param placeholder the placeholder swapped or released; null if none
     * @param first for {@link Outcome#ALREADY_APPLIED}, the outcome when it was applied, so that a retried upload
     *     reports the same conflicts; otherwise {@code outcome}
     */
    public record Applied(Outcome outcome, @Nullable Ticket stay, @Nullable TicketId placeholder, Outcome first) {
        /**
         * Validates the result.
         *
         * @param outcome not null
         * @param stay the stay, or null
         * @param placeholder the placeholder, or null
         * @param first not null
         */
        public Applied {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(first, "first");
        }

        /**
         * Returns a result applied now.
         *
         * @param outcome what happened
         * @param stay the stay, or null
         * @param placeholder the placeholder, or null
         * @return the result, its own first outcome
         */
        public static Applied now(Outcome outcome, @Nullable Ticket stay, @Nullable TicketId placeholder) {
            return new Applied(outcome, stay, placeholder, outcome);
        }
    }

    /**
     * Validates the effect.
     *
     * @param device a device id as described above
     * @param sequence at least 1
     * @param kind not null
     * @param stay not null
     * @param at not null
     * @param placeholders not null, without nulls; copied
     * @throws IllegalArgumentException if the device id is malformed (its text is not repeated in the message) or
     *     the sequence number is less than 1
     */
    public OfflineEffect {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(at, "at");
        placeholders = List.copyOf(placeholders);
        checkDevice(device);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
    }
}
