package dev.lawang.kiosk;

import dev.lawang.visit.TicketId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one upload of a kiosk's decisions did at the centre ({@link Sync#upload}): what was admitted offline, what
 * came back to the central ledger, and every conflict, kept and flagged, never dropped. A retried upload (after a
 * lost acknowledgement) applies nothing again, and reports the same conflicts again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param device the kiosk's device id
 * @param applied decisions applied by this upload
 * @param alreadyApplied decisions applied by an earlier upload, changing nothing now
 * @param admittedOffline admissions applied by this upload
 * @param returned places given back to the central ledger by this upload: placeholders released because their
 *     visit was already over or its visitor elsewhere, and the leases' unused places when they are given back
 * @param conflicts every conflict, in sequence order
 */
public record Reconciliation(String device, int applied, int alreadyApplied, int admittedOffline, int returned,
        List<Conflict> conflicts) {
    /**
     * Validates the report.
     *
     * @param device not null
     * @param applied not negative
     * @param alreadyApplied not negative
     * @param admittedOffline not negative
     * @param returned not negative
     * @param conflicts not null; copied
     * @throws IllegalArgumentException if a count is negative
     */
    public Reconciliation {
        Objects.requireNonNull(device, "device");
        conflicts = List.copyOf(conflicts);
        if (applied < 0 || alreadyApplied < 0 || admittedOffline < 0 || returned < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** What kind of conflict a decision met at the centre. */
    public enum Kind {
        /** The visitor was admitted elsewhere (another kiosk, or the central gate) over the same time. */
        SAME_VISITOR_ELSEWHERE,
        /** A check-out of a visit the centre had already closed (expired or moved). */
        CLOSED_BY_CENTRE,
        /**
         * An admission under a code the centre's trust list revokes, by id or by its site's cut-off; the admission
         * stands.
         */
        REVOKED_CODE,
        /** An admission without an open place of its lease left (given back or expired): not counted. */
        UNLEASED,
        /** The site is not in the centre's directory: not applied. */
        UNKNOWN_SITE,
        /** The decision's ticket id is already in use by another visit: not counted. */
        TICKET_IN_USE,
        /** The device and sequence number were applied before with another ticket: nothing applied. */
        MISMATCH
    }

    /**
     * One conflict.
     *
     * @param kind what kind
     * @param sequence the decision's sequence number
     * @param decision the decision, as the kiosk journaled it
     * @param other the other visit's ticket, for {@link Kind#SAME_VISITOR_ELSEWHERE} when known; otherwise null
     */
    public record Conflict(Kind kind, long sequence, OfflineDecision decision,
            @Nullable TicketId other) {
        /**
         * Validates the conflict.
         *
         * @param kind not null
         * @param sequence at least 1
         * @param decision not null
         * @param other the other ticket, or null
         * @throws IllegalArgumentException if {@code sequence} is less than 1
         */
        public Conflict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(decision, "decision");
            if (sequence < 1) {
                throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
            }
        }
    }

    /**
     * Returns the conflicts of one kind.
     *
     * @param kind the kind
     * @return those conflicts, in sequence order
     */
    public List<Conflict> conflicts(Kind kind) {
        return conflicts.stream().filter(c -> c.kind() == kind).toList();
    }
}
