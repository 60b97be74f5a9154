package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The service provider interface of the shared counts: who is present where, and how many were admitted today.
 *
 * <p>A ledger holds a {@link CapacityPolicy} and a clock (its own time source: the system clock, or the database's
 * clock for a shared ledger); callers pass no instants, so one clock orders every count. If that clock moves
 * backwards, the ledger acts as if time stood still at the latest instant it saw: a local day never rolls back and
 * no visit ends before it started.
 *
 * <p>Every implementation must be safe for use by many threads (and, for shared ledgers, many processes) and must
 * pass the contract test suite {@code OccupancyLedgerContract}. The rules it enforces:
 * <ul>
 *   <li>{@link #admit} checks every applicable limit (site, agency, the site's and the agency's daily quota) and
 *       counts atomically: all or nothing.</li>
 *   <li>One open visit per visitor key. Admitting a visitor with an open visit elsewhere closes that visit in the
 *       same step (and frees its place before the new place is checked, when both are at the same site); a
 *       refusal leaves it open. Admitting the same visitor again at the same site and agency returns the open
 *       visit without counting. Repeating a request with the visit id of an open visit returns that visit.</li>
 *   <li>Lowering a limit never closes a visit; new admissions are refused until the count is below the limit.</li>
 *   <li>A visit closes at most once.</li>
 * </ul>
 */
public interface OccupancyLedger {
    /**
     * Admits a visitor, or refuses with the limit that is reached.
     *
     * @param request who, where, as what, under which visit id
     * @return {@link Admission.Admitted} or {@link Admission.Refused}
     * @throws IllegalArgumentException if {@code request.visitId()} is the id of an open visit with another
     *     visitor, site, agency or role
     */
    Admission admit(AdmitRequest request);

    /**
     * Closes an open visit: the visitor checked out.
     *
     * @param visitId the visit id
     * @return the departure, or empty if no visit with that id is open (unknown, or already closed): a no-op
     */
    Optional<Departure> release(UUID visitId);

    /**
     * Closes every open visit whose stay has run out ({@link Stay#due()} at or before the ledger's clock).
     *
     * @return the visits closed, each exactly once over all calls, in no particular order
     */
    List<Departure> expire();

    /**
     * Reads the counts of a site, all agencies together, under the site's limits.
     *
     * @param site the site; one the ledger has never seen reads as empty
     * @return the occupancy
     */
    Occupancy read(SiteId site);

    /**
     * Reads the counts of one agency at a site, under the agency's limits.
     *
     * @param site the site
     * @param agency the agency; one the ledger has never seen at the site reads as empty
     * @return the occupancy
     */
    Occupancy read(SiteId site, AgencyId agency);

    /**
     * Returns the policy in force.
     *
     * @return the policy
     */
    CapacityPolicy policy();

    /**
     * Replaces the policy. It applies to admissions and reads from now on; nobody is evicted, and today's counts
     * are kept.
     *
     * @param policy the new policy
     */
    void policy(CapacityPolicy policy);
}
