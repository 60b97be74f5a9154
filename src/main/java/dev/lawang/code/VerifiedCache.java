package dev.lawang.code;

import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of code texts whose signature has been verified, so that the many scans of one poster cost a hash
 * lookup instead of an Ed25519 verification.
 *
 * <p>Two-way set-associative: a text may sit in one of two neighbouring slots, a new entry takes a free one or evicts
 * the first. Slots are read and written without locks; that is safe because an {@link Entry} is immutable (final
 * fields), so a reader sees either a whole entry or an older one, and a lost write only costs a later re-verification.
 * Thread-safe.
 */
final class VerifiedCache {
    /**
     * A verified text, the outcome read from it (kept, so that a re-scan allocates nothing), and the trust list and key
     * it was verified under.
     */
    static final class Entry {
        final String text;
        final Verification.Verified verified;
        final TrustList trust;
        final TrustedKey key;
        /** For a rotating code, its grant; null for a printed code. */
        final @Nullable GrantEntry grant;
        /** For a rotating code, its step number. */
        final long step;

        Entry(String text, Verification.Verified verified, TrustList trust, TrustedKey key) {
            this(text, verified, trust, key, null, 0);
        }

        Entry(String text, Verification.Verified verified, TrustList trust, TrustedKey key,
                @Nullable GrantEntry grant, long step) {
            this.text = text;
            this.verified = verified;
            this.trust = trust;
            this.key = key;
            this.grant = grant;
            this.step = step;
        }
    }

    private static final int HASHED_CHARS = 32;

    private final @Nullable Entry[] slots;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final int mask;

    VerifiedCache(int capacity) {
        int size = capacity <= 0 ? 0 : Integer.highestOneBit(Math.max(2, capacity - 1) << 1);
        this.slots = new Entry[size];
        this.mask = size - 1;
    }

    @Nullable Entry get(String text) {
        if (slots.length == 0) {
            return null;
        }
        int i = index(text);
        Entry e = slots[i];
        if (e != null && e.text.equals(text)) {
            return e;
        }
        e = slots[i ^ 1];
        if (e != null && e.text.equals(text)) {
            return e;
        }
        return null;
    }

    void put(Entry entry) {
        if (slots.length == 0) {
            return;
        }
        int i = index(entry.text);
        Entry first = slots[i];
        if (first != null && !first.text.equals(entry.text) && slots[i ^ 1] == null) {
            slots[i ^ 1] = entry;
        } else {
            slots[i] = entry;
        }
    }

    int capacity() {
        return slots.length;
    }

    /** Counts a lookup that found a text verified under the trust list in use. */
    void hit() {
        hits.increment();
    }

    /** Counts a lookup that had to verify the signature. */
    void miss() {
        misses.increment();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /**
     * Hashes only the last 32 characters: they encode signature bytes, which differ between any two codes, and a
     * re-scan usually arrives as a new string whose full {@link String#hashCode()} would cost a pass over the text.
     */
    private int index(String text) {
        int h = 0;
        for (int i = Math.max(0, text.length() - HASHED_CHARS); i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        h ^= h >>> 16;
        return h & mask;
    }
}
