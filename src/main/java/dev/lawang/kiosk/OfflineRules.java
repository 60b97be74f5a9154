package dev.lawang.kiosk;

import dev.lawang.CheckIn;
import dev.lawang.HealthRule;
import dev.lawang.LocationRule;
import dev.lawang.RefusalReason;
import dev.lawang.ScreeningProtocol;
import dev.lawang.WalkIn;
import dev.lawang.capacity.Limit;
import dev.lawang.code.SharedCode;
import dev.lawang.code.Verification;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.visit.Role;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The gate's checks before capacity, in the gate's order, as a kiosk makes them offline. */
final class OfflineRules {
    private OfflineRules() {
    }

    static long wallNanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /** Whether a limit is set and counts the role. */
    static boolean counts(Optional<Limit> limit, Role role) {
        return limit.isPresent() && limit.get().counts(role);
    }

    /** The gate's checks before capacity, for a walk-in. */
    static @Nullable RefusalReason walkIn(Directory directory, ScreeningProtocol screeningProtocol, WalkIn request) {
        Optional<Site> site = directory.site(request.site());
        if (site.isEmpty()) {
            return RefusalReason.UNKNOWN_SITE;
        }
        if (!site.get().hasTenant(request.agency())) {
            return RefusalReason.AGENCY_NOT_COVERED;
        }
        if (!screeningProtocol.passes(request.screening())) {
            return RefusalReason.SCREENING_FAILED;
        }
        return null;
    }

    /** The gate's checks of a verified code before capacity. */
    static @Nullable RefusalReason checkIn(Directory directory, HealthRule healthRule, LocationRule locationRule,
            SharedCode code, Verification.Channel channel, CheckIn request, Instant now) {
        Optional<Site> found = directory.site(code.site());
        if (found.isEmpty()) {
            return RefusalReason.UNKNOWN_SITE;
        }
        Site site = found.get();
        if (site.requiresRotatingCode() && channel != Verification.Channel.ROTATING_CODE) {
            return RefusalReason.ROTATING_CODE_REQUIRED;
        }
        if (!code.covers(request.agency())) {
            return RefusalReason.AGENCY_NOT_COVERED;
        }
        RefusalReason health = healthRule.check(request.status());
        if (health != null) {
            return health;
        }
        return locationRule.check(request.fix(), site.geofence(), now);
    }
}
