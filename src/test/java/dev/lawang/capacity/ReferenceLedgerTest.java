package dev.lawang.capacity;

import java.time.Clock;

/** The reference meets the contract too, which keeps the contract and the reference honest with each other. */
class ReferenceLedgerTest extends OccupancyLedgerContract {
    @Override
    protected OccupancyLedger newLedger(CapacityPolicy policy, Clock clock) {
        return new ReferenceLedger(policy, clock);
    }
}
