package dev.lawang.code;

import dev.lawang.directory.SiteId;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a verifier trusts: the public keys of the issuing authorities, each optionally limited to a window of time,
 * and what has been revoked, either single codes by id or every code of a site issued before a cut-off.
 *
 * <p>Several keys may be trusted at once, which is how keys are rotated: add the new key, issue new codes, and remove
 * the old key (or let its window end) once its codes have expired. A key's window {@code [from, until)} is compared
 * with the time of verification.
 *
 * <p>A trust list carries a version number so that systems can tell which list they run; {@link #toBuilder()} starts
 * the next version. Immutable and thread-safe.
 */
public final class TrustList {
    private final long version;
    private final Map<Long, TrustedKey> keys;
    private final Set<CodeId> revokedCodes;
    private final Map<SiteId, Instant> revokedBefore;

    private TrustList(Builder b) {
        this.version = b.version;
        Map<Long, TrustedKey> byId = new HashMap<>();
        for (TrustedKey k : b.keys.values()) {
            TrustedKey clash = byId.put(k.keyId, k);
            if (clash != null) {
                throw new IllegalArgumentException("two trusted keys share the key id "
                        + Long.toHexString(k.keyId) + "; remove one of them");
            }
        }
        this.keys = Collections.unmodifiableMap(byId);
        this.revokedCodes = Set.copyOf(b.revokedCodes);
        this.revokedBefore = Map.copyOf(b.revokedBefore);
    }

    /**
     * Starts an empty trust list of version 1.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the next version of this list: a builder holding the same keys and revocations, with the version number
     * one higher.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (TrustedKey k : keys.values()) {
            b.keys.put(new RawKey(k.raw), k);
        }
        b.revokedCodes.addAll(revokedCodes);
        b.revokedBefore.putAll(revokedBefore);
        b.version = Math.addExact(version, 1);
        return b;
    }

    /**
     * Returns the version number of this list.
     *
     * @return the version
     */
    public long version() {
        return version;
    }

    /**
     * Returns the trusted public keys.
     *
     * @return an unmodifiable list of the keys, in no particular order
     */
    public List<PublicKey> keys() {
        List<PublicKey> out = new ArrayList<>(keys.size());
        keys.values().forEach(k -> out.add(k.key));
        return Collections.unmodifiableList(out);
    }

    /**
     * Tells whether codes signed with a key are trusted at an instant.
     *
     * @param key the public key
     * @param at the instant of verification
     * @return whether the key is on the list and its window contains {@code at}
     */
    public boolean trusts(PublicKey key, Instant at) {
        Objects.requireNonNull(at, "at");
        TrustedKey k = keys.get(Ed25519.keyId(Objects.requireNonNull(key, "key")));
        return k != null && Arrays.equals(k.raw, Ed25519.rawPublicKey(key)) && k.trustedAt(at);
    }

    /**
     * Tells whether a code is revoked, by its id or because its site's codes issued before a cut-off are revoked.
     *
     * @param code the code
     * @return whether the code is revoked
     */
    public boolean isRevoked(SharedCode code) {
        if (revokedCodes.contains(code.id())) {
            return true;
        }
        Instant cutOff = revokedBefore.get(code.site());
        return cutOff != null && code.issuedAt().isBefore(cutOff);
    }

    /**
     * Returns the cut-off before which every code of a site is revoked, if any.
     *
     * @param site the site
     * @return the cut-off, or empty
     */
    public Optional<Instant> revokedBefore(SiteId site) {
        return Optional.ofNullable(revokedBefore.get(Objects.requireNonNull(site, "site")));
    }

    @Nullable TrustedKey key(long keyId) {
        return keys.get(keyId);
    }

    boolean hasRevocations() {
        return !revokedCodes.isEmpty() || !revokedBefore.isEmpty();
    }

    /**
     * Reads an Ed25519 public key from its DER-encoded X.509 SubjectPublicKeyInfo.
     *
     * @param der the DER bytes
     * @return the key
     * @throws IllegalArgumentException if the bytes are not an Ed25519 public key
     */
    public static PublicKey publicKeyFromX509(byte[] der) {
        return Ed25519.publicFromX509(der.clone());
    }

    /**
     * Reads an Ed25519 public key from a PEM block labelled {@code PUBLIC KEY}, as written by
     * {@link Issuer#publicKeyPem()} or {@code openssl pkey -pubout}.
     *
     * @param pem the text holding the PEM block
     * @return the key
     * @throws IllegalArgumentException if there is no such block or it holds no Ed25519 public key
     */
    public static PublicKey publicKeyFromPem(String pem) {
        return Ed25519.publicFromX509(Ed25519.fromPem(Objects.requireNonNull(pem, "pem"), "PUBLIC KEY"));
    }

    @Override
    public String toString() {
        return "TrustList[version=" + version + ", keys=" + keys.size() + ", revokedCodes=" + revokedCodes.size()
                + ", revokedSites=" + revokedBefore.keySet() + "]";
    }

    /** The raw bytes of a key, as a map key: trusting the same key twice replaces its window. */
    private record RawKey(String hex) {
        RawKey(byte[] raw) {
            this(java.util.HexFormat.of().formatHex(raw));
        }
    }

    /** Builds a {@link TrustList}. Not thread-safe; {@link #build()} copies the state, so a builder can be reused. */
    public static final class Builder {
        private long version = 1;
        private final Map<RawKey, TrustedKey> keys = new LinkedHashMap<>();
        private final Set<CodeId> revokedCodes = new HashSet<>();
        private final Map<SiteId, Instant> revokedBefore = new HashMap<>();

        private Builder() {}

        /**
         * Trusts a key at all times.
         *
         * @param key an Ed25519 public key
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 key
         */
        public Builder trust(PublicKey key) {
            TrustedKey k = new TrustedKey(Objects.requireNonNull(key, "key"), null, null);
            keys.put(new RawKey(k.raw), k);
            return this;
        }

        /**
         * Trusts a key within a window {@code [from, until)} of verification times, replacing any earlier window for
         * the same key.
         *
         * @param key an Ed25519 public key
         * @param from the first instant of trust (inclusive)
         * @param until the end of trust (exclusive)
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 key or the window is empty or reversed
         */
        public Builder trust(PublicKey key, Instant from, Instant until) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("key window [" + from + ", " + until + ") is empty or reversed");
            }
            TrustedKey k = new TrustedKey(Objects.requireNonNull(key, "key"), from, until);
            keys.put(new RawKey(k.raw), k);
            return this;
        }

        /**
         * Stops trusting a key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder distrust(PublicKey key) {
            keys.remove(new RawKey(Ed25519.rawPublicKey(Objects.requireNonNull(key, "key"))));
            return this;
        }

        /**
         * Revokes codes by id.
         *
         * @param ids the ids of the codes
         * @return this builder
         */
        public Builder revoke(CodeId... ids) {
            for (CodeId id : ids) {
                revokedCodes.add(Objects.requireNonNull(id, "id"));
            }
            return this;
        }

        /**
         * Revokes every code of a site issued before a cut-off, for example after a poster was copied. A later
         * cut-off for the same site replaces an earlier one.
         *
         * @param site the site
         * @param cutOff codes issued strictly before this instant are revoked
         * @return this builder
         */
        public Builder revokeSiteBefore(SiteId site, Instant cutOff) {
            revokedBefore.put(Objects.requireNonNull(site, "site"), Objects.requireNonNull(cutOff, "cutOff"));
            return this;
        }

        /**
         * Sets the version number.
         *
         * @param version the version, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public Builder version(long version) {
            if (version < 1) {
                throw new IllegalArgumentException("trust list version must be at least 1: " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * Builds the trust list.
         *
         * @return the list
         * @throws IllegalArgumentException if two different keys share a key id
         */
        public TrustList build() {
            return new TrustList(this);
        }
    }
}
