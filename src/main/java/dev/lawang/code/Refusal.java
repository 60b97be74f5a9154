package dev.lawang.code;

import org.jspecify.annotations.Nullable;

/**
 * Where a decoding step records why it refused its input, so that refusing a text costs no exception and no stack
 * trace: a step that refuses records the reason and detail here and returns null, and its caller returns
 * {@link #rejected()}. One per check; not thread-safe.
 */
final class Refusal {
    private Verification.@Nullable Rejected rejected;

    /** Records a refusal with the reason {@link CodeException.Reason#MALFORMED}. */
    void malformed(String detail) {
        refuse(CodeException.Reason.MALFORMED, detail);
    }

    /** Records a refusal. */
    void refuse(CodeException.Reason reason, String detail) {
        rejected = new Verification.Rejected(reason, detail);
    }

    /**
     * Returns the refusal a step recorded.
     *
     * @throws IllegalStateException if no step recorded one, which is a bug in the step that returned null
     */
    Verification.Rejected rejected() {
        Verification.Rejected out = rejected;
        if (out == null) {
            throw new IllegalStateException("a decoding step returned no result and recorded no refusal");
        }
        return out;
    }
}
