package dev.lawang.kiosk;

import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.capacity.OfflineEffect;
import dev.lawang.code.TrustList;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The centre's side of a kiosk's return: applies the decisions recovered from its journal to the central ledger and
 * visit log, each once per device and sequence number ({@link OccupancyLedger#applyOffline}), and reports what it
 * did ({@link Reconciliation}). Uploading twice, or out of order, changes nothing more; an upload whose
 * acknowledgement was lost is retried as it was.
 *
 * <p>An offline admission takes the place of one of its lease's placeholder stays: the central counts do not move,
 * and the visit's ticket, admitted offline, checks out at the central gate like any other. The record of what was
 * applied is in the ledger's store, in the same step as the effect. Each visit comes in as it did at the kiosk:
 * {@link EntryChannel#WALK_IN} for a walk-in, the channel of its code for a check-in. A check-in under a code the
 * centre's trust list revokes (by id, or by its site's cut-off) is flagged. Thread-safe; several kiosks may sync at
 * once while the central gate admits.
 */
public final class Sync {
    private static final TicketId NO_TICKET = TicketId.of(0, 0);
    /** How many of a lease's placeholders one call offers the ledger: each call costs about that many look-ups. */
    static final int WINDOW = 16;
    /** How many decisions go to the ledger in one call ({@link OccupancyLedger#applyOffline(List)}). */
    static final int BATCH = 100;

    private final OccupancyLedger ledger;
    private final VisitLog visitLog;
    private final Directory directory;
    private final TrustList centre;
    private final Clock clock;

    private Sync(OccupancyLedger ledger, VisitLog visitLog, Directory directory, TrustList centre, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.visitLog = Objects.requireNonNull(visitLog, "visitLog");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.centre = Objects.requireNonNull(centre, "centre");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the centre's side of sync.
     *
     * @param ledger the central ledger; it must apply offline decisions (the in-memory ledger and
     *     {@code JdbcLedger} do)
     * @param visitLog the central visit log, written here unless the ledger keeps its own
     * @param directory the centre's directory, for the sites' zones
     * @param centre the centre's trust list, as of the sync: an admitted check-in under a code it revokes, by the
     *     code's id or by a cut-off for the code's site ({@link TrustList#isRevoked(dev.lawang.code.CodeId,
     *     dev.lawang.directory.SiteId, Instant)}), is flagged {@link Reconciliation.Kind#REVOKED_CODE}
     * @param clock the central clock, for giving leases back
     * @return the sync
     */
    public static Sync of(OccupancyLedger ledger, VisitLog visitLog, Directory directory, TrustList centre,
            Clock clock) {
        return new Sync(ledger, visitLog, directory, centre, clock);
    }

    /**
     * Applies a kiosk's decisions, in sequence order, and optionally gives its leases' unused places back.
     *
     * @param device the kiosk's device id (see {@link OfflineEffect#device()})
     * @param entries the decisions recovered from the kiosk's journal ({@link Journal#recovered()}), in any order;
     *     an entry given twice identically counts once
     * @param leases the kiosk's leases, at most one per site and agency
     * @param giveBack whether the kiosk is back online for good: then its leases are given back after the
     *     decisions are applied, and their unused places return to the central ledger
     * @return the reconciliation report
     * @throws IllegalArgumentException if the device id is malformed, two entries have the same sequence number and
     *     different decisions, or two leases are for the same site and agency; nothing is applied then
     */
    public Reconciliation upload(String device, List<Journal.Entry> entries, List<Lease> leases, boolean giveBack) {
        OfflineEffect.checkDevice(device);
        TreeMap<Long, OfflineDecision> bySequence = new TreeMap<>();
        for (Journal.Entry e : entries) {
            OfflineDecision before = bySequence.putIfAbsent(e.sequence(), e.decision());
            if (before != null && !before.equals(e.decision())) {
                throw new IllegalArgumentException("two different decisions under sequence number " + e.sequence());
            }
        }
        Map<String, Lease> leaseOf = new HashMap<>();
        for (Lease lease : leases) {
            if (leaseOf.put(lease.site().value() + "/" + lease.agency().value(), lease) != null) {
                throw new IllegalArgumentException("two leases for the same site and agency: " + lease);
            }
        }
        boolean writeVisits = ledger.visitLog().isEmpty();
        VisitLog visits = ledger.visitLog().orElse(visitLog);
        Tally tally = new Tally();
        Map<Lease, Cursor> cursors = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<Long, OfflineDecision> e : bySequence.entrySet()) {
            long sequence = e.getKey();
            OfflineDecision d = e.getValue();
            Optional<Site> site = directory.site(d.site());
            if (site.isEmpty()) {
                tally.conflicts.add(new Reconciliation.Conflict(Reconciliation.Kind.UNKNOWN_SITE, sequence, d, null));
                continue;
            }
            OfflineEffect.Kind kind = d.isRefused() ? OfflineEffect.Kind.REFUSAL
                    : d.kind() == OfflineDecision.Kind.CHECK_OUT ? OfflineEffect.Kind.CHECK_OUT
                    : OfflineEffect.Kind.ADMISSION;
            TicketId ticket = d.ticket() == null ? NO_TICKET : d.ticket();
            AdmitRequest stay = new AdmitRequest(ticket, d.visitor(), d.site(), site.get().zone(), d.agency(),
                    d.role(), channel(d));
            pending.add(new Pending(d, new OfflineEffect(device, sequence, kind, stay, d.at(), List.of()),
                    kind == OfflineEffect.Kind.ADMISSION ? leaseOf.get(d.site().value() + "/" + d.agency().value())
                            : null));
        }
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<Pending> batch = pending.subList(from, Math.min(from + BATCH, pending.size()));
            List<OfflineEffect> effects = windowed(batch, cursors);
            List<OfflineEffect.Applied> results = ledger.applyOffline(effects);
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                OfflineEffect.Applied result = results.get(i);
                if (result.outcome() == OfflineEffect.Outcome.NO_OPEN_PLACEHOLDER) {
                    result = apply(p.effect(), p.lease(), cursors);
                } else {
                    taken(p, effects.get(i), result, cursors);
                }
                tally.add(p, result, writeVisits, visits);
            }
        }
        tally.conflicts.sort(java.util.Comparator.comparingLong(Reconciliation.Conflict::sequence));
        if (giveBack) {
            Instant now = clock.instant();
            for (Lease lease : leases) {
                tally.returned += lease.giveBack(ledger, visitLog, now);
            }
        }
        return new Reconciliation(device, tally.applied, tally.already, tally.admitted, tally.returned,
                tally.conflicts);
    }

    /** A decision to apply: its effect without placeholders, and the lease of an admission. */
    private record Pending(OfflineDecision decision, OfflineEffect effect, @Nullable Lease lease) {
    }

    /** What an upload counted so far. */
    private final class Tally {
        int applied;
        int already;
        int admitted;
        int returned;
        final List<Reconciliation.Conflict> conflicts = new ArrayList<>();

        void add(Pending p, OfflineEffect.Applied result, boolean writeVisits, VisitLog visits) {
            if (result.outcome() == OfflineEffect.Outcome.ALREADY_APPLIED) {
                already++;
            } else if (result.outcome() != OfflineEffect.Outcome.MISMATCH) {
                applied++;
                if (p.effect().kind() == OfflineEffect.Kind.ADMISSION) {
                    admitted++;
                }
                if (result.placeholder() != null && result.outcome() != OfflineEffect.Outcome.SWAPPED) {
                    returned++;
                }
                if (writeVisits) {
                    writeVisits(p.decision(), result);
                }
            }
            flag(conflicts, visits, p.effect().sequence(), p.decision(), result);
        }
    }

    /**
     * Per lease, the placeholders this upload saw taken (or not open): each batch offers the others, the j-th
     * admission under the lease from the j-th of them on, so that in the usual case (each admission takes one) the
     * ledger finds its placeholder at the first look-up.
     */
    private static final class Cursor {
        final List<TicketId> all;
        final Map<TicketId, Integer> index;
        final BitSet seen = new BitSet();

        Cursor(Lease lease) {
            all = lease.placeholders();
            index = new HashMap<>(all.size() * 2);
            for (int i = 0; i < all.size(); i++) {
                index.put(all.get(i), i);
            }
        }

        /** Up to {@code n} placeholders not seen taken, in the lease's order. */
        List<TicketId> free(int n) {
            List<TicketId> free = new ArrayList<>(Math.min(n, all.size()));
            for (int i = seen.nextClearBit(0); i < all.size() && free.size() < n; i = seen.nextClearBit(i + 1)) {
                free.add(all.get(i));
            }
            return free;
        }

        /**
         * Marks the placeholder an admission took as seen, and those before it in the window it was offered: the
         * ledger takes the first open one, so they were not open.
         */
        void taken(List<TicketId> window, TicketId placeholder) {
            for (TicketId t : window) {
                if (t.equals(placeholder)) {
                    break;
                }
                seen(t);
            }
            seen(placeholder);
        }

        void seen(TicketId placeholder) {
            Integer at = index.get(placeholder);
            if (at != null) {
                seen.set(at);
            }
        }
    }

    /**
     * The batch's effects: the j-th admission under a lease is offered a window of its placeholders not seen taken,
     * from the j-th on (or the last window, when the batch has more admissions than that); the ledger takes the
     * first open one.
     */
    private static List<OfflineEffect> windowed(List<Pending> batch, Map<Lease, Cursor> cursors) {
        Map<Lease, Integer> admissions = new HashMap<>();
        for (Pending p : batch) {
            if (p.lease() != null) {
                admissions.merge(p.lease(), 1, Integer::sum);
            }
        }
        Map<Lease, List<TicketId>> free = new HashMap<>();
        Map<Lease, Integer> next = new HashMap<>();
        List<OfflineEffect> effects = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Lease lease = p.lease();
            OfflineEffect e = p.effect();
            if (lease == null) {
                effects.add(e);
                continue;
            }
            List<TicketId> offered = free.computeIfAbsent(lease, l -> cursors.computeIfAbsent(l, Cursor::new)
                    .free(admissions.getOrDefault(l, 0) + WINDOW));
            int j = next.merge(lease, 1, Integer::sum) - 1;
            int from = Math.max(0, Math.min(j, offered.size() - WINDOW));
            List<TicketId> window = offered.subList(from, Math.min(from + WINDOW, offered.size()));
            effects.add(new OfflineEffect(e.device(), e.sequence(), e.kind(), e.stay(), e.at(), window));
        }
        return effects;
    }

    /** Moves the lease's cursor past the placeholder an admission of a batch took ({@link Cursor#taken}). */
    private static void taken(Pending p, OfflineEffect offered, OfflineEffect.Applied result,
            Map<Lease, Cursor> cursors) {
        Lease lease = p.lease();
        TicketId placeholder = result.placeholder();
        if (lease == null || placeholder == null) {
            return;
        }
        cursors.computeIfAbsent(lease, Cursor::new).taken(offered.placeholders(), placeholder);
    }

    /**
     * Applies an effect, offering an admission its lease's placeholders not seen taken a window at a time, until one
     * is open or none is left.
     */
    private OfflineEffect.Applied apply(OfflineEffect effect, @Nullable Lease lease, Map<Lease, Cursor> cursors) {
        if (effect.kind() != OfflineEffect.Kind.ADMISSION || lease == null) {
            return ledger.applyOffline(effect);
        }
        Cursor cursor = cursors.computeIfAbsent(lease, Cursor::new);
        while (true) {
            List<TicketId> window = cursor.free(WINDOW);
            OfflineEffect offered = new OfflineEffect(effect.device(), effect.sequence(), effect.kind(),
                    effect.stay(), effect.at(), window);
            OfflineEffect.Applied result = ledger.applyOffline(offered);
            if (result.outcome() != OfflineEffect.Outcome.NO_OPEN_PLACEHOLDER) {
                TicketId taken = result.placeholder();
                if (taken != null) {
                    cursor.taken(window, taken);
                }
                return result;
            }
            if (window.isEmpty()) {
                throw new IllegalStateException("the ledger asked for placeholders where none were left");
            }
            window.forEach(cursor::seen);
        }
    }

    /**
     * A decision's entry channel: a walk-in's, or its code's. A check-out, or a refusal whose code did not verify,
     * opens no stay, and its effect names a printed code.
     */
    private static EntryChannel channel(OfflineDecision d) {
        EntryChannel channel = d.channel();
        return channel == null ? EntryChannel.PRINTED_CODE : channel;
    }

    /** The visits of an applied decision, for a ledger that keeps no visit log of its own. */
    private void writeVisits(OfflineDecision d, OfflineEffect.Applied result) {
        TicketId placeholder = result.placeholder();
        Ticket stay = result.stay();
        Instant at = d.at();
        switch (result.outcome()) {
            case SWAPPED -> {
                Ticket open = Objects.requireNonNull(stay);
                closeAtOrAfter(Objects.requireNonNull(placeholder), open.in());
                visitLog.append(Visit.open(open, d.visitor()));
            }
            case RELEASED -> closeAtOrAfter(Objects.requireNonNull(d.ticket()), at);
            case ALREADY_OVER, VISITOR_ELSEWHERE, UNLEASED -> {
                if (placeholder != null) {
                    closeAtOrAfter(placeholder, at);
                }
                TicketId ticket = Objects.requireNonNull(d.ticket());
                if (visitLog.find(ticket).isEmpty() && visitLog.openVisitOf(d.visitor()).isEmpty()) {
                    visitLog.append(Visit.open(ticket, d.visitor(), d.site(), d.agency(), d.role(), channel(d), at));
                    visitLog.close(ticket, at);
                }
            }
            default -> { }
        }
    }

    private void closeAtOrAfter(TicketId ticket, Instant at) {
        Optional<Visit> visit = visitLog.find(ticket);
        if (visit.isPresent() && visit.get().out().isEmpty()) {
            visitLog.close(ticket, at.isBefore(visit.get().in()) ? visit.get().in() : at);
        }
    }

    private void flag(List<Reconciliation.Conflict> conflicts, VisitLog visits, long sequence, OfflineDecision d,
            OfflineEffect.Applied result) {
        Reconciliation.@Nullable Kind kind = switch (result.first()) {
            case VISITOR_ELSEWHERE -> Reconciliation.Kind.SAME_VISITOR_ELSEWHERE;
            case NOT_OPEN -> Reconciliation.Kind.CLOSED_BY_CENTRE;
            case UNLEASED -> Reconciliation.Kind.UNLEASED;
            case TICKET_IN_USE -> Reconciliation.Kind.TICKET_IN_USE;
            case MISMATCH -> Reconciliation.Kind.MISMATCH;
            default -> null;
        };
        if (result.outcome() == OfflineEffect.Outcome.MISMATCH) {
            kind = Reconciliation.Kind.MISMATCH;
        }
        if (kind == null && result.first() == OfflineEffect.Outcome.SWAPPED) {
            TicketId other = overlapping(visits, d);
            if (other != null) {
                conflicts.add(new Reconciliation.Conflict(Reconciliation.Kind.SAME_VISITOR_ELSEWHERE, sequence, d,
                        other));
            }
        } else if (kind != null) {
            TicketId other = kind == Reconciliation.Kind.SAME_VISITOR_ELSEWHERE ? overlapping(visits, d) : null;
            conflicts.add(new Reconciliation.Conflict(kind, sequence, d, other));
        }
        OfflineDecision.Code code = d.code();
        if (code != null && !d.isRefused() && centre.isRevoked(code.id(), d.site(), code.issuedAt())) {
            conflicts.add(new Reconciliation.Conflict(Reconciliation.Kind.REVOKED_CODE, sequence, d, null));
        }
    }

    /** Another visit of the decision's visitor that was open when the decision was taken. */
    private static @Nullable TicketId overlapping(VisitLog visits, OfflineDecision d) {
        for (Visit v : visits.visitsOf(d.visitor())) {
            if (!v.ticket().equals(d.ticket()) && !v.in().isAfter(d.at())
                    && (v.out().isEmpty() || v.out().get().isAfter(d.at()))) {
                return v.ticket();
            }
        }
        return null;
    }
}
