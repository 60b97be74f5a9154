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
    /** How a verified text came to the gate. */
    enum Channel {
        /** A printed code, version 1, signed by an authority key. */
        PRINTED_CODE,
        /** A rotating code, version 2, signed by a display under a grant of an authority key. */
        ROTATING_CODE,
        /** Another system's poster registered on the trust list: an exact text, with no signature behind it. */
        REGISTERED_FOREIGN_CODE
    }

    /**
     * The text verified.
     *
     * @param code the code the text carries; valid, trusted and not revoked at the instant of the check. For a
     *     rotating code, its grant's {@linkplain DisplayGrant#scope() scope}; for a registered foreign text, its
     *     binding
     * @param channel how the text came: a printed code, a rotating code or a registered foreign text
     */
    record Verified(SharedCode code, Channel channel) implements Verification {
        /**
         * Creates the outcome.
         *
         * @param code the code; not null
         * @param channel the channel; not null
         */
        public Verified {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(channel, "channel");
        }

        /**
         * Creates the outcome for a printed code.
         *
         * @param code the code; not null
         */
        public Verified(SharedCode code) {
            this(code, Channel.PRINTED_CODE);
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
