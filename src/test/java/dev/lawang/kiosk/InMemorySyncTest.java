package dev.lawang.kiosk;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import java.time.Clock;

/** The sync contract on the in-memory ledger, with an in-memory visit log beside it. */
class InMemorySyncTest extends SyncContract {
    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        return OccupancyLedger.inMemory(policy, clock);
    }
}
