package dev.lawang.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where bookings are kept: in memory ({@link #inMemory()}) or in PostgreSQL ({@code dev.lawang.jdbc.JdbcBookingStore}).
 *
 * <p>Every method is atomic, and the quota checks hold across every user of the same store, across application
 * instances for a shared database: {@link #reserve} never gives more booked places of a service-day than its quota,
 * nor a visitor more active bookings than the limit, and {@link #confirm} confirms no hold whose place was taken
 * since it expired; {@link #walkIn} never more walk-ins than the walk-in places plus
 * the day's no-shows; {@link #replace} changes a booking only from the state its caller read.
 *
 * <p>Implementations are thread-safe.
 */
public interface BookingStore {

    /** The outcome of {@link #reserve}. */
    enum Reserve {
        /** The hold was stored. */
        RESERVED,
        /** Every booked place of the day is taken; nothing was stored. */
        DAY_FULL,
        /** The visitor holds the most active bookings allowed; nothing was stored. */
        TOO_MANY_ACTIVE
    }

    /**
     * Returns a new, empty store in this process's memory.
     *
     * @return a store
     */
    static BookingStore inMemory() {
        return new InMemoryBookingStore();
    }

    /**
     * Stores a hold if its day has a booked place left and its visitor may hold another active booking, both counted
     * at {@code now} ({@link Booking#takesPlaceAt}, {@link Booking#isActiveAt}).
     *
     * @param hold a new {@link Booking.State#HELD} booking
     * @param quota the booked places of the day
     * @param maxActive the most active bookings a visitor may hold, this one included
     * @param now the instant the counts are taken at
     * @return whether it was stored, or why not
     */
    Reserve reserve(Booking hold, int quota, int maxActive, Instant now);

    /**
     * Stores a walk-in if its day has a walk-in place left: {@code quota} plus the day's
     * {@link Booking.State#NO_SHOW}s, less the walk-ins stored.
     *
     * @param walkIn a new {@link Booking.Channel#WALK_IN} booking
     * @param quota the walk-in places of the day before the no-shows are added
     * @return whether it was stored
     */
    boolean walkIn(Booking walkIn, int quota);

    /**
     * Confirms a hold if it is stored as held, is unexpired at {@code now}, and the day's booked places taken at
     * {@code now}, this hold included, are within the quota: an expired hold whose place someone else took since is
     * not confirmed, even on a clock behind the other's.
     *
     * @param hold the hold as read
     * @param quota the booked places of the day
     * @param now the instant of the confirmation
     * @return the confirmed booking, or empty if it was not confirmed
     */
    Optional<Booking> confirm(Booking hold, int quota, Instant now);

    /**
     * Replaces a booking if it is stored as {@code expected} still stands: same id and state.
     *
     * @param expected the booking as read
     * @param next the same booking in its next state
     * @return whether it was replaced
     */
    boolean replace(Booking expected, Booking next);

    /**
     * Removes a walk-in that the gate then refused, so that its place comes back at once.
     *
     * @param walkIn the walk-in as stored
     * @return whether it was there
     */
    boolean remove(Booking walkIn);

    /**
     * Finds a booking.
     *
     * @param id its id
     * @return the booking, or empty
     */
    Optional<Booking> find(BookingId id);

    /**
     * Returns every booking and walk-in of a service-day.
     *
     * @param service the service's id
     * @param day the day
     * @return the bookings, oldest first
     */
    List<Booking> day(ServiceId service, LocalDate day);

    /**
     * Counts the booked places of a service-day taken at an instant ({@link Booking#takesPlaceAt}).
     *
     * @param service the service's id
     * @param day the day
     * @param now the instant
     * @return the places taken
     */
    int placesTaken(ServiceId service, LocalDate day, Instant now);
}
