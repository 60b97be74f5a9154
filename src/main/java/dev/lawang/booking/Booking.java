package dev.lawang.booking;

import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One person's place on one day of a {@link Service}: booked ahead, or registered at the desk as a walk-in.
 *
 * <p>A booked place goes {@link State#HELD} (until {@link #placeUntil()}) → {@link State#CONFIRMED} →
 * {@link State#ARRIVED} (a check-in at the gate, with its {@link #ticket()}) → {@link State#SERVED}, or ends
 * {@link State#NO_SHOW} or {@link State#CANCELLED}. A walk-in starts {@link State#CONFIRMED} when the desk gives
 * it a walk-in place and becomes {@link State#ARRIVED} when the gate admits the visitor.
 *
 * <p>A booking takes one of the day's booked places while {@link #takesPlaceAt} says so: a hold until it expires, a
 * cancelled booking until the release delay after the cancellation has passed, every other booked place for good.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the booking's id
 * @param service the service's id
 * @param visitor the visitor's pseudonym
 * @param day the day, local to the site's zone
 * @param channel booked ahead or walk-in
 * @param state where the booking stands
 * @param created when it was made
 * @param placeUntil for a hold, when it expires; for a cancelled booking, when its place comes back; otherwise null
 * @param arrived when the visitor checked in, for an arrived or served booking; otherwise null
 * @param ended when it was served, cancelled or marked a no-show; otherwise null
 * @param ticket the gate's ticket of the visit, for an arrived or served booking; otherwise null
 */
public record Booking(BookingId id, ServiceId service, VisitorRef visitor, LocalDate day, Channel channel, State state,
        Instant created, @Nullable Instant placeUntil, @Nullable Instant arrived, @Nullable Instant ended,
        @Nullable TicketId ticket) {

    /** The channel of a place. */
    public enum Channel {
        /** Booked ahead. */
        BOOKED,
        /** Registered at the desk on the day. */
        WALK_IN
    }

    /** Where a booking stands. */
    public enum State {
        /** Reserved and held until {@link Booking#placeUntil()}; it must be confirmed before then. */
        HELD,
        /** Confirmed; the visitor is expected. */
        CONFIRMED,
        /** The visitor checked in and waits or is being served. */
        ARRIVED,
        /** Served. */
        SERVED,
        /** The visitor did not come within the grace period; the place went to the day's walk-ins. */
        NO_SHOW,
        /** Cancelled; the place comes back at {@link Booking#placeUntil()}. */
        CANCELLED
    }

    /**
     * Checks the booking.
     *
     * @param id the booking's id
     * @param service the service
     * @param visitor the visitor's pseudonym
     * @param day the day
     * @param channel the channel
     * @param state the state
     * @param created when it was made
     * @param placeUntil set for held and cancelled bookings only
     * @param arrived set for arrived and served bookings only
     * @param ended set for served, no-show and cancelled bookings only
     * @param ticket set for arrived and served bookings only
     * @throws IllegalArgumentException if the times do not fit the state: a hold or
     *     cancellation without {@code placeUntil}, an arrived or served booking without its arrival and ticket, an
     *     ended one without {@code ended}, a walk-in that is held or cancelled
     */
    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        boolean placeTimed = state == State.HELD || state == State.CANCELLED;
        if (placeTimed != (placeUntil != null)) {
            throw new IllegalArgumentException("placeUntil is set exactly for held and cancelled bookings: " + state);
        }
        boolean visited = state == State.ARRIVED || state == State.SERVED;
        if (visited != (arrived != null) || visited != (ticket != null)) {
            throw new IllegalArgumentException("arrived and ticket are set exactly for arrived and served bookings: "
                    + state);
        }
        boolean over = state == State.SERVED || state == State.NO_SHOW || state == State.CANCELLED;
        if (over != (ended != null)) {
            throw new IllegalArgumentException("ended is set exactly for served, no-show and cancelled bookings: "
                    + state);
        }
        if (channel == Channel.WALK_IN && placeTimed) {
            throw new IllegalArgumentException("a walk-in is never " + state);
        }
    }

    /** A new hold on a booked place. */
    static Booking hold(ServiceId service, VisitorRef visitor, LocalDate day, Instant now, Instant until) {
        return new Booking(BookingId.random(), service, visitor, day, Channel.BOOKED, State.HELD, now, until, null,
                null, null);
    }

    /** A new walk-in, given its place before it goes through the gate. */
    static Booking walkIn(ServiceId service, VisitorRef visitor, LocalDate day, Instant now) {
        return new Booking(BookingId.random(), service, visitor, day, Channel.WALK_IN, State.CONFIRMED, now, null,
                null, null, null);
    }

    Booking confirmed() {
        return new Booking(id, service, visitor, day, channel, State.CONFIRMED, created, null, null, null, null);
    }

    Booking arrivedAt(Instant at, TicketId visit) {
        return new Booking(id, service, visitor, day, channel, State.ARRIVED, created, null, at, null, visit);
    }

    Booking servedAt(Instant at) {
        return new Booking(id, service, visitor, day, channel, State.SERVED, created, null, arrived, at, ticket);
    }

    Booking noShowAt(Instant at) {
        return new Booking(id, service, visitor, day, channel, State.NO_SHOW, created, null, null, at, null);
    }

    Booking cancelledAt(Instant at, Instant placeBack) {
        return new Booking(id, service, visitor, day, channel, State.CANCELLED, created, placeBack, null, at, null);
    }

    /**
     * Returns whether this booking takes one of its day's booked places at an instant.
     *
     * @param now the instant
     * @return false for a walk-in, an expired hold and a cancelled booking whose place came back; true otherwise
     */
    public boolean takesPlaceAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return channel == Channel.BOOKED && (placeUntil == null || placeUntil.isAfter(now));
    }

    /**
     * Returns whether this booking counts towards its visitor's limit of active bookings at an instant.
     *
     * @param now the instant
     * @return true for an unexpired hold, a confirmed booking and a booked visitor not yet served
     */
    public boolean isActiveAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return channel == Channel.BOOKED && (state == State.CONFIRMED || state == State.ARRIVED
                || (state == State.HELD && takesPlaceAt(now)));
    }

    /**
     * Returns the gate's ticket of the visit.
     *
     * @return the ticket, for an arrived or served booking
     */
    public Optional<TicketId> visit() {
        return Optional.ofNullable(ticket);
    }

    @Override
    public String toString() {
        return "Booking[" + id + ", " + service + " on " + day + ", " + channel + ", " + state + "]";
    }
}
