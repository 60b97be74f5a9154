package dev.lawang.capacity;

import dev.lawang.visit.TicketId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The offline decisions an {@link InMemoryLedger} has applied, by device and sequence number, with what sync needs
 * to apply the rest in any order: the tickets whose admissions and check-outs are applied.
 *
 * <p>Not thread-safe: the ledger guards it with its own monitor.
 */
final class OfflineRecords {
    private record Key(String device, long sequence) {
    }

    /** What was applied under a device and sequence number. */
    record Entry(TicketId ticket, OfflineEffect.Outcome outcome) {
    }

    private final Map<Key, Entry> applied = new HashMap<>();
    private final Set<TicketId> admitted = new HashSet<>();
    private final Map<TicketId, Instant> checkedOut = new HashMap<>();

    /** What was recorded under the device and sequence number, or null if nothing is. */
    @Nullable Entry applied(String device, long sequence) {
        return applied.get(new Key(device, sequence));
    }

    boolean admitted(TicketId ticket) {
        return admitted.contains(ticket);
    }

    /** When the ticket's check-out was decided, if it was applied. */
    @Nullable Instant checkedOut(TicketId ticket) {
        return checkedOut.get(ticket);
    }

    void record(OfflineEffect effect, OfflineEffect.Outcome outcome) {
        TicketId ticket = effect.stay().ticket();
        applied.put(new Key(effect.device(), effect.sequence()), new Entry(ticket, outcome));
        switch (effect.kind()) {
            case ADMISSION -> admitted.add(ticket);
            case CHECK_OUT -> checkedOut.putIfAbsent(ticket, effect.at());
            case REFUSAL -> { }
        }
    }
}
