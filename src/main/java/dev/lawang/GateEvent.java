package dev.lawang;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something a gate did, as its {@link GateListener}s see it: a visitor admitted, a visitor refused, a visit checked
 * out, a stay expired.
 *
 * <p>Events carry no national id, code text, health status, screening result or position. Immutable and
 * thread-safe.
 */
public sealed interface GateEvent permits GateEvent.Admitted, GateEvent.Refused, GateEvent.CheckedOut,
        GateEvent.Expired {
    /**
     * Returns when it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * A visitor was admitted.
     *
     * @param visit the open visit
     * @param repeat whether it was a repeat scan of an open visit, which recorded nothing new
     * @param walkIn whether it was a walk-in screened by hand rather than a code check-in
     * @param at when
     * @param took how long the gate took to decide, from the call to the decision, on the JVM's monotonic clock
     */
    record Admitted(Visit visit, boolean repeat, boolean walkIn, Instant at, Duration took) implements GateEvent {
        /**
         * Validates the event.
         *
         * @param visit not null
         * @param repeat whether it was a repeat scan
         * @param walkIn whether it was a walk-in
         * @param at not null
         * @param took not null, not negative
         * @throws IllegalArgumentException if {@code took} is negative
         */
        public Admitted {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(at, "at");
            checkTook(took);
        }
    }

    /**
     * A visitor was refused; nothing was recorded.
     *
     * @param reason why
     * @param detail the explanation given with the decision
     * @param site the site, or {@code null} if the code could not be read or verified
     * @param agency the agency the visitor came for
     * @param role the role the visitor came as
     * @param visitor the visitor's pseudonym
     * @param walkIn whether it was a walk-in screened by hand rather than a code check-in
     * @param at when
     * @param took how long the gate took to decide, from the call to the decision, on the JVM's monotonic clock
     */
    record Refused(RefusalReason reason, String detail, @Nullable SiteId site, AgencyId agency, Role role,
            VisitorRef visitor, boolean walkIn, Instant at, Duration took) implements GateEvent {
        /**
         * Validates the event.
         *
         * @param reason not null
         * @param detail not null
         * @param site the site, or {@code null} if the code could not be read
         * @param agency not null
         * @param role not null
         * @param visitor not null
         * @param walkIn whether it was a walk-in
         * @param at not null
         * @param took not null, not negative
         * @throws IllegalArgumentException if {@code took} is negative
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(visitor, "visitor");
            Objects.requireNonNull(at, "at");
            checkTook(took);
        }
    }

    /**
     * A visit was closed by a check-out, or because the visitor checked in elsewhere.
     *
     * @param visit the closed visit
     * @param moved whether it closed because the visitor checked in elsewhere
     * @param at when
     */
    record CheckedOut(Visit visit, boolean moved, Instant at) implements GateEvent {
        /**
         * Validates the event.
         *
         * @param visit not null
         * @param moved whether the visitor checked in elsewhere
         * @param at not null
         */
        public CheckedOut {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A stay ran out and the gate checked the visitor out automatically.
     *
     * @param visit the closed visit; it ends when the stay was due
     * @param at when the gate noticed
     */
    record Expired(Visit visit, Instant at) implements GateEvent {
        /**
         * Validates the event.
         *
         * @param visit not null
         * @param at not null
         */
        public Expired {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(at, "at");
        }
    }

    private static void checkTook(Duration took) {
        Objects.requireNonNull(took, "took");
        if (took.isNegative()) {
            throw new IllegalArgumentException("a decision cannot take negative time: " + took);
        }
    }
}
