package dev.lawang.code;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies code texts against a {@link TrustList}, offline.
 *
 * <p>{@link #check(String, Instant)} returns the outcome as a value, {@link Verification.Verified} or
 * {@link Verification.Rejected}, and constructs no exception for a text that does not verify, so a refused scan costs
 * no stack trace; {@link #verify(String, Instant)} gives the same answers and throws a {@link CodeException} for a
 * refusal. The checks run in this order, and the first that fails decides the {@link CodeException.Reason}: the length
 * of the text (bounded before anything is decoded), the prefix and version, canonical Base45, the payload length, the
 * key id ({@code UNKNOWN_KEY}), the signature ({@code BAD_SIGNATURE}), the fields ({@code MALFORMED}), the validity
 * window and the issue time ({@code NOT_YET_VALID}, {@code EXPIRED}) and revocation ({@code REVOKED}). No field is read
 * before the signature has been verified. If two trusted keys share the code's key id, the code verifies under
 * whichever of them its signature matches; signed by one that is not trusted at the time, it is {@code UNKNOWN_KEY}.
 *
 * <p>Verified texts are cached in a bounded cache shared with verifiers made by {@link #withTrustList(TrustList)}:
 * the same poster is scanned by many visitors, and a repeated scan then costs a lookup instead of a signature
 * verification. Key trust, the validity window, the issue time and revocation are checked on every call.
 *
 * <p>Rotating codes (version 2, {@code LW2:}, shown by a {@link Display}) are checked by their display key id: a grant
 * on the trust list for it ({@code UNKNOWN_KEY}, or {@code KEY_MISUSED} for an authority key's id), the display's
 * signature ({@code BAD_SIGNATURE}), then on every call the grant's authority key ({@code UNKNOWN_KEY},
 * {@code GRANT_OUTLIVES_KEY}), the grant's window, its revocation, and the code's step against the instant of the
 * check: within one step either side, widened by the {@linkplain Builder#skew skew allowance}, or {@code STALE} or
 * {@code FROM_THE_FUTURE}. A verified rotating code gives its grant's scope, with
 * {@link Verification.Channel#ROTATING_CODE}. A printed code signed by a display key is {@code KEY_MISUSED}.
 *
 * <p>A text registered as another system's poster ({@link TrustList.Builder#registerForeign}) verifies as its binding
 * while the registration is valid and not revoked; another system's text that is not registered is
 * {@code FOREIGN_CODE} when its shape is known (docs/payload-format.md, "Other systems' codes").
 *
 * <p>Besides the plain code text, the verifier accepts the URL form of {@link Issuer#signAsUrl} when it is built with
 * the same prefix. Immutable and thread-safe.
 */
public final class Verifier {
    /** The default number of verified texts kept in the cache. */
    public static final int DEFAULT_CACHE_SIZE = 1024;
    /** The default skew allowance for rotating codes ({@link Builder#skew}): 30 seconds. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);
    private static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private final TrustList trust;
    private final @Nullable String urlPrefix;
    private final VerifiedCache cache;
    private final int maxInputLength;
    private final long skewMillis;

    private Verifier(TrustList trust, @Nullable String urlPrefix, VerifiedCache cache, long skewMillis) {
        this.trust = trust;
        this.urlPrefix = urlPrefix;
        this.cache = cache;
        this.skewMillis = skewMillis;
        this.maxInputLength = urlPrefix == null
                ? PayloadV1.MAX_TEXT_LENGTH
                : urlPrefix.length() + 3 * PayloadV1.MAX_TEXT_LENGTH;
    }

    /**
     * Returns a verifier for plain code texts with the default cache size.
     *
     * @param trust the trust list
     * @return the verifier
     */
    public static Verifier of(TrustList trust) {
        return builder(trust).build();
    }

    /**
     * Starts a verifier.
     *
     * @param trust the trust list
     * @return the builder
     */
    public static Builder builder(TrustList trust) {
        return new Builder(trust);
    }

    /**
     * Returns a verifier with another trust list, the same URL prefix, and the same cache, so that a new version of
     * the trust list does not make every code expensive again.
     *
     * @param trustList the new trust list
     * @return the verifier
     */
    public Verifier withTrustList(TrustList trustList) {
        return new Verifier(Objects.requireNonNull(trustList, "trustList"), urlPrefix, cache, skewMillis);
    }

    /**
     * Returns the trust list this verifier checks against.
     *
     * @return the trust list
     */
    public TrustList trustList() {
        return trust;
    }

    /**
     * Checks a code text, or its URL form, at an instant, without throwing for a text that does not verify.
     *
     * @param text the text read from the QR symbol; any text
     * @param now the instant of the scan
     * @return {@link Verification.Verified} with the code, or {@link Verification.Rejected} with the reason and a
     *     detail for operators
     */
    public Verification check(String text, Instant now) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        if (text.length() > maxInputLength) {
            return new Verification.Rejected(CodeException.Reason.MALFORMED, "text of " + text.length()
                    + " characters is longer than any code (at most " + maxInputLength + ")");
        }
        VerifiedCache.Entry hit = cache.get(text);
        if (hit != null && hit.trust == trust) {
            cache.hit();
            return live(hit, now);
        }
        return checkUncached(text, now, hit);
    }

    /** The rest of {@link #check}, apart so that the re-scan path above stays small enough to inline. */
    private Verification checkUncached(String text, Instant now, VerifiedCache.@Nullable Entry hit) {
        if (hit != null && hit.grant == null) {
            // verified under an earlier trust list: still good if the same key bytes are trusted now (a rotating
            // code is checked afresh instead, since its grant, not a trusted key, vouches for it)
            TrustedKey current = trust.sameKey(hit.key);
            if (current != null) {
                VerifiedCache.Entry moved = new VerifiedCache.Entry(text, hit.verified, trust, current);
                cache.put(moved);
                cache.hit();
                return live(moved, now);
            }
        }
        SharedCode registered = trust.foreign(text);
        if (registered != null) {
            return registered(registered, now);
        }
        Refusal refusal = new Refusal();
        String codeText = text;
        if (urlPrefix != null && text.startsWith(urlPrefix)) {
            codeText = CodeUrl.unwrap(urlPrefix, text, refusal);
            if (codeText == null) {
                return refusal.rejected();
            }
        }
        if (codeText.startsWith(PayloadV2.CODE_PREFIX)) {
            return RotatingCodes.check(text, codeText, now, trust, cache, skewMillis);
        }
        if (codeText.startsWith(PayloadV2.GRANT_PREFIX)) {
            return new Verification.Rejected(CodeException.Reason.MALFORMED,
                    "the text is a display grant, not a code: register it on the trust list");
        }
        byte[] bytes = PayloadV1.decode(codeText, refusal);
        if (bytes == null) {
            return refusal.rejected();
        }
        int signedLength = bytes.length - PayloadV1.SIGNATURE_LENGTH;
        long keyId = PayloadV1.keyId(bytes);
        TrustedKey[] candidates = trust.keys(keyId);
        if (candidates.length == 0) {
            if (trust.grants(keyId).length > 0) {
                return new Verification.Rejected(CodeException.Reason.KEY_MISUSED, "key id " + hex(keyId)
                        + " is a display key; a printed code is signed by an authority key");
            }
            return new Verification.Rejected(CodeException.Reason.UNKNOWN_KEY,
                    "no trusted key has the key id " + hex(keyId));
        }
        if (!anyTrustedAt(candidates, now)) {
            return untrustedAt(candidates[0], now);
        }
        String shape = Edwards25519.signatureProblem(bytes, signedLength);
        if (shape != null) {
            return new Verification.Rejected(CodeException.Reason.BAD_SIGNATURE,
                    shape + " (key id " + hex(keyId) + ")");
        }
        cache.miss();
        TrustedKey signer = signer(candidates, true, now, bytes, signedLength);
        if (signer == null) {
            // a key with this id that is not trusted now may have signed it: then it is the key that is refused
            TrustedKey untrusted = signer(candidates, false, now, bytes, signedLength);
            return untrusted != null ? untrustedAt(untrusted, now)
                    : new Verification.Rejected(CodeException.Reason.BAD_SIGNATURE,
                            "the signature does not match the payload for key id " + hex(keyId));
        }
        SharedCode code = PayloadV1.fields(bytes, refusal);
        if (code == null) {
            return refusal.rejected();
        }
        VerifiedCache.Entry entry = new VerifiedCache.Entry(text, new Verification.Verified(code), trust, signer);
        cache.put(entry);
        return live(entry, now);
    }

    /**
     * Verifies a code text, or its URL form, at an instant: {@link #check(String, Instant)}, with a refusal thrown.
     *
     * @param text the text read from the QR symbol
     * @param now the instant of the scan
     * @return the code
     * @throws CodeException with the reason the code does not verify and the detail as its message
     */
    public SharedCode verify(String text, Instant now) {
        Verification outcome = check(text, now);
        if (outcome instanceof Verification.Verified verified) {
            return verified.code();
        }
        Verification.Rejected rejected = (Verification.Rejected) outcome;
        throw new CodeException(rejected.reason(), rejected.detail());
    }

    /**
     * Returns how many scans found their text in the verified-text cache (shared with the verifiers made by
     * {@link #withTrustList}) and so cost no signature verification.
     *
     * @return the count since the cache was made
     */
    public long cacheHits() {
        return cache.hits();
    }

    /**
     * Returns how many scans verified a signature because their text was not in the cache, or the cache is off.
     *
     * @return the count since the cache was made
     */
    public long cacheMisses() {
        return cache.misses();
    }

    /** The checks that depend on the time and on the trust list, made on every call. */
    private Verification live(VerifiedCache.Entry entry, Instant now) {
        if (entry.grant != null) {
            return RotatingCodes.live(entry, trust, now, skewMillis);
        }
        if (!entry.key.trustedAt(now)) {
            return untrustedAt(entry.key, now);
        }
        SharedCode code = entry.verified.code();
        if (now.isBefore(code.validFrom())) {
            return new Verification.Rejected(CodeException.Reason.NOT_YET_VALID,
                    "code " + code.id() + " is valid from " + code.validFrom() + ", not at " + now);
        }
        if (now.isBefore(code.issuedAt())) {
            return new Verification.Rejected(CodeException.Reason.NOT_YET_VALID,
                    "code " + code.id() + " is issued at " + code.issuedAt() + " and not valid before, not at " + now);
        }
        if (!now.isBefore(code.validUntil())) {
            return new Verification.Rejected(CodeException.Reason.EXPIRED,
                    "code " + code.id() + " expired at " + code.validUntil() + ", before " + now);
        }
        if (trust.hasRevocations() && trust.isRevoked(code)) {
            return new Verification.Rejected(CodeException.Reason.REVOKED,
                    "code " + code.id() + " of site " + code.site() + " is revoked in trust list version "
                            + trust.version());
        }
        return entry.verified;
    }

    /** A registered foreign text: no signature, so only its window and revocation. */
    private Verification registered(SharedCode binding, Instant now) {
        if (!binding.isValidAt(now)) {
            return new Verification.Rejected(now.isBefore(binding.validFrom()) ? CodeException.Reason.NOT_YET_VALID
                    : CodeException.Reason.EXPIRED, "the registration " + binding.id() + " of a foreign poster is"
                            + " valid in [" + binding.validFrom() + ", " + binding.validUntil() + "), not at " + now);
        }
        if (trust.hasRevocations() && trust.isRevoked(binding)) {
            return new Verification.Rejected(CodeException.Reason.REVOKED, "the registration " + binding.id()
                    + " of a foreign poster is revoked in trust list version " + trust.version());
        }
        return new Verification.Verified(binding, Verification.Channel.REGISTERED_FOREIGN_CODE);
    }

    /** The first of the keys trusted now (if {@code trustedNow}, else not trusted now) that signed the bytes. */
    private static @Nullable TrustedKey signer(TrustedKey[] keys, boolean trustedNow, Instant now, byte[] bytes,
            int signedLength) {
        for (TrustedKey key : keys) {
            if (key.trustedAt(now) == trustedNow && Ed25519.verify(key.key, bytes, signedLength)) {
                return key;
            }
        }
        return null;
    }

    private static boolean anyTrustedAt(TrustedKey[] keys, Instant now) {
        for (TrustedKey key : keys) {
            if (key.trustedAt(now)) {
                return true;
            }
        }
        return false;
    }

    private static Verification.Rejected untrustedAt(TrustedKey key, Instant now) {
        return new Verification.Rejected(CodeException.Reason.UNKNOWN_KEY,
                "key id " + hex(key.keyId) + " is trusted " + key.trustedWhen() + ", not at " + now);
    }

    private static String hex(long keyId) {
        return String.format("%016x", keyId);
    }

    @Override
    public String toString() {
        return "Verifier[trust=" + trust + ", urlPrefix=" + urlPrefix + ", cacheSize=" + cache.capacity() + ", skew="
                + Duration.ofMillis(skewMillis) + "]";
    }

    /** Builds a {@link Verifier}. Not thread-safe; each {@link #build()} makes a verifier with its own cache. */
    public static final class Builder {
        private final TrustList trust;
        private @Nullable String urlPrefix;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private Duration skew = DEFAULT_SKEW;

        private Builder(TrustList trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
        }

        /**
         * Also accepts code texts in URL form after this prefix.
         *
         * @param urlPrefix the prefix, starting with {@code https://}, as given to {@link Issuer#signAsUrl}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is not an acceptable {@code https} prefix
         */
        public Builder urlPrefix(String urlPrefix) {
            this.urlPrefix = CodeUrl.checkPrefix(urlPrefix);
            return this;
        }

        /**
         * Sets how many verified texts the cache keeps; 0 turns the cache off. The cache rounds the size up to a
         * power of two.
         *
         * @param cacheSize the number of entries, 0 to 1,048,576
         * @return this builder
         * @throws IllegalArgumentException if {@code cacheSize} is out of range
         */
        public Builder cacheSize(int cacheSize) {
            if (cacheSize < 0 || cacheSize > 1 << 20) {
                throw new IllegalArgumentException("cache size must be 0 to 1048576: " + cacheSize);
            }
            this.cacheSize = cacheSize;
            return this;
        }

        /**
         * Sets the skew allowance for rotating codes: beyond one step either side of the gate's clock, how much
         * further a display's clock may be off before its code is refused as {@code STALE} or
         * {@code FROM_THE_FUTURE}. The longer it is, the older a relayed photo may be and still admit.
         *
         * @param skew the allowance, whole milliseconds from 0 to 10 minutes; {@link #DEFAULT_SKEW} if unset
         * @return this builder
         * @throws IllegalArgumentException if {@code skew} is negative, longer than 10 minutes, or has a fraction of a
         *     millisecond
         */
        public Builder skew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0 || !Duration.ofMillis(skew.toMillis()).equals(skew)) {
                throw new IllegalArgumentException("skew must be whole milliseconds from 0 to " + MAX_SKEW + ": "
                        + skew);
            }
            this.skew = skew;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         */
        public Verifier build() {
            return new Verifier(trust, urlPrefix, new VerifiedCache(cacheSize), skew.toMillis());
        }
    }
}
