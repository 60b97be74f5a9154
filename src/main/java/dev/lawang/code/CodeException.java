package dev.lawang.code;

import dev.lawang.LawangException;
import java.io.Serial;
import java.util.Objects;

/**
 * A code text that does not verify, with the {@link Reason} why.
 *
 * <p>Messages name the reason and the offending part of the text, but never secrets. Immutable and thread-safe.
 */
public final class CodeException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a code text does not verify. */
    public enum Reason {
        /**
         * The text is not a well-formed code: empty, too long, a wrong prefix, not canonical Base45, a wrong length,
         * trailing bytes, or a field out of range.
         */
        MALFORMED("The scanned text is not a valid Lawang code."),
        /** The text carries a payload format version this library does not know. */
        UNSUPPORTED_VERSION("The code's format version is not supported."),
        /** The code was signed with a key that the trust list does not trust at the time of verification. */
        UNKNOWN_KEY("The code is signed by a key that is not trusted."),
        /** The signature does not match the payload: the text was altered or forged. */
        BAD_SIGNATURE("The code's signature does not verify."),
        /** The code's validity window has not begun. */
        NOT_YET_VALID("The code is not valid yet."),
        /** The code's validity window has ended. */
        EXPIRED("The code has expired."),
        /** The code, or every code of its site issued before a cut-off, has been revoked. */
        REVOKED("The code has been revoked.");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        /**
         * Returns the reason in one plain English sentence.
         *
         * @return the sentence
         */
        public String sentence() {
            return sentence;
        }
    }

    /** Why the code does not verify. */
    private final Reason reason;

    CodeException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
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
