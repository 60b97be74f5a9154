package dev.lawang;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.testing.ThreeZones;
import java.time.Clock;

/** An in-memory ledger the host built itself and handed to the gate, as a host with its own ledger would. */
class GivenLedgerLocalDayTest extends LocalDayContract {
    @Override
    protected Gate gate(CapacityPolicy policy, Clock clock) {
        return ThreeZones.gate(clock).ledger(OccupancyLedger.inMemory(policy, clock)).build();
    }
}
