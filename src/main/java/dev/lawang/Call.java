package dev.lawang;

import dev.lawang.directory.AgencyId;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;

/** What a check-in or walk-in is about, and when it began (wall clock, and monotonic for its duration). */
record Call(VisitorRef visitor, AgencyId agency, Role role, boolean walkIn, Instant now, long startNanos) {
    Duration took() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
