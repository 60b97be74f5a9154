package dev.lawang;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.testing.ThreeZones;
import java.time.Clock;

/** The gate's default ledger, built from the policy. */
class DefaultLedgerLocalDayTest extends LocalDayContract {
    @Override
    protected Gate gate(CapacityPolicy policy, Clock clock) {
        return ThreeZones.gate(clock).policy(policy).build();
    }
}
