package dev.lawang.booking;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a step of the {@link BookingDesk}: {@link Done} with the booking as stored now, or {@link Refused}
 * with its {@link Reason}, which changed nothing.
 */
public sealed interface Outcome permits Outcome.Done, Outcome.Refused {
    /** Why a booking step was refused. */
    enum Reason {
        /** The desk has no service of that id. */
        UNKNOWN_SERVICE,
        /** The store has no booking of that id. */
        UNKNOWN_BOOKING,
        /** The day is before today. */
        PAST_DAY,
        /** The day is beyond the days bookings open ahead. */
        TOO_FAR_AHEAD,
        /** The day is a holiday. */
        HOLIDAY,
        /** The service has no window that day, or today's window has closed. */
        CLOSED,
        /** Every booked place of the day is taken; {@link Refused#nextDayWithRoom()} tells the next day with room. */
        DAY_FULL,
        /** The visitor holds the most active bookings allowed. */
        TOO_MANY_ACTIVE,
        /** The hold expired before the confirmation. */
        HOLD_EXPIRED,
        /** The booking is confirmed already. */
        ALREADY_CONFIRMED,
        /** The booking is not confirmed: held, cancelled, or past its hold. */
        NOT_CONFIRMED,
        /** The visitor arrived already on this booking. */
        ALREADY_ARRIVED,
        /** The visitor has not arrived, so cannot be served. */
        NOT_ARRIVED,
        /** The booking arrived, was served, marked a no-show or cancelled; it cannot be cancelled. */
        ALREADY_ENDED,
        /** Before the arrival window, or before the service opens for walk-ins. */
        TOO_EARLY,
        /** After the arrival window (the booking is, or will be, a no-show), or after the service closed. */
        TOO_LATE,
        /** The booking is another visitor's, or for another agency. */
        OTHER_VISITOR,
        /** The code or the desk is at another site than the service's. */
        OTHER_SITE,
        /** Every walk-in place of the day is taken, those of the no-shows included. */
        WALK_INS_FULL,
        /** The gate refused the check-in; {@link Refused#detail()} is the gate's. */
        GATE_REFUSED,
        /** The booking changed between reading and writing it, by another call at the same time. */
        CHANGED
    }

    /**
     * The step was taken.
     *
     * @param booking the booking as stored now
     */
    record Done(Booking booking) implements Outcome {
        /**
         * Checks the booking is there.
         *
         * @param booking not null
         */
        public Done {
            Objects.requireNonNull(booking, "booking");
        }
    }

    /**
     * The step was refused, and nothing changed.
     *
     * @param reason why
     * @param detail a sentence for the visitor or the desk, without personal data
     * @param nextDay for {@link Reason#DAY_FULL}, the next open day with a booked place left; null otherwise or if
     *     none within the days bookings open
     */
    record Refused(Reason reason, String detail, @Nullable LocalDate nextDay) implements Outcome {
        /**
         * Checks the reason and detail are there.
         *
         * @param reason not null
         * @param detail not null
         * @param nextDay the next day with room, or null
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        static Refused of(Reason reason, String detail) {
            return new Refused(reason, detail, null);
        }

        /**
         * Returns the next day with room, for a full day.
         *
         * @return the day, or empty
         */
        public Optional<LocalDate> nextDayWithRoom() {
            return Optional.ofNullable(nextDay);
        }
    }
}
