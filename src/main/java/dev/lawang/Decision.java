package dev.lawang;

import dev.lawang.visit.Ticket;
import java.util.Objects;

/**
 * The outcome of a check-in or a walk-in: {@link Admitted} or {@link Refused}.
 *
 * <p>A refusal is an expected outcome, not an error: it recorded nothing. Immutable and thread-safe.
 */
public sealed interface Decision permits Decision.Admitted, Decision.Refused {
    /**
     * Tells whether the visitor was admitted.
     *
     * @return whether this is {@link Admitted}
     */
    boolean isAdmitted();

    /**
     * The visitor may enter.
     *
     * @param ticket the visitor's ticket
     * @param repeat whether the visitor already had this open visit (a second scan at the same site for the same
     *     agency): the ticket is the earlier one and nothing new was recorded or counted
     */
    record Admitted(Ticket ticket, boolean repeat) implements Decision {
        /**
         * Validates the outcome.
         *
         * @param ticket not null
         * @param repeat whether the stay was already open
         */
        public Admitted {
            Objects.requireNonNull(ticket, "ticket");
        }

        @Override
        public boolean isAdmitted() {
            return true;
        }
    }

    /**
     * The visitor may not enter; nothing was recorded or counted, and an open visit elsewhere stays open.
     *
     * @param reason why, for the host to act on and translate
     * @param detail an explanation in plain English for operators, without personal data
     */
    record Refused(RefusalReason reason, String detail) implements Decision {
        /**
         * Validates the outcome.
         *
         * @param reason not null
         * @param detail not null
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isAdmitted() {
            return false;
        }
    }
}
