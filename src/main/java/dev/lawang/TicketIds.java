package dev.lawang;

import dev.lawang.visit.TicketId;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ticket ids of one gate: 64 random bits drawn when the gate is built, then a counter passed through a keyed
 * bijection, so ids are unique within the gate, differ between gates, and look random without a random draw per
 * check-in. Thread-safe.
 */
final class TicketIds {
    private final long prefix;
    private final long key;
    private final AtomicLong counter = new AtomicLong();

    TicketIds() {
        SecureRandom random = new SecureRandom();
        this.prefix = random.nextLong();
        this.key = random.nextLong();
    }

    TicketId next() {
        return TicketId.of(prefix, mix(counter.incrementAndGet() ^ key));
    }

    /** MurmurHash3's 64-bit finaliser: a bijection, so distinct counters give distinct ticket ids. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
