package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An open visit as the ledger counts it: who is where since when, and when the stay runs out.
 *
 * <p>Instants are those of the ledger's clock, truncated to microseconds (the precision of a PostgreSQL timestamp),
 * so that every ledger reports the same values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param visitId the visit id chosen by the caller that opened it
 * @param site the site
 * @param agency the agency visited
 * @param role the role counted
 * @param start when it was admitted
 * @param due when the stay runs out and {@link OccupancyLedger#expire()} ends it
 */
public record Stay(UUID visitId, SiteId site, AgencyId agency, Role role, Instant start, Instant due) {
    /**
     * Validates the stay.
     *
     * @param visitId the record component of that name
     * @param site the record component of that name
     * @param agency the record component of that name
     * @param role the record component of that name
     * @param start the record component of that name
     * @param due the record component of that name
     * @throws IllegalArgumentException if {@code due} is before {@code start}
     */
    public Stay {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("stay must not be due before it starts: " + start + ", " + due);
        }
    }
}
