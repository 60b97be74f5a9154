package dev.lawang.code;

import java.util.Objects;

/**
 * The outcome of {@link Verifier#check(String, java.time.Instant)}: the code, or why the text does not verify.
 *
 * <p>A refused scan is an expected outcome at a gate, so it is a value here and costs no exception.
 * {@link Verifier#verify(String, java.time.Instant)} gives the same answers, with a {@link CodeException} for a
 * refusal.
 * Immutable and thread-safe.
 */
public sealed interface Verification permits Verification.Verified, Verification.Rejected {
    /**
     * The text verified.
     *
     * @param code the code the text carries; valid, trusted and not revoked at the instant of the check
     */
    record Verified(SharedCode code) implements Verification {
        /**
         * Creates the outcome.
         *
         * @param code the code; not null
         */
        public Verified {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The text does not verify.
     *
     * @param reason why; {@link CodeException.Reason#sentence()} words it for people
     * @param detail what failed, in plain English for operators: the offending field or value, never a secret or
     *     personal data, and of a foreign text at most its first 12 characters, escaped
     */
    record Rejected(CodeException.Reason reason, String detail) implements Verification {
        /**
         * Creates the outcome.
         *
         * @param reason why; not null
         * @param detail what failed; not null
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
