package dev.lawang.code;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies code texts against a {@link TrustList}, offline.
 *
 * <p>{@link #verify(String, Instant)} runs its checks in this order, and the first that fails decides the
 * {@link CodeException.Reason}: the length of the text (bounded before anything is decoded), the prefix and version,
 * canonical Base45, the payload length, the key id ({@code UNKNOWN_KEY}), the signature ({@code BAD_SIGNATURE}),
 * the fields ({@code MALFORMED}), the validity window ({@code NOT_YET_VALID}, {@code EXPIRED}) and revocation
 * ({@code REVOKED}). No field is read before the signature has been verified.
 *
 * <p>Verified texts are cached in a bounded cache shared with verifiers made by {@link #withTrustList(TrustList)}:
 * the same poster is scanned by many visitors, and a repeated scan then costs a lookup instead of a signature
 * verification. Key trust, the validity window and revocation are checked on every call.
 *
 * <p>Besides the plain code text, the verifier accepts the URL form of {@link Issuer#signAsUrl} when it is built with
 * the same prefix. Immutable and thread-safe.
 */
public final class Verifier {
    /** The default number of verified texts kept in the cache. */
    public static final int DEFAULT_CACHE_SIZE = 1024;

    private final TrustList trust;
    private final @Nullable String urlPrefix;
    private final VerifiedCache cache;
    private final int maxInputLength;

    private Verifier(TrustList trust, @Nullable String urlPrefix, VerifiedCache cache) {
        this.trust = trust;
        this.urlPrefix = urlPrefix;
        this.cache = cache;
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
     * @param trust the new trust list
     * @return the verifier
     */
    public Verifier withTrustList(TrustList trust) {
        return new Verifier(Objects.requireNonNull(trust, "trust"), urlPrefix, cache);
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
     * Verifies a code text, or its URL form, at an instant.
     *
     * @param text the text read from the QR symbol
     * @param now the instant of the scan
     * @return the code
     * @throws CodeException with the reason the code does not verify
     */
    public SharedCode verify(String text, Instant now) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(now, "now");
        if (text.length() > maxInputLength) {
            throw new CodeException(CodeException.Reason.MALFORMED, "text of " + text.length()
                    + " characters is longer than any code (at most " + maxInputLength + ")");
        }
        VerifiedCache.Entry hit = cache.get(text);
        if (hit != null) {
            if (hit.trust == trust) {
                return live(hit.code, hit.key, now);
            }
            // verified under an earlier trust list: still good if the same key bytes are trusted now
            TrustedKey current = trust.key(hit.key.keyId);
            if (current != null && Arrays.equals(current.raw, hit.key.raw)) {
                cache.put(new VerifiedCache.Entry(text, hit.code, trust, current));
                return live(hit.code, current, now);
            }
        }
        String codeText = urlPrefix != null && text.startsWith(urlPrefix) ? CodeUrl.unwrap(urlPrefix, text) : text;
        byte[] bytes = PayloadV1.decode(codeText);
        long keyId = PayloadV1.keyId(bytes);
        TrustedKey key = trust.key(keyId);
        if (key == null) {
            throw new CodeException(CodeException.Reason.UNKNOWN_KEY,
                    "no trusted key has the key id " + String.format("%016x", keyId));
        }
        if (!key.trustedAt(now)) {
            throw untrustedAt(key, now);
        }
        if (!Ed25519.verify(key.key, bytes, bytes.length - PayloadV1.SIGNATURE_LENGTH)) {
            throw new CodeException(CodeException.Reason.BAD_SIGNATURE,
                    "the signature does not match the payload for key id " + String.format("%016x", keyId));
        }
        SharedCode code = PayloadV1.fields(bytes);
        cache.put(new VerifiedCache.Entry(text, code, trust, key));
        return live(code, key, now);
    }

    /** The checks that depend on the time and on the trust list, made on every call. */
    private SharedCode live(SharedCode code, TrustedKey key, Instant now) {
        if (!key.trustedAt(now)) {
            throw untrustedAt(key, now);
        }
        if (now.isBefore(code.validFrom())) {
            throw new CodeException(CodeException.Reason.NOT_YET_VALID,
                    "code " + code.id() + " is valid from " + code.validFrom() + ", not at " + now);
        }
        if (!now.isBefore(code.validUntil())) {
            throw new CodeException(CodeException.Reason.EXPIRED,
                    "code " + code.id() + " expired at " + code.validUntil() + ", before " + now);
        }
        if (trust.hasRevocations() && trust.isRevoked(code)) {
            throw new CodeException(CodeException.Reason.REVOKED,
                    "code " + code.id() + " of site " + code.site() + " is revoked in trust list version "
                            + trust.version());
        }
        return code;
    }

    private static CodeException untrustedAt(TrustedKey key, Instant now) {
        return new CodeException(CodeException.Reason.UNKNOWN_KEY, "key id " + String.format("%016x", key.keyId)
                + " is trusted only in [" + key.from + ", " + key.until + "), not at " + now);
    }

    @Override
    public String toString() {
        return "Verifier[trust=" + trust + ", urlPrefix=" + urlPrefix + ", cacheSize=" + cache.capacity() + "]";
    }

    /** Builds a {@link Verifier}. Not thread-safe; each {@link #build()} makes a verifier with its own cache. */
    public static final class Builder {
        private final TrustList trust;
        private @Nullable String urlPrefix;
        private int cacheSize = DEFAULT_CACHE_SIZE;

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
         * @param entries the number of entries, 0 to 1,048,576
         * @return this builder
         * @throws IllegalArgumentException if {@code entries} is out of range
         */
        public Builder cacheSize(int entries) {
            if (entries < 0 || entries > 1 << 20) {
                throw new IllegalArgumentException("cache size must be 0 to 1048576: " + entries);
            }
            this.cacheSize = entries;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         */
        public Verifier build() {
            return new Verifier(trust, urlPrefix, new VerifiedCache(cacheSize));
        }
    }
}
