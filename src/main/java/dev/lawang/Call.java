package dev.lawang;

import dev.lawang.code.Verification;
import dev.lawang.directory.AgencyId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a check-in or walk-in is about, and when it began (wall clock, and monotonic for its duration). */
record Call(VisitorRef visitor, AgencyId agency, Role role, boolean walkIn, Instant now, long startNanos) {
    /** The entry channel: the desk's for a walk-in (or without a verified code), else the verified code's. */
    EntryChannel channel(Verification.@Nullable Channel verified) {
        if (walkIn || verified == null) {
            return EntryChannel.WALK_IN;
        }
        return CheckIn.entryChannel(verified);
    }

    Duration took() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
