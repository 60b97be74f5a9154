package dev.lawang.capacity;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link OccupancyLedger#admit(AdmitRequest)}: {@link Admitted} or {@link Refused}.
 *
 * <p>A refusal is an expected outcome, not an error: it changed nothing.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {
    /**
     * Tells whether the visitor is admitted.
     *
     * @return whether this is {@link Admitted}
     */
    boolean isAdmitted();

    /**
     * The visitor has an open visit at the requested site and agency.
     *
     * @param stay the open visit: the new one, or the existing one if {@code repeat}
     * @param repeat whether the visit was already open, so nothing was counted: a retry with the same visit id, or
     *     the same visitor again at the same site and agency (then {@code stay.visitId()} is the earlier visit's id,
     *     and the earlier role is kept)
     * @param moved the visitor's visit elsewhere (another site, or another agency at the same site) that this
     *     admission closed in the same step, or {@code null} if there was none
     */
    record Admitted(Stay stay, boolean repeat, @Nullable Departure moved) implements Admission {
        /**
         * Validates the outcome.
         *
         * @param stay the record component of that name
         * @param repeat the record component of that name
         * @param moved the record component of that name
         * @throws IllegalArgumentException if a repeat claims to have moved the visitor
         */
        public Admitted {
            Objects.requireNonNull(stay, "stay");
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
     * A limit refused the visitor; nothing was counted and any open visit elsewhere stays open.
     *
     * @param reason the limit that refused
     * @param count the people present, or admitted today, that the limit counted
     * @param limit the effective limit in force
     */
    record Refused(CapacityRefusal reason, long count, int limit) implements Admission {
        /**
         * Validates the outcome.
         *
         * @param reason the record component of that name
         * @param count the record component of that name
         * @param limit the record component of that name
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
