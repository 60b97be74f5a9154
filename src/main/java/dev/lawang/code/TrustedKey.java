package dev.lawang.code;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A public key on a trust list: its raw bytes, its key id, and when it is trusted, either at all times or within one
 * or more windows {@code [from, until)} of verification times, each of which counts. Immutable.
 */
final class TrustedKey {
    /** A window {@code [from, until)} of verification times; {@code from} is before {@code until}. */
    record Window(Instant from, Instant until) {
        boolean contains(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }

        @Override
        public String toString() {
            return "[" + from + ", " + until + ")";
        }
    }

    final PublicKey key;
    final long keyId;
    final byte[] raw;
    /** Whether the key is trusted at all times; then {@link #windows} does not matter. */
    final boolean always;
    final List<Window> windows;

    /**
     * Holds a key whose raw bytes have passed {@link Edwards25519#publicKeyProblem}.
     *
     * @param keyId the key id the list files the key under: {@link Ed25519#keyId} of the key, except where a test
     *     files two keys under one id to make a collision that no search would find in time
     */
    TrustedKey(PublicKey key, byte[] raw, long keyId, boolean always, List<Window> windows) {
        this.key = Objects.requireNonNull(key, "key");
        this.raw = raw;
        this.keyId = keyId;
        this.always = always;
        this.windows = List.copyOf(windows);
    }

    boolean trustedAt(Instant now) {
        if (always) {
            return true;
        }
        for (Window window : windows) {
            if (window.contains(now)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key is trusted for the whole of {@code [from, until)}: always, or within one of its windows. */
    boolean trustedThroughout(Instant from, Instant until) {
        if (always) {
            return true;
        }
        for (Window window : windows) {
            if (!from.isBefore(window.from) && !until.isAfter(window.until)) {
                return true;
            }
        }
        return false;
    }

    /** The windows of trust for messages about a key not trusted at some instant, so never one trusted always. */
    String trustedWhen() {
        StringBuilder out = new StringBuilder("only in ");
        for (int i = 0; i < windows.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(windows.get(i));
        }
        return out.toString();
    }
}
