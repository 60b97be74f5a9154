package dev.lawang.code;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A display grant: an authority's signed statement that a display (a screen at one site's door) may show rotating
 * codes for that site and some of its agencies, within a validity window, signed with the display's own key. Made by
 * {@link Issuer#grantDisplay}, registered with {@link TrustList.Builder#grant(DisplayGrant)}, and used by a
 * {@link Display} to show its codes (docs/payload-format.md, version 2).
 *
 * <p>{@link #parse} checks the text's form and fields, not its signature: the trust list checks that against the
 * authority's key. Immutable and thread-safe.
 */
public final class DisplayGrant {
    /** The default step: a display shows a new code every 60 seconds. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(60);
    /** The shortest step, 15 seconds. */
    public static final Duration MIN_STEP = Duration.ofSeconds(PayloadV2.MIN_STEP_SECONDS);
    /** The longest step, 1024 seconds. */
    public static final Duration MAX_STEP = Duration.ofSeconds(PayloadV2.MAX_STEP_SECONDS);

    private final String text;
    private final byte[] bytes;
    private final SharedCode scope;
    private final int stepSeconds;
    private final PublicKey displayKey;
    private final long displayKeyId;

    private DisplayGrant(String text, byte[] bytes, SharedCode scope, int stepSeconds, PublicKey displayKey) {
        this.text = text;
        this.bytes = bytes;
        this.scope = scope;
        this.stepSeconds = stepSeconds;
        this.displayKey = displayKey;
        this.displayKeyId = Ed25519.keyId(displayKey);
    }

    /**
     * Reads a grant from its text, {@code LW2G:} followed by Base45.
     *
     * @param text the grant text
     * @return the grant, its signature not yet checked
     * @throws CodeException with the reason {@link CodeException.Reason#MALFORMED} if the text is not a well-formed
     *     grant: a wrong prefix, not canonical Base45, a wrong length, a step outside 15 to 1024 seconds, an empty
     *     window, a display key that cannot be trusted, or ids that break the rules of version 1
     */
    public static DisplayGrant parse(String text) {
        Objects.requireNonNull(text, "text");
        Refusal refusal = new Refusal();
        DisplayGrant grant = read(text, refusal);
        if (grant == null) {
            Verification.Rejected rejected = refusal.rejected();
            throw new CodeException(rejected.reason(), rejected.detail());
        }
        return grant;
    }

    private static @Nullable DisplayGrant read(String text, Refusal refusal) {
        byte[] bytes = PayloadV2.decodeGrant(text, refusal);
        if (bytes == null) {
            return null;
        }
        int step = PayloadV2.stepSeconds(bytes);
        if (step < PayloadV2.MIN_STEP_SECONDS || step > PayloadV2.MAX_STEP_SECONDS) {
            refusal.malformed("step of " + step + " s is outside " + PayloadV2.MIN_STEP_SECONDS + " to "
                    + PayloadV2.MAX_STEP_SECONDS + " s");
            return null;
        }
        Instant from = PayloadV2.validFrom(bytes);
        Instant until = PayloadV2.validUntil(bytes);
        if (!from.isBefore(until)) {
            refusal.malformed("grant window [" + from + ", " + until + ") is empty or reversed");
            return null;
        }
        byte[] raw = Arrays.copyOfRange(bytes, PayloadV2.DISPLAY_KEY_OFFSET,
                PayloadV2.DISPLAY_KEY_OFFSET + Ed25519.RAW_KEY_LENGTH);
        String problem = Edwards25519.publicKeyProblem(raw);
        if (problem != null) {
            refusal.malformed("the display key cannot be trusted: " + problem);
            return null;
        }
        PayloadV1.Ids ids = PayloadV1.ids(bytes, PayloadV2.COUNT_OFFSET, PayloadV2.IDS_OFFSET,
                bytes.length - PayloadV1.SIGNATURE_LENGTH, refusal);
        if (ids == null) {
            return null;
        }
        SharedCode scope = new SharedCode(CodeId.fromBytes(bytes, PayloadV2.GRANT_ID_OFFSET), ids.site(),
                ids.agencies(), from, from, until);
        return new DisplayGrant(text, bytes, scope, step, Ed25519.publicFromRaw(raw));
    }

    /**
     * Returns the grant's id, by which a trust list revokes it ({@link TrustList.Builder#revoke}).
     *
     * @return the id
     */
    public CodeId id() {
        return scope.id();
    }

    /**
     * Returns what the display's codes admit to: the site, the agencies, and the grant's window as the window of
     * validity. Its id is the grant's id and its issue time the start of the window, so that
     * {@link TrustList.Builder#revokeSiteBefore} revokes grants whose window began before the cut-off.
     *
     * @return the scope
     */
    public SharedCode scope() {
        return scope;
    }

    /**
     * Returns how long the display shows each code.
     *
     * @return the step, whole seconds from 15 to 1024
     */
    public Duration step() {
        return Duration.ofSeconds(stepSeconds);
    }

    /**
     * Returns the display's public key.
     *
     * @return the Ed25519 key
     */
    public PublicKey displayKey() {
        return displayKey;
    }

    /**
     * Returns the key id the display's codes carry: the first 8 bytes of SHA-256 over its raw public key, as 16
     * lower-case hexadecimal digits.
     *
     * @return the display key id
     */
    public String displayKeyId() {
        return HexFormat.of().toHexDigits(displayKeyId);
    }

    /**
     * Returns the key id of the authority key that signed the grant, as 16 lower-case hexadecimal digits.
     *
     * @return the authority key id
     */
    public String authorityKeyId() {
        return HexFormat.of().toHexDigits(authorityKeyIdValue());
    }

    /**
     * Returns the grant's text.
     *
     * @return {@code LW2G:} followed by Base45
     */
    public String text() {
        return text;
    }

    long displayKeyIdValue() {
        return displayKeyId;
    }

    long authorityKeyIdValue() {
        return PayloadV2.keyId(bytes);
    }

    int stepSeconds() {
        return stepSeconds;
    }

    /** Whether the authority key signed this grant. */
    boolean signedBy(PublicKey authority) {
        return Edwards25519.signatureProblem(bytes, bytes.length - PayloadV1.SIGNATURE_LENGTH) == null
                && Ed25519.verify(authority, bytes, bytes.length - PayloadV1.SIGNATURE_LENGTH);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DisplayGrant other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "DisplayGrant[id=" + id() + ", site=" + scope.site() + ", agencies=" + scope.agencies() + ", valid=["
                + scope.validFrom() + ", " + scope.validUntil() + "), step=" + stepSeconds + "s, displayKeyId="
                + displayKeyId() + "]";
    }
}
