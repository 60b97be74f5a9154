package dev.lawang.code;

import java.util.List;

/**
 * A display grant registered on a trust list: the grant, whose signature was verified at registration, the raw
 * authority key that signed it, and the display key as a {@link TrustedKey} for the verified-text cache. Immutable.
 */
final class GrantEntry {
    static final GrantEntry[] NONE = new GrantEntry[0];

    final DisplayGrant grant;
    final byte[] authorityRaw;
    final TrustedKey displayKey;

    GrantEntry(DisplayGrant grant, byte[] authorityRaw) {
        this.grant = grant;
        this.authorityRaw = authorityRaw;
        this.displayKey = new TrustedKey(grant.displayKey(), Ed25519.rawPublicKey(grant.displayKey()),
                grant.displayKeyIdValue(), true, List.of());
    }
}
