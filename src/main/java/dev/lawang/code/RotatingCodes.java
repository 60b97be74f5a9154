package dev.lawang.code;

import java.security.PublicKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's checks of a version-2 rotating code: the form, the display key id ({@code UNKNOWN_KEY}, or
 * {@code KEY_MISUSED} for an authority key's id), the display's signature ({@code BAD_SIGNATURE}), then on every scan
 * the grant's authority key ({@code UNKNOWN_KEY}, {@code GRANT_OUTLIVES_KEY}), the grant's window
 * ({@code NOT_YET_VALID}, {@code EXPIRED}), revocation ({@code REVOKED}) and the step against the gate's clock
 * ({@code FROM_THE_FUTURE}, {@code STALE}).
 */
final class RotatingCodes {
    private RotatingCodes() {}

    /**
     * Checks a code text that starts with {@link PayloadV2#CODE_PREFIX} and is not in the cache.
     *
     * @param text the text scanned, the cache's key
     * @param codeText the code text in it, {@code text} itself or what its URL form wraps
     */
    static Verification check(String text, String codeText, Instant now, TrustList trust, VerifiedCache cache,
            long skewMillis) {
        Refusal refusal = new Refusal();
        byte[] bytes = PayloadV2.decodeCode(codeText, refusal);
        if (bytes == null) {
            return refusal.rejected();
        }
        long keyId = PayloadV2.keyId(bytes);
        GrantEntry[] grants = trust.grants(keyId);
        if (grants.length == 0) {
            return trust.keys(keyId).length > 0
                    ? new Verification.Rejected(CodeException.Reason.KEY_MISUSED, "key id " + hex(keyId)
                            + " is an authority key; a rotating code is signed by a display key")
                    : new Verification.Rejected(CodeException.Reason.UNKNOWN_KEY,
                            "no display grant has the key id " + hex(keyId));
        }
        String shape = Edwards25519.signatureProblem(bytes, PayloadV2.CODE_SIGNED_LENGTH);
        if (shape != null) {
            return new Verification.Rejected(CodeException.Reason.BAD_SIGNATURE,
                    shape + " (display key id " + hex(keyId) + ")");
        }
        cache.miss();
        GrantEntry signer = signer(grants, bytes, now);
        if (signer == null) {
            return new Verification.Rejected(CodeException.Reason.BAD_SIGNATURE,
                    "the signature does not match the payload for display key id " + hex(keyId));
        }
        VerifiedCache.Entry entry = new VerifiedCache.Entry(text, new Verification.Verified(signer.grant.scope(),
                Verification.Channel.ROTATING_CODE), trust, signer.displayKey, signer, PayloadV2.step(bytes));
        cache.put(entry);
        return live(entry, trust, now, skewMillis);
    }

    /**
     * The grant that signed the code: of those whose display key signed it, the first valid now, else the first, so
     * that a display granted anew after its first grant expired is judged by the new one.
     */
    private static @Nullable GrantEntry signer(GrantEntry[] grants, byte[] bytes, Instant now) {
        GrantEntry first = null;
        PublicKey verified = null;
        PublicKey refused = null;
        for (GrantEntry g : grants) {
            PublicKey key = g.grant.displayKey();
            boolean signed = key.equals(verified)
                    || (!key.equals(refused) && Ed25519.verify(key, bytes, PayloadV2.CODE_SIGNED_LENGTH));
            if (!signed) {
                refused = key;
                continue;
            }
            verified = key;
            if (g.grant.scope().isValidAt(now)) {
                return g;
            }
            if (first == null) {
                first = g;
            }
        }
        return first;
    }

    /** The checks made on every scan of a rotating code, cached or not. */
    static Verification live(VerifiedCache.Entry entry, TrustList trust, Instant now, long skewMillis) {
        GrantEntry g = entry.grant;
        if (g == null) {
            throw new IllegalStateException("not a rotating code's entry");
        }
        DisplayGrant grant = g.grant;
        SharedCode scope = grant.scope();
        TrustedKey authority = trust.key(g.authorityRaw);
        if (authority == null || !authority.trustedAt(now)) {
            return new Verification.Rejected(CodeException.Reason.UNKNOWN_KEY, "authority key id "
                    + grant.authorityKeyId() + " of grant " + grant.id() + " is not trusted at " + now);
        }
        if (!authority.trustedThroughout(scope.validFrom(), scope.validUntil())) {
            return new Verification.Rejected(CodeException.Reason.GRANT_OUTLIVES_KEY, "grant " + grant.id()
                    + " is valid in [" + scope.validFrom() + ", " + scope.validUntil() + ") but authority key id "
                    + grant.authorityKeyId() + " is trusted " + authority.trustedWhen());
        }
        if (now.isBefore(scope.validFrom())) {
            return new Verification.Rejected(CodeException.Reason.NOT_YET_VALID,
                    "grant " + grant.id() + " is valid from " + scope.validFrom() + ", not at " + now);
        }
        if (!now.isBefore(scope.validUntil())) {
            return new Verification.Rejected(CodeException.Reason.EXPIRED,
                    "grant " + grant.id() + " expired at " + scope.validUntil() + ", before " + now);
        }
        if (trust.hasRevocations() && trust.isRevoked(scope)) {
            return new Verification.Rejected(CodeException.Reason.REVOKED, "grant " + grant.id() + " of site "
                    + scope.site() + " is revoked in trust list version " + trust.version());
        }
        return fresh(entry, grant.stepSeconds(), now, skewMillis);
    }

    /**
     * Accepts the code if the gate's clock lies within one step of the code's step, widened by the skew allowance on
     * each side: a display shows step n while its clock is in [n S, (n + 1) S), so the gate accepts it while its own
     * clock is in [(n - 1) S - skew, (n + 2) S + skew).
     */
    private static Verification fresh(VerifiedCache.Entry entry, int stepSeconds, Instant now, long skewMillis) {
        long stepMillis = stepSeconds * 1000L;
        long shownFrom = entry.step * stepMillis;
        long shownUntil = shownFrom + stepMillis;
        long nowMillis = now.toEpochMilli();
        if (nowMillis >= shownFrom - stepMillis - skewMillis && nowMillis < shownUntil + stepMillis + skewMillis) {
            return entry.verified;
        }
        String allowance = "(allowed: one step of " + stepSeconds + " s and a skew of " + skewMillis / 1000.0
                + " s)";
        if (nowMillis < shownFrom) {
            return new Verification.Rejected(CodeException.Reason.FROM_THE_FUTURE, "step " + entry.step
                    + " is shown from " + Instant.ofEpochMilli(shownFrom) + "; the display's clock seems "
                    + seconds(shownFrom - nowMillis) + " to " + seconds(shownUntil - nowMillis)
                    + " s ahead of the gate's " + allowance);
        }
        return new Verification.Rejected(CodeException.Reason.STALE, "step " + entry.step + " was shown until "
                + Instant.ofEpochMilli(shownUntil) + ", " + seconds(nowMillis - shownUntil)
                + " s before the gate's clock: a photo relayed later, or a display clock " + seconds(nowMillis
                - shownUntil) + " to " + seconds(nowMillis - shownFrom) + " s behind " + allowance);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    private static String hex(long keyId) {
        return String.format("%016x", keyId);
    }
}
