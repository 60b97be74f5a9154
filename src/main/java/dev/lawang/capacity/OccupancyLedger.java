package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service provider interface of the shared counts: who is present where, and how many were admitted today.
 *
 * <p>A ledger holds a {@link CapacityPolicy} and a clock (its own time source: the system clock, or the database's
 * clock for a shared ledger); callers pass no instants, so one clock orders every count. If that clock moves
 * backwards, the ledger acts as if time stood still at the latest instant it saw: a local day never rolls back and
 * no stay ends before it began. A ledger keeps no time zones: each admission and each read names the site's zone
 * (from the directory), whose local calendar day the daily quotas and levels count.
 *
 * <p>Every implementation must be safe for use by many threads (and, for shared ledgers, many processes) and must
 * pass the contract test suite {@code OccupancyLedgerContract}. The rules it enforces:
 * <ul>
 *   <li>{@link #admit} checks every applicable limit (site, agency, the site's and the agency's daily quota) and
 *       counts atomically: all or nothing.</li>
 *   <li>One open stay per visitor. Admitting a visitor with an open stay elsewhere closes that stay in the same step
 *       (and frees its place before the new place is checked, when both are at the same site); a refusal leaves it
 *       open. Admitting the same visitor again at the same site and agency returns the open stay without counting.
 *       Repeating a request with the ticket id of an open stay returns that stay.</li>
 *   <li>Lowering a limit never closes a stay; new admissions are refused until the count is below the limit.</li>
 *   <li>A stay closes at most once.</li>
 * </ul>
 *
 * <p>Most hosts never call a ledger themselves: a {@code Gate} does, under the per-visitor lock that keeps the
 * ledger and the visit log in agreement.
 */
public interface OccupancyLedger {
    /**
     * Returns a new, empty ledger in the memory of this process: the default of a gate.
     *
     * <p>Thread-safe without a global lock: admissions at different sites run in parallel, and all limits of one
     * admission are checked and counted under the lock of its site. Counts of a site are kept from its first
     * admission for the life of the ledger; instants are truncated to microseconds. See {@code docs/capacity.md}.
     *
     * @param policy the capacity rules
     * @param clock the clock that times admissions, departures, stays and days
     * @return the ledger
     */
    static OccupancyLedger inMemory(CapacityPolicy policy, Clock clock) {
        return InMemoryLedger.of(policy, clock);
    }

    /**
     * Admits a visitor, or refuses with the limit that is reached.
     *
     * <p>The new stay's ticket carries the request's entry channel, and so do the departures and open stays the
     * ledger reports for it later; a repeat returns the stay as admitted, with the channel it came in through.
     *
     * @param request who, where, in which zone, as what, through which channel, under which ticket id
     * @return {@link Admission.Admitted} or {@link Admission.Refused}
     * @throws IllegalArgumentException if {@code request.ticket()} is the id of an open stay with another visitor,
     *     site, agency or role
     */
    Admission admit(AdmitRequest request);

    /**
     * Admits as {@link #admit} does, with the new stay due at an instant asked for instead of after the policy's
     * default stay: a kiosk's leased places ({@code dev.lawang.kiosk.Lease}) are due when the lease ends. The instant
     * is brought between the stay's start and {@link CapacityPolicy#MAX_STAY} after it; a repeat returns the open
     * stay as it is. The default, for ledgers that cannot choose a stay's end, admits as {@link #admit} does: the
     * ticket returned says when the stay is due either way.
     *
     * @param request who, where, in which zone, as what, through which channel, under which ticket id
     * @param due when the new stay is due
     * @return {@link Admission.Admitted} or {@link Admission.Refused}
     * @throws IllegalArgumentException as {@link #admit} does
     */
    default Admission admitUntil(AdmitRequest request, Instant due) {
        Objects.requireNonNull(due, "due");
        return admit(request);
    }

    /**
     * Closes an open stay: the visitor checked out.
     *
     * @param ticket the ticket id
     * @return the departure, or empty if no stay with that id is open (unknown, or already closed): a no-op
     */
    Optional<Departure> release(TicketId ticket);

    /**
     * Closes an open stay that stood for a place never used, such as a kiosk's leased place given back unused, and
     * takes its admission off the count of the site's local day in {@code zone} if that day is not over: its place
     * in the day's quota comes back, as its place present does. The default, for ledgers that cannot un-count an
     * admission, only releases it ({@link #release}); the quota place stays spent.
     *
     * @param ticket the ticket id
     * @param zone the site's time zone, which gives the day the admission counted against
     * @return the departure, or empty if no stay with that id is open: a no-op
     */
    default Optional<Departure> releaseUnused(TicketId ticket, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return release(ticket);
    }

    /**
     * Closes every open stay that has run out ({@code ticket.due()} at or before the ledger's clock). A stay admitted
     * through {@link dev.lawang.visit.EntryChannel#LEASED} (a kiosk's leased place that no offline visit took) is
     * closed as a place never used: if the local day its admission counted against is not over, the admission comes
     * off that day's count, as with {@link #releaseUnused}.
     *
     * @return the stays closed, each exactly once over all calls, in no particular order
     */
    List<Departure> expire();

    /**
     * Reads the counts of a site, all agencies together, under the site's limits.
     *
     * @param site the site; one the ledger has never seen reads as empty
     * @param zone the site's time zone, whose local day "today" is
     * @return the occupancy
     */
    Occupancy read(SiteId site, ZoneId zone);

    /**
     * Reads the counts of one agency at a site, under the agency's limits.
     *
     * @param site the site
     * @param agency the agency; one the ledger has never seen at the site reads as empty
     * @param zone the site's time zone, whose local day "today" is
     * @return the occupancy
     */
    Occupancy read(SiteId site, AgencyId agency, ZoneId zone);

    /**
     * Returns the visit log this ledger writes itself, in the same atomic step as its counts, if it keeps one: then
     * each admission opens the visit of its ticket (and closes the visitor's open visit elsewhere, at the moment of
     * the move), each release closes it at the departure, and each expiry closes it at the moment the stay was due.
     * A gate given such a ledger writes no visit itself, so ledger and log agree after a crash at any moment.
     *
     * <p>The default is empty: the visits live elsewhere, and the gate writes them in a separate step.
     *
     * @return the visit log kept with the counts, or empty
     */
    default Optional<VisitLog> visitLog() {
        return Optional.empty();
    }

    /**
     * Returns the open stays that began before an instant, for the recovery of a gate whose visit log lives apart
     * from the ledger.
     *
     * @param startedBefore only stays with {@code in} strictly before this instant
     * @return the stays, in no particular order
     */
    List<Ticket> openStays(Instant startedBefore);

    /**
     * Settles what a crash left between the counts and the visit log this ledger keeps ({@link #visitLog()}), for
     * stays and visits begun before an instant: a visit open without a stay is closed, a stay without an open visit
     * gets its visit or, if its visitor is elsewhere or its visit was closed, is released. The default, for a ledger
     * that keeps no visit log, settles nothing.
     *
     * @param startedBefore only what began strictly before this instant (later ones may be check-ins under way)
     * @return what was settled
     */
    default Settlement settle(Instant startedBefore) {
        return Settlement.NONE;
    }

    /**
     * What a recovery settled.
     *
     * @param visitsClosed open visits without a stay that were closed
     * @param visitsOpened stays without a visit that got one
     * @param staysReleased stays without a visit that were released
     */
    record Settlement(int visitsClosed, int visitsOpened, int staysReleased) {
        /** Nothing settled. */
        public static final Settlement NONE = new Settlement(0, 0, 0);

        /**
         * Validates the counts.
         *
         * @param visitsClosed not negative
         * @param visitsOpened not negative
         * @param staysReleased not negative
         * @throws IllegalArgumentException if a count is negative
         */
        public Settlement {
            if (visitsClosed < 0 || visitsOpened < 0 || staysReleased < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + visitsClosed + ", "
                        + visitsOpened + ", " + staysReleased);
            }
        }

        /**
         * Tells whether anything was settled.
         *
         * @return whether a count is positive
         */
        public boolean settledAny() {
            return visitsClosed + visitsOpened + staysReleased > 0;
        }
    }

    /**
     * Applies one decision a kiosk took offline, once per device and sequence number, in one atomic step with the
     * record that it was applied, kept in the same store as the counts (docs/offline.md, "Sync"). In order:
     *
     * <ul>
     *   <li>A device and sequence number applied before: {@code ALREADY_APPLIED} if with the same ticket, otherwise
     *       {@code MISMATCH}; nothing changes either way.
     *   <li>A refusal is recorded ({@code RECORDED}).
     *   <li>A check-out whose admission was applied closes the stay ({@code RELEASED}), or finds it closed by the
     *       centre ({@code NOT_OPEN}); one whose admission was not applied yet is recorded ({@code PENDING}).
     *   <li>An admission whose ticket id an open stay, a visit or another applied admission already has:
     *       {@code TICKET_IN_USE}. One whose check-out was applied first releases a placeholder
     *       ({@code ALREADY_OVER}); one whose visitor has another open stay releases a placeholder and opens no stay
     *       ({@code VISITOR_ELSEWHERE}). Otherwise the first open placeholder (in the order given) at the stay's site
     *       and agency becomes the stay ({@code SWAPPED}): same place present, same admission today (a staff stay
     *       counts today as the guest its placeholder was), the stay beginning at {@code at} (not before the
     *       placeholder's, not after the ledger's clock) and due a default stay later. If placeholders were given
     *       and none of them is open: {@code NO_OPEN_PLACEHOLDER}, and nothing is recorded or changed, so that the
     *       caller can pass the lease's next ones (long leases go in windows, each call costing their size). With no
     *       placeholders given: {@code UNLEASED} (or {@code ALREADY_OVER}, {@code VISITOR_ELSEWHERE} without a
     *       placeholder), recorded; an {@code UNLEASED} admission is not counted.
     * </ul>
     *
     * <p>A ledger that keeps its own visit log ({@link #visitLog()}) writes the visits in the same step: a swapped
     * placeholder's visit closes and the stay's opens; a released stay's visit closes at the check-out's instant;
     * an admission that opened no stay gets a closed visit; a released placeholder's visit closes. Otherwise the
     * caller writes them. The default throws {@link UnsupportedOperationException}.
     *
     * @param effect the decision's effect
     * @return what was applied
     * @throws UnsupportedOperationException if the ledger cannot apply offline decisions
     */
    default OfflineEffect.Applied applyOffline(OfflineEffect effect) {
        throw new UnsupportedOperationException("this ledger does not apply offline decisions: " + getClass());
    }

    /**
     * Applies several offline decisions, each as {@link #applyOffline(OfflineEffect)} does, in order. A ledger may
     * apply them in one transaction (as {@code JdbcLedger} does), so that a sync costs one commit per batch; each
     * decision is still applied once. The default applies them one by one.
     *
     * @param effects the decisions' effects, in the order to apply them
     * @return what was applied, one result per effect, in the same order
     * @throws UnsupportedOperationException if the ledger cannot apply offline decisions
     */
    default List<OfflineEffect.Applied> applyOffline(List<OfflineEffect> effects) {
        List<OfflineEffect.Applied> results = new ArrayList<>(effects.size());
        for (OfflineEffect effect : effects) {
            results.add(applyOffline(effect));
        }
        return results;
    }

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
    void replacePolicy(CapacityPolicy policy);
}
