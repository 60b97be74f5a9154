package dev.lawang;

import dev.lawang.code.Verification;
import dev.lawang.directory.AgencyId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;

/** What a check-in or walk-in is about, and when it began (wall clock, and monotonic for its duration). */
record Call(VisitorRef visitor, AgencyId agency, Role role, boolean walkIn, Instant now, long startNanos) {
    /** The entry channel of a walk-in, or of a check-in through a code that came in by the verified channel. */
    EntryChannel channel(Verification.@org.jspecify.annotations.Nullable Channel verified) {
        if (walkIn || verified == null) {
            return EntryChannel.WALK_IN;
        }
        return switch (verified) {
            case PRINTED_CODE -> EntryChannel.PRINTED_CODE;
            case ROTATING_CODE -> EntryChannel.ROTATING_CODE;
            case REGISTERED_FOREIGN_CODE -> EntryChannel.REGISTERED_FOREIGN_CODE;
        };
    }

    Duration took() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
