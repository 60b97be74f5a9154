package dev.lawang;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.Departure;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a gate writes stays and visits: {@link Together} when the ledger keeps the visit log itself, in one atomic step
 * per operation; {@link Apart} when the gate writes the two in turn, under a per-visitor lock, and settles what a
 * crash between them leaves. Both add to {@code events} only when {@code announce} is set.
 */
abstract sealed class Records permits Records.Together, Records.Apart {
    final OccupancyLedger ledger;
    final VisitLog visits;

    Records(OccupancyLedger ledger, VisitLog visits) {
        this.ledger = ledger;
        this.visits = visits;
    }

    static Records of(OccupancyLedger ledger, VisitLog visits, boolean together) {
        return together ? new Together(ledger, visits) : new Apart(ledger, visits);
    }

    abstract Admission admit(AdmitRequest request, Call call, @Nullable List<GateEvent> events);

    abstract Optional<Visit> checkOut(TicketId ticket, Instant now, @Nullable List<GateEvent> events);

    abstract int expire(Instant now, @Nullable List<GateEvent> events);

    abstract OccupancyLedger.Settlement recover(Instant startedBefore, Instant now);

    static Visit openVisit(Ticket ticket, VisitorRef visitor) {
        return Visit.open(ticket, visitor);
    }

    static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The ledger writes the visits: one atomic step per check-in, check-out and expiry; nothing to lock here. */
    static final class Together extends Records {
        Together(OccupancyLedger ledger, VisitLog visits) {
            super(ledger, visits);
        }

        @Override
        Admission admit(AdmitRequest request, Call call, @Nullable List<GateEvent> events) {
            Instant now = call.now();
            Admission admission = ledger.admit(request);
            if (events != null && admission instanceof Admission.Admitted admitted) {
                Departure moved = admitted.moved();
                if (moved != null) {
                    events.add(new GateEvent.CheckedOut(openVisit(moved.ticket(), moved.visitor())
                            .withOut(latest(moved.end(), moved.ticket().in())), true, now));
                }
                events.add(new GateEvent.Admitted(openVisit(admitted.ticket(), request.visitor()), admitted.repeat(),
                        call.walkIn(), now, call.took()));
            }
            return admission;
        }

        @Override
        Optional<Visit> checkOut(TicketId ticket, Instant now, @Nullable List<GateEvent> events) {
            Optional<Visit> closed = ledger.release(ticket).map(d -> openVisit(d.ticket(), d.visitor())
                    .withOut(latest(d.end(), d.ticket().in())));
            if (events != null) {
                closed.ifPresent(v -> events.add(new GateEvent.CheckedOut(v, false, now)));
            }
            return closed;
        }

        @Override
        int expire(Instant now, @Nullable List<GateEvent> events) {
            List<Departure> departures = ledger.expire();
            if (events != null) {
                for (Departure d : departures) {
                    events.add(new GateEvent.Expired(openVisit(d.ticket(), d.visitor())
                            .withOut(latest(d.ticket().due(), d.ticket().in())), now));
                }
            }
            return departures.size();
        }

        @Override
        OccupancyLedger.Settlement recover(Instant startedBefore, Instant now) {
            return ledger.settle(startedBefore);
        }
    }

    /**
     * The gate writes the ledger, then the visit log, under the visitor's lock, so that within this process the two
     * agree. A crash between the two steps leaves a stay without its visit (an admission that was never answered) or
     * an open visit without its stay (a check-out or expiry that was never answered); {@link #recover} settles both.
     */
    static final class Apart extends Records {
        private static final int LOCK_STRIPES = 256;
        private final Object[] locks = new Object[LOCK_STRIPES];
        /**
         * Held by expiry and recovery: an expiry removes its stays from the ledger before it closes their visits, and
         * a recovery in between would take those visits for leftovers of a crash.
         */
        private final Object upkeep = new Object();

        Apart(OccupancyLedger ledger, VisitLog visits) {
            super(ledger, visits);
            for (int i = 0; i < locks.length; i++) {
                locks[i] = new Object();
            }
        }

        private Object lockOf(VisitorRef visitor) {
            return locks[visitor.hashCode() & (LOCK_STRIPES - 1)];
        }

        @Override
        Admission admit(AdmitRequest request, Call call, @Nullable List<GateEvent> events) {
            Instant now = call.now();
            VisitorRef visitor = request.visitor();
            synchronized (lockOf(visitor)) {
                Admission admission = ledger.admit(request);
                if (!(admission instanceof Admission.Admitted admitted)) {
                    return admission;
                }
                Ticket ticket = admitted.ticket();
                Optional<Visit> recorded = visits.find(ticket.id()).filter(Visit::isOpen);
                if (admitted.repeat() && recorded.isPresent()) {
                    if (events != null) {
                        events.add(new GateEvent.Admitted(recorded.get(), true, call.walkIn(), now, call.took()));
                    }
                    return admission;
                }
                // A new stay, or a repeat of a stay whose visit a crash lost: the visit is recorded now.
                closeOpenVisit(visitor, admitted.moved(), ticket.in(), now, events);
                Visit visit = openVisit(ticket, visitor);
                try {
                    visits.append(visit);
                } catch (RuntimeException e) {
                    if (!admitted.repeat()) {
                        ledger.release(ticket.id());
                    }
                    throw e;
                }
                if (events != null) {
                    events.add(new GateEvent.Admitted(visit, admitted.repeat(), call.walkIn(), now, call.took()));
                }
                return admission;
            }
        }

        /** Closes the visit the visitor leaves by being admitted elsewhere; the caller holds the visitor's lock. */
        private void closeOpenVisit(VisitorRef visitor, @Nullable Departure moved, Instant admittedAt, Instant now,
                @Nullable List<GateEvent> events) {
            Optional<Visit> open = visits.openVisitOf(visitor);
            if (open.isEmpty()) {
                return;
            }
            Visit previous = open.get();
            Instant end = moved != null && moved.ticket().id().equals(previous.ticket()) ? moved.end() : admittedAt;
            Optional<Visit> closed = visits.close(previous.ticket(), latest(end, previous.in()));
            if (events != null) {
                closed.ifPresent(v -> events.add(new GateEvent.CheckedOut(v, true, now)));
            }
        }

        @Override
        Optional<Visit> checkOut(TicketId ticket, Instant now, @Nullable List<GateEvent> events) {
            Optional<Visit> found = visits.find(ticket);
            if (found.isEmpty() || !found.get().isOpen()) {
                // A stay whose visit a crash lost or already closed still frees its place.
                ledger.release(ticket);
                return Optional.empty();
            }
            Optional<Visit> closed;
            synchronized (lockOf(found.get().visitor())) {
                Optional<Departure> departure = ledger.release(ticket);
                Instant end = departure.map(Departure::end).orElse(now);
                closed = visits.close(ticket, latest(end, found.get().in()));
            }
            if (events != null) {
                closed.ifPresent(v -> events.add(new GateEvent.CheckedOut(v, false, now)));
            }
            return closed;
        }

        @Override
        int expire(Instant now, @Nullable List<GateEvent> events) {
            synchronized (upkeep) {
                List<Departure> departures = ledger.expire();
                for (Departure departure : departures) {
                    synchronized (lockOf(departure.visitor())) {
                        Optional<Visit> closed = visits.close(departure.ticket().id(),
                                latest(departure.ticket().due(), departure.ticket().in()));
                        if (events != null) {
                            closed.ifPresent(v -> events.add(new GateEvent.Expired(v, now)));
                        }
                    }
                }
                return departures.size();
            }
        }

        /**
         * Settles, for stays and visits begun before {@code startedBefore}: a stay without an open visit is released
         * (its admission was never answered, or its visit was closed; the visitor is admitted afresh at the next
         * scan); an open visit without a stay is closed now (its check-out or expiry was never answered).
         *
         * <p>A check-in or check-out in flight has written one store and not yet the other, and looks like a crash's
         * leftover. So the stores are first compared without locks, which finds nothing in the usual case; only if
         * they disagree are they compared again and settled with every visitor's lock held, when no check-in or
         * check-out is half done.
         */
        @Override
        OccupancyLedger.Settlement recover(Instant startedBefore, Instant now) {
            synchronized (upkeep) {
                if (!disagree(ledger.openStays(startedBefore), visits.openVisits(startedBefore))) {
                    return OccupancyLedger.Settlement.NONE;
                }
                return withEveryVisitorLocked(0, () -> settle(startedBefore, now));
            }
        }

        private static boolean disagree(List<Ticket> stays, List<Visit> open) {
            Set<TicketId> visited = new HashSet<>();
            open.forEach(v -> visited.add(v.ticket()));
            return stays.size() != visited.size() || !stays.stream().allMatch(t -> visited.contains(t.id()));
        }

        /** Runs the work holding every stripe lock, taken in ascending order (the only order several are taken). */
        private OccupancyLedger.Settlement withEveryVisitorLocked(int from,
                Supplier<OccupancyLedger.Settlement> work) {
            if (from == locks.length) {
                return work.get();
            }
            synchronized (locks[from]) {
                return withEveryVisitorLocked(from + 1, work);
            }
        }

        private OccupancyLedger.Settlement settle(Instant startedBefore, Instant now) {
            List<Ticket> stays = ledger.openStays(startedBefore);
            List<Visit> open = visits.openVisits(startedBefore);
            Set<TicketId> visited = new HashSet<>();
            open.forEach(v -> visited.add(v.ticket()));
            Set<TicketId> stayed = new HashSet<>();
            stays.forEach(t -> stayed.add(t.id()));
            int released = 0;
            for (Ticket stay : stays) {
                if (!visited.contains(stay.id()) && ledger.release(stay.id()).isPresent()) {
                    released++;
                }
            }
            int closed = 0;
            for (Visit visit : open) {
                if (!stayed.contains(visit.ticket())
                        && visits.close(visit.ticket(), latest(now, visit.in())).isPresent()) {
                    closed++;
                }
            }
            return new OccupancyLedger.Settlement(closed, 0, released);
        }
    }
}
