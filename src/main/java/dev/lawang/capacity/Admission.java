package dev.lawang.capacity;

import dev.lawang.visit.Ticket;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link OccupancyLedger#admit(AdmitRequest)}: {@link Admitted} or {@link Refused}.
 *
 * <p>A refusal is an expected outcome, not an error: it changed nothing. Immutable and thread-safe.
 */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {
    /**
     * Tells whether the visitor is admitted.
     *
     * @return whether this is {@link Admitted}
     */
    boolean isAdmitted();

    /**
     * The limit that refused an admission. When several limits are exhausted at once, the ledger names the first in
     * this order: the site, the agency, then the daily quota (the site's quota before the agency's).
     */
    enum Reason {
        /** The site has as many people present as its limit allows. */
        SITE_FULL("The site has as many people present as its limit allows."),
        /** The agency has as many people present at the site as its limit allows. */
        AGENCY_FULL("The agency has as many people present at the site as its limit allows."),
        /** Today's face-to-face quota of the site or of the agency is used up. */
        DAILY_QUOTA_REACHED("Today's face-to-face quota is used up.");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        /**
         * Returns the reason in one plain English sentence, for operators and as a default text for visitors.
         *
         * @return the sentence
         */
        public String sentence() {
            return sentence;
        }
    }

    /**
     * The visitor has an open stay at the requested site and agency.
     *
     * @param ticket the open stay: the new one, or the existing one if {@code repeat}
     * @param repeat whether the stay was already open, so nothing was counted: a retry with the same ticket id, or
     *     the same visitor again at the same site and agency (then the ticket is the earlier one, and the earlier
     *     role is kept)
     * @param moved the visitor's stay elsewhere (another site, or another agency at the same site) that this
     *     admission closed in the same step, or {@code null} if there was none
     */
    record Admitted(Ticket ticket, boolean repeat, @Nullable Departure moved) implements Admission {
        /**
         * Validates the outcome.
         *
         * @param ticket not null
         * @param repeat whether the stay was already open
         * @param moved the stay closed elsewhere; {@code null} for a repeat
         * @throws IllegalArgumentException if a repeat claims to have moved the visitor
         */
        public Admitted {
            Objects.requireNonNull(ticket, "ticket");
            if (repeat && moved != null) {
                throw new IllegalArgumentException("a repeat admission moves nobody");
            }
        }

        @Override
        public boolean isAdmitted() {
            return true;
        }
    }

    /**
     * A limit refused the visitor; nothing was counted and any open stay elsewhere stays open.
     *
     * @param reason the limit that refused
     * @param count the people present, or admitted today, that the limit counted
     * @param limit the effective limit in force
     */
    record Refused(Reason reason, long count, int limit) implements Admission {
        /**
         * Validates the outcome.
         *
         * @param reason not null
         * @param count not negative
         * @param limit not negative
         * @throws IllegalArgumentException if a number is negative
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            if (count < 0 || limit < 0) {
                throw new IllegalArgumentException("count and limit must not be negative: " + count + ", " + limit);
            }
        }

        @Override
        public boolean isAdmitted() {
            return false;
        }
    }
}
