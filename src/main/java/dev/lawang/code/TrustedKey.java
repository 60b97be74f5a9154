package dev.lawang.code;

import java.security.PublicKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A public key on a trust list, with its key id and the optional window {@code [from, until)} it is trusted in. */
final class TrustedKey {
    final PublicKey key;
    final long keyId;
    final byte[] raw;
    final @Nullable Instant from;
    final @Nullable Instant until;

    TrustedKey(PublicKey key, @Nullable Instant from, @Nullable Instant until) {
        this.key = key;
        this.raw = Ed25519.rawPublicKey(key);
        this.keyId = Ed25519.keyId(key);
        this.from = from;
        this.until = until;
    }

    boolean trustedAt(Instant now) {
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }
}
