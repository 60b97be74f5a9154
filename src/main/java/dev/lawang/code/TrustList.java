package dev.lawang.code;

import dev.lawang.directory.SiteId;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a verifier trusts: the public keys of the issuing authorities, each at all times or within windows of time,
 * and what has been revoked, either single codes by id or every code of a site issued before a cut-off.
 *
 * <p>Several keys may be trusted at once, which is how keys are rotated: add the new key, issue new codes, and remove
 * the old key (or let its window end) once its codes have expired. A key's windows {@code [from, until)} are compared
 * with the time of verification; a key trusted more than once is trusted in every window it was given. Two different
 * keys may share a key id (the first 8 bytes of a hash, so only by a deliberate search); a code with that key id
 * verifies if its signature matches either of them.
 *
 * <p>Only keys that RFC 8032 key generation can produce are trusted: the canonical encoding of a point on the curve in
 * the subgroup of prime order. Keys of small order, or with a small-order component, are refused
 * (docs/payload-format.md, "Ed25519").
 *
 * <p>A trust list carries a version number so that systems can tell which list they run; {@link #toBuilder()} starts
 * the next version. Immutable and thread-safe.
 */
public final class TrustList {
    private static final TrustedKey[] NO_KEYS = new TrustedKey[0];

    private final long version;
    private final Map<Long, TrustedKey[]> byKeyId;
    private final Map<RawKey, TrustedKey> byRaw;
    private final Set<CodeId> revokedCodes;
    private final Map<SiteId, Instant> revokedBefore;
    private final Map<CodeId, GrantEntry> grants;
    private final Map<Long, GrantEntry[]> grantsByDisplayKeyId;
    private final Map<String, SharedCode> foreign;

    private TrustList(Builder b) {
        this.version = b.version;
        Map<Long, List<TrustedKey>> grouped = new HashMap<>();
        Map<RawKey, TrustedKey> raw = new LinkedHashMap<>();
        for (Map.Entry<RawKey, Pending> e : b.keys.entrySet()) {
            TrustedKey k = e.getValue().toTrustedKey();
            grouped.computeIfAbsent(k.keyId, id -> new ArrayList<>(1)).add(k);
            raw.put(e.getKey(), k);
        }
        Map<Long, TrustedKey[]> byId = new HashMap<>();
        grouped.forEach((id, list) -> byId.put(id, list.toArray(NO_KEYS)));
        this.byKeyId = Collections.unmodifiableMap(byId);
        this.byRaw = Collections.unmodifiableMap(raw);
        this.revokedCodes = Set.copyOf(b.revokedCodes);
        this.revokedBefore = Map.copyOf(b.revokedBefore);
        this.grants = Collections.unmodifiableMap(new LinkedHashMap<>(b.grants));
        Map<Long, List<GrantEntry>> byDisplay = new HashMap<>();
        for (GrantEntry g : grants.values()) {
            byDisplay.computeIfAbsent(g.grant.displayKeyIdValue(), id -> new ArrayList<>(1)).add(g);
        }
        Map<Long, GrantEntry[]> displays = new HashMap<>();
        byDisplay.forEach((id, list) -> displays.put(id, list.toArray(new GrantEntry[0])));
        this.grantsByDisplayKeyId = Collections.unmodifiableMap(displays);
        this.foreign = Map.copyOf(b.foreign);
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
     * Starts the next version of this list: a builder holding the same keys with the same windows and the same
     * revocations, with the version number one higher.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        byRaw.forEach((raw, k) -> b.keys.put(raw, new Pending(k)));
        b.revokedCodes.addAll(revokedCodes);
        b.revokedBefore.putAll(revokedBefore);
        b.grants.putAll(grants);
        b.foreign.putAll(foreign);
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
     * Returns the trusted public keys, each once however many windows it has.
     *
     * @return an unmodifiable list of the keys, in the order they were first trusted
     */
    public List<PublicKey> keys() {
        List<PublicKey> out = new ArrayList<>(byRaw.size());
        byRaw.values().forEach(k -> out.add(k.key));
        return Collections.unmodifiableList(out);
    }

    /**
     * Tells whether codes signed with a key are trusted at an instant.
     *
     * @param key the public key
     * @param at the instant of verification
     * @return whether the key is on the list and trusted at all times or in a window that contains {@code at}
     */
    public boolean trusts(PublicKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        TrustedKey k = byRaw.get(new RawKey(Ed25519.rawPublicKey(key)));
        return k != null && k.trustedAt(at);
    }

    /**
     * Tells whether a code is revoked, by its id or because its site's codes issued before a cut-off are revoked.
     *
     * @param code the code
     * @return whether the code is revoked
     */
    public boolean isRevoked(SharedCode code) {
        Objects.requireNonNull(code, "code");
        return isRevoked(code.id(), code.site(), code.issuedAt());
    }

    /**
     * Tells whether the code with this id, site and issue time is revoked: by its id, or because its site's codes
     * issued strictly before a cut-off are revoked. This is {@link #isRevoked(SharedCode)} for a holder of what a
     * code names, not the code itself, such as a kiosk's journal.
     *
     * @param id the code's id ({@link SharedCode#id()}); for a rotating code its grant's, for a registered foreign
     *     text its binding's
     * @param site the code's site
     * @param issuedAt the code's issue time
     * @return whether the code is revoked
     */
    public boolean isRevoked(CodeId id, SiteId site, Instant issuedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (revokedCodes.contains(id)) {
            return true;
        }
        Instant cutOff = revokedBefore.get(site);
        return cutOff != null && issuedAt.isBefore(cutOff);
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

    /**
     * Returns the registered display grants, revoked or not.
     *
     * @return an unmodifiable list, in the order the grants were registered
     */
    public List<DisplayGrant> grants() {
        List<DisplayGrant> out = new ArrayList<>(grants.size());
        grants.values().forEach(g -> out.add(g.grant));
        return Collections.unmodifiableList(out);
    }

    /** The grants registered for a display key id; usually none or one. */
    GrantEntry[] grants(long displayKeyId) {
        GrantEntry[] found = grantsByDisplayKeyId.get(displayKeyId);
        return found != null ? found : GrantEntry.NONE;
    }

    /** The registration of a foreign poster's exact text, or null. */
    @Nullable SharedCode foreign(String text) {
        return foreign.isEmpty() ? null : foreign.get(text);
    }

    /** The trusted keys filed under a key id, trusted now or not; usually none or one. */
    TrustedKey[] keys(long keyId) {
        TrustedKey[] found = byKeyId.get(keyId);
        return found != null ? found : NO_KEYS;
    }

    /** This list's entry for raw key bytes, or null. */
    @Nullable TrustedKey key(byte[] raw) {
        return byRaw.get(new RawKey(raw));
    }

    /** This list's entry for the same key bytes as {@code key}, which may come from another list. */
    @Nullable TrustedKey sameKey(TrustedKey key) {
        return byRaw.get(new RawKey(key.raw));
    }

    boolean hasRevocations() {
        return !revokedCodes.isEmpty() || !revokedBefore.isEmpty();
    }

    /**
     * Reads an Ed25519 public key from its DER-encoded X.509 SubjectPublicKeyInfo.
     *
     * @param der the DER bytes
     * @return the key
     * @throws IllegalArgumentException if the bytes are not an Ed25519 public key that can be trusted: not the
     *     canonical encoding of a point on the curve in the subgroup of prime order
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
     * @throws IllegalArgumentException if there is no such block or it holds no Ed25519 public key that can be trusted
     */
    public static PublicKey publicKeyFromPem(String pem) {
        return Ed25519.publicFromX509(Ed25519.fromPem(Objects.requireNonNull(pem, "pem"), "PUBLIC KEY"));
    }

    @Override
    public String toString() {
        return "TrustList[version=" + version + ", keys=" + byRaw.size() + ", revokedCodes=" + revokedCodes.size()
                + ", revokedSites=" + revokedBefore.keySet() + "]";
    }

    /** The raw bytes of a key, as a map key. */
    private record RawKey(String hex) {
        RawKey(byte[] raw) {
            this(HexFormat.of().formatHex(raw));
        }
    }

    /** A key being trusted, with the windows given so far. */
    private static final class Pending {
        final PublicKey key;
        final byte[] raw;
        final long keyId;
        boolean always;
        final List<TrustedKey.Window> windows = new ArrayList<>();

        Pending(PublicKey key, byte[] raw, long keyId) {
            this.key = key;
            this.raw = raw;
            this.keyId = keyId;
        }

        Pending(TrustedKey k) {
            this(k.key, k.raw, k.keyId);
            this.always = k.always;
            this.windows.addAll(k.windows);
        }

        TrustedKey toTrustedKey() {
            return new TrustedKey(key, raw, keyId, always, windows);
        }
    }

    /** Builds a {@link TrustList}. Not thread-safe; {@link #build()} copies the state, so a builder can be reused. */
    public static final class Builder {
        private long version = 1;
        private final Map<RawKey, Pending> keys = new LinkedHashMap<>();
        private final Set<CodeId> revokedCodes = new HashSet<>();
        private final Map<SiteId, Instant> revokedBefore = new HashMap<>();
        private final Map<CodeId, GrantEntry> grants = new LinkedHashMap<>();
        private final Map<String, SharedCode> foreign = new HashMap<>();

        private Builder() {}

        /**
         * Registers a display grant, so that the display's rotating codes verify. Trust the authority key that signed
         * it first: its signature is checked here, against the keys this builder trusts. Whether the authority key is
         * trusted, and trusted for the whole of the grant's window, is checked at every scan; a grant whose window
         * outlives its authority key is refused then ({@link CodeException.Reason#GRANT_OUTLIVES_KEY}). Revoke a
         * grant with {@link #revoke} and its {@link DisplayGrant#id()}; registering a grant with the id of one already
         * registered replaces it.
         *
         * @param grant the grant
         * @return this builder
         * @throws CodeException with the reason {@link CodeException.Reason#UNKNOWN_KEY} if no key in this builder has
         *     the grant's authority key id, {@link CodeException.Reason#BAD_SIGNATURE} if none of them signed it, or
         *     {@link CodeException.Reason#KEY_MISUSED} if the display key is one this builder trusts as an authority
         *     key; the builder is then unchanged
         */
        public Builder grant(DisplayGrant grant) {
            Objects.requireNonNull(grant, "grant");
            if (keys.containsKey(new RawKey(Ed25519.rawPublicKey(grant.displayKey())))) {
                throw new CodeException(CodeException.Reason.KEY_MISUSED, "the display key " + grant.displayKeyId()
                        + " of grant " + grant.id() + " is trusted as an authority key");
            }
            boolean known = false;
            for (Pending p : keys.values()) {
                if (p.keyId == grant.authorityKeyIdValue()) {
                    known = true;
                    if (grant.signedBy(p.key)) {
                        grants.put(grant.id(), new GrantEntry(grant, p.raw));
                        return this;
                    }
                }
            }
            throw new CodeException(known ? CodeException.Reason.BAD_SIGNATURE : CodeException.Reason.UNKNOWN_KEY,
                    (known ? "no trusted key with the key id " + grant.authorityKeyId() + " signed grant "
                            : "no trusted key has the key id " + grant.authorityKeyId() + " of grant ") + grant.id());
        }

        /**
         * Registers another system's poster, so that its exact text admits like a code during a move to Lawang. No
         * signature stands behind such a text: anyone who has seen the poster can copy it, so register only posters
         * that hang where a host checks visitors, and let the registration expire soon. A registered text verifies as
         * the binding, with {@link Verification.Channel#REGISTERED_FOREIGN_CODE}; revoke it with {@link #revoke} and
         * the binding's id. Registering the same text again replaces its binding.
         *
         * @param text the poster's exact text, as a scanner reads it; not a Lawang code
         * @param binding the site and agencies the text admits to, and the window of the registration
         * @return this builder
         * @throws IllegalArgumentException if the text is empty, longer than any QR symbol holds at level M, or starts
         *     with {@code LW} followed by a digit (the shape of a Lawang code)
         */
        public Builder registerForeign(String text, SharedCode binding) {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(binding, "binding");
            if (text.isEmpty() || text.length() > PayloadV1.MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("a foreign poster's text has 1 to " + PayloadV1.MAX_TEXT_LENGTH
                        + " characters, not " + text.length());
            }
            if (text.length() > 2 && text.startsWith("LW") && Character.isDigit(text.charAt(2))) {
                throw new IllegalArgumentException("'" + PayloadV1.head(text) + "' has the shape of a Lawang code,"
                        + " which verifies by its signature; register only another system's text");
            }
            foreign.put(text, binding);
            return this;
        }

        /**
         * Trusts a key at all times.
         *
         * @param key an Ed25519 public key
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 key, or not one that can be trusted: not the
         *     canonical encoding of a point on the curve in the subgroup of prime order
         */
        public Builder trust(PublicKey key) {
            pending(Objects.requireNonNull(key, "key"), Ed25519.keyId(key)).always = true;
            return this;
        }

        /**
         * Trusts a key within a window {@code [from, until)} of verification times. A key trusted more than once is
         * trusted in each of its windows, and at all times once {@link #trust(PublicKey)} was called for it.
         *
         * @param key an Ed25519 public key
         * @param from the first instant of trust (inclusive)
         * @param until the end of trust (exclusive)
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 key or not one that can be trusted, or the
         *     window is empty or reversed
         */
        public Builder trust(PublicKey key, Instant from, Instant until) {
            Objects.requireNonNull(key, "key");
            return trust(key, Ed25519.keyId(key), from, until);
        }

        /**
         * {@link #trust(PublicKey, Instant, Instant)} with the key filed under a given key id, which the public methods
         * compute from the key; a test gives two keys one id to make a collision that no search would find in time.
         */
        Builder trust(PublicKey key, long keyId, Instant from, Instant until) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("key window [" + from + ", " + until + ") is empty or reversed");
            }
            pending(key, keyId).windows.add(new TrustedKey.Window(from, until));
            return this;
        }

        private Pending pending(PublicKey key, long keyId) {
            byte[] raw = Ed25519.rawPublicKey(key);
            RawKey id = new RawKey(raw);
            Pending known = keys.get(id);
            if (known != null) {
                return known;
            }
            String problem = Edwards25519.publicKeyProblem(raw);
            if (problem != null) {
                throw new IllegalArgumentException("the Ed25519 key " + id.hex() + " cannot be trusted: " + problem);
            }
            Pending fresh = new Pending(key, raw, keyId);
            keys.put(id, fresh);
            return fresh;
        }

        /**
         * Stops trusting a key, in every window.
         *
         * @param key the key
         * @return this builder
         */
        public Builder distrust(PublicKey key) {
            keys.remove(new RawKey(Ed25519.rawPublicKey(Objects.requireNonNull(key, "key"))));
            return this;
        }

        /**
         * Revokes codes by id; display grants ({@link DisplayGrant#id()}) and foreign registrations (their binding's
         * id) are revoked the same way.
         *
         * @param ids the ids of the codes, grants or registrations
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
         * cut-off for the same site replaces an earlier one. The issue time is the one the code states; since no code
         * is valid before its issue time, a code cannot state a later one to stay valid now and escape the cut-off.
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
         */
        public TrustList build() {
            return new TrustList(this);
        }
    }
}
