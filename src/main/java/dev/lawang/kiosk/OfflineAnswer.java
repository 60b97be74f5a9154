package dev.lawang.kiosk;

import dev.lawang.Decision;
import java.util.Objects;

/**
 * What a kiosk answers offline: {@link Decided}, a decision on disk in its journal, or {@link Undecided}, when the
 * kiosk may not decide offline at all and the visitor must wait for the link or be sent to the central desk.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface OfflineAnswer permits OfflineAnswer.Decided, OfflineAnswer.Undecided {
    /**
     * The kiosk decided, and its journal holds the decision (a repeat, which changes nothing, is not journaled).
     *
     * @param decision the decision, as the gate would give it
     * @param clockJumped whether the kiosk's wall clock had jumped against its monotonic clock, so that the
     *     decision's instants may be wrong; the journal's record says so too
     */
    record Decided(Decision decision, boolean clockJumped) implements OfflineAnswer {
        /**
         * Validates the answer.
         *
         * @param decision not null
         * @param clockJumped whether the wall clock had jumped
         */
        public Decided {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * The kiosk may not decide offline; nothing was counted or journaled.
     *
     * @param reason why
     */
    record Undecided(Reason reason) implements OfflineAnswer {
        /**
         * Validates the answer.
         *
         * @param reason not null
         */
        public Undecided {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a kiosk may not decide offline. */
    enum Reason {
        /** The kiosk holds no lease for the site and agency asked for. */
        NO_LEASE,
        /** The lease for the site and agency has expired. */
        LEASE_EXPIRED,
        /** The kiosk's trust data (keys, revocations) is older than it may be. */
        TRUST_DATA_TOO_OLD
    }
}
