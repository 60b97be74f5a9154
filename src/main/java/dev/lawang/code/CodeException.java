package dev.lawang.code;

import dev.lawang.LawangException;
import java.io.Serial;
import java.util.Objects;

/**
 * A code text that does not verify, with the {@link Reason} why, thrown by {@link Verifier#verify}.
 * {@link Verifier#check} gives the same reason and detail as a {@link Verification.Rejected} value instead.
 *
 * <p>Messages are the reason's name, a colon and the detail: the offending part of the text, but never secrets.
 * Immutable and thread-safe.
 */
public final class CodeException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Why a code text does not verify. docs/payload-format.md, section 4, says in which order the checks run; the
     * first that fails decides the reason.
     */
    public enum Reason {
        /**
         * The text is not a well-formed code: empty, too long, a wrong prefix or a version not written as a decimal
         * number without leading zeros, not canonical Base45, a wrong length, trailing bytes, or a field out of range.
         */
        MALFORMED("The scanned text is not a valid Lawang code."),
        /** The text carries a payload format version other than 1. */
        UNSUPPORTED_VERSION("The code uses a format version that this system cannot read."),
        /** The code was signed with a key that the trust list does not trust at the time of verification. */
        UNKNOWN_KEY("The code is signed by a key that is not trusted."),
        /**
         * The signature does not match the payload under any trusted key with the code's key id, or its {@code R}
         * or {@code S} is not acceptable: the text was altered or forged.
         */
        BAD_SIGNATURE("The code's signature does not match: it was altered or forged."),
        /** The code's validity window has not begun, or the code's issue time is still to come. */
        NOT_YET_VALID("The code is not valid yet."),
        /** The code's validity window has ended. */
        EXPIRED("The code has expired."),
        /**
         * The code, or every code of its site issued before a cut-off, has been revoked; for a rotating code, its
         * display's grant.
         */
        REVOKED("The code has been revoked."),
        /**
         * A rotating code's step lies more than one step (and the skew allowance) before the gate's clock: a photo of
         * the screen relayed later, or a display whose clock runs slow. The detail says by how much.
         */
        STALE("The code on the screen is too old: scan the screen itself."),
        /**
         * A rotating code's step lies more than one step (and the skew allowance) after the gate's clock: a display
         * whose clock runs fast. The detail says by how much.
         */
        FROM_THE_FUTURE("The code is from a later time than this gate's clock: the display's clock is fast."),
        /** The text is another system's code, recognised by its shape, and not registered on the trust list. */
        FOREIGN_CODE("This is another system's code, not a Lawang code."),
        /**
         * A key is used in the wrong role: a rotating code signed by an authority key, a printed code signed by a
         * display key, or a grant for a key trusted as an authority key.
         */
        KEY_MISUSED("The code is signed by a key that is trusted for another purpose."),
        /** A rotating code's grant is valid beyond the trust of the authority key that signed it. */
        GRANT_OUTLIVES_KEY("The display's grant outlives the key that signed it.");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        /**
         * Returns the reason as one plain-English sentence for people, such as a visitor at a gate: the one wording
         * of this reason in the library. It names no code, key or value; the detail of a refusal does that.
         *
         * @return the sentence, starting with a capital letter and ending with a full stop
         */
        public String sentence() {
            return sentence;
        }
    }

    /** Why the code does not verify. */
    private final Reason reason;

    CodeException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /**
     * Returns why the code does not verify.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
