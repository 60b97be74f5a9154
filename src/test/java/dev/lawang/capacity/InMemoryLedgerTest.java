package dev.lawang.capacity;

import java.time.Clock;

class InMemoryLedgerTest extends OccupancyLedgerContract {
    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        return InMemoryLedger.of(policy, clock);
    }
}
