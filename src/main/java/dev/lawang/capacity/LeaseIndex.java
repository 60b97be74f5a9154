package dev.lawang.capacity;

import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A hash set of open leases under one key (the ticket id, or the visitor), built for memory: open addressing with
 * linear probing in plain arrays, one reference per slot and no entry objects. Lock striping keeps it concurrent:
 * a lease's key picks one of {@value #SEGMENTS} segments, each with its own lock, held only for one probe and never
 * while taking another lock. Lookups first probe without locking and keep the result only if no write to the
 * segment happened meanwhile (an optimistic read), so the common lookup takes no lock at all.
 *
 * <p>Thread-safe.
 */
abstract class LeaseIndex {
    private static final int SEGMENT_BITS = 8;
    static final int SEGMENTS = 1 << SEGMENT_BITS;
    private static final int INITIAL_SLOTS = 16;

    private final Segment[] segments = new Segment[SEGMENTS];

    LeaseIndex() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** Guarded by itself: written under the write lock, read optimistically or under the read lock. */
    @SuppressWarnings("serial")
    static final class Segment extends StampedLock {
        Lease[] slots = new Lease[INITIAL_SLOTS];
        int size;
    }

    abstract int hashOf(Lease lease);

    abstract boolean sameKey(Lease a, Lease b);

    /** Murmur3's finaliser: spreads key hashes so both the high bits (segment) and the low bits (slot) vary. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    final Segment segment(int hash) {
        return segments[hash >>> (Integer.SIZE - SEGMENT_BITS)];
    }

    /** Inserts the lease unless one with the same key is present. */
    final boolean putIfAbsent(Lease lease) {
        int hash = hashOf(lease);
        Segment segment = segment(hash);
        long stamp = segment.writeLock();
        try {
            Lease[] slots = segment.slots;
            int mask = slots.length - 1;
            int i = hash & mask;
            for (Lease e; (e = slots[i]) != null; i = (i + 1) & mask) {
                if (sameKey(e, lease)) {
                    return false;
                }
            }
            slots[i] = lease;
            if (++segment.size * 2 > slots.length) {
                grow(segment);
            }
            return true;
        } finally {
            segment.unlockWrite(stamp);
        }
    }

    /** Puts {@code replacement} in the place of {@code current} (same key); false if {@code current} is absent. */
    final boolean replace(Lease current, Lease replacement) {
        int hash = hashOf(current);
        Segment segment = segment(hash);
        long stamp = segment.writeLock();
        try {
            Lease[] slots = segment.slots;
            int mask = slots.length - 1;
            for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
                if (slots[i] == current) {
                    slots[i] = replacement;
                    return true;
                }
            }
            return false;
        } finally {
            segment.unlockWrite(stamp);
        }
    }

    /** Removes this very lease; false if it is absent. */
    final boolean remove(Lease lease) {
        int hash = hashOf(lease);
        Segment segment = segment(hash);
        long stamp = segment.writeLock();
        try {
            Lease[] slots = segment.slots;
            int mask = slots.length - 1;
            for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
                if (slots[i] == lease) {
                    deleteAt(slots, i);
                    segment.size--;
                    return true;
                }
            }
            return false;
        } finally {
            segment.unlockWrite(stamp);
        }
    }

    /** Visits every lease, one segment at a time under its lock; the action must not take other locks. */
    final void forEach(Consumer<Lease> action) {
        for (Segment segment : segments) {
            long stamp = segment.readLock();
            try {
                for (Lease lease : segment.slots) {
                    if (lease != null) {
                        action.accept(lease);
                    }
                }
            } finally {
                segment.unlockRead(stamp);
            }
        }
    }

    final int size() {
        int size = 0;
        for (Segment segment : segments) {
            long stamp = segment.readLock();
            try {
                size += segment.size;
            } finally {
                segment.unlockRead(stamp);
            }
        }
        return size;
    }

    /** Backward-shift deletion (Knuth's algorithm R): no tombstones, so probes stay short after many removals. */
    private void deleteAt(Lease[] slots, int hole) {
        int mask = slots.length - 1;
        int i = hole;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            Lease e = slots[j];
            if (e == null) {
                break;
            }
            int home = hashOf(e) & mask;
            boolean homeBetween = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!homeBetween) {
                slots[i] = e;
                i = j;
            }
        }
        slots[i] = null;
    }

    private void grow(Segment segment) {
        Lease[] old = segment.slots;
        Lease[] slots = new Lease[old.length * 2];
        int mask = slots.length - 1;
        for (Lease e : old) {
            if (e != null) {
                int i = hashOf(e) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = e;
            }
        }
        segment.slots = slots;
    }

    /** Open leases by ticket id. */
    static final class ById extends LeaseIndex {
        @Override
        int hashOf(Lease lease) {
            return hash(lease.idHigh, lease.idLow);
        }

        @Override
        boolean sameKey(Lease a, Lease b) {
            return a.hasId(b.idHigh, b.idLow);
        }

        private static int hash(long high, long low) {
            return mix(Long.hashCode(high * 31 + low));
        }

        @Nullable Lease get(TicketId id) {
            long high = id.high();
            long low = id.low();
            int hash = hash(high, low);
            Segment segment = segment(hash);
            long stamp = segment.tryOptimisticRead();
            if (stamp != 0) {
                Lease found = find(segment.slots, hash, high, low);
                if (segment.validate(stamp)) {
                    return found;
                }
            }
            stamp = segment.readLock();
            try {
                return find(segment.slots, hash, high, low);
            } finally {
                segment.unlockRead(stamp);
            }
        }

        /** Probes at most every slot once, as a racy read may see a changing table; the caller validates. */
        private static @Nullable Lease find(Lease[] slots, int hash, long high, long low) {
            int mask = slots.length - 1;
            for (int n = 0, i = hash & mask; n < slots.length; n++, i = (i + 1) & mask) {
                Lease e = slots[i];
                if (e == null) {
                    return null;
                }
                if (e.hasId(high, low)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** Open leases by visitor: at most one per visitor. */
    static final class ByVisitor extends LeaseIndex {
        @Override
        int hashOf(Lease lease) {
            return mix(lease.visitor.hashCode());
        }

        @Override
        boolean sameKey(Lease a, Lease b) {
            return a.visitor.equals(b.visitor);
        }

        @Nullable Lease get(VisitorRef visitor) {
            int hash = mix(visitor.hashCode());
            Segment segment = segment(hash);
            long stamp = segment.tryOptimisticRead();
            if (stamp != 0) {
                Lease found = find(segment.slots, hash, visitor);
                if (segment.validate(stamp)) {
                    return found;
                }
            }
            stamp = segment.readLock();
            try {
                return find(segment.slots, hash, visitor);
            } finally {
                segment.unlockRead(stamp);
            }
        }

        /** Probes at most every slot once, as a racy read may see a changing table; the caller validates. */
        private static @Nullable Lease find(Lease[] slots, int hash, VisitorRef visitor) {
            int mask = slots.length - 1;
            for (int n = 0, i = hash & mask; n < slots.length; n++, i = (i + 1) & mask) {
                Lease e = slots[i];
                if (e == null) {
                    return null;
                }
                if (e.visitor.equals(visitor)) {
                    return e;
                }
            }
            return null;
        }
    }
}
