package dev.lawang.booking;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A face-to-face service that one agency gives at one site, such as the civil registry's family card: its daily
 * places in two channels (booked ahead and walk-in at the desk), its opening window on each day of the week, how
 * many days ahead bookings open, and the usual time one counter takes to serve one person.
 *
 * <p>The daily places of a day are {@link #bookedPerDay()} + {@link #walkInsPerDay()}; places of booked visitors
 * who did not come go to the day's walk-ins (see {@link BookingDesk}). Windows are half-open {@code [from, until)}
 * in the site's zone. A day of the week without a window is closed.
 *
 * <p>Immutable and thread-safe.
 */
public final class Service {
    private final ServiceId id;
    private final SiteId site;
    private final AgencyId agency;
    private final int bookedPerDay;
    private final int walkInsPerDay;
    private final int daysAhead;
    private final Duration serviceTime;
    private final Map<DayOfWeek, Window> windows;

    private Service(Builder b) {
        this.id = b.id;
        this.site = b.site;
        this.agency = b.agency;
        this.bookedPerDay = b.bookedPerDay;
        this.walkInsPerDay = b.walkInsPerDay;
        this.daysAhead = b.daysAhead;
        this.serviceTime = b.serviceTime;
        this.windows = Map.copyOf(b.windows);
    }

    /**
     * Returns a builder for a service; by default it has no places, no window, opens bookings 14 days ahead and
     * takes 10 minutes a person.
     *
     * @param id the service's id
     * @param site the site where it is given
     * @param agency the agency that gives it
     * @return a new builder
     */
    public static Builder builder(ServiceId id, SiteId site, AgencyId agency) {
        return new Builder(id, site, agency);
    }

    /**
     * Returns the service's id.
     *
     * @return the id, unique among the services of a {@link BookingDesk}
     */
    public ServiceId id() {
        return id;
    }

    /**
     * Returns the site where the service is given.
     *
     * @return the site
     */
    public SiteId site() {
        return site;
    }

    /**
     * Returns the agency that gives the service.
     *
     * @return the agency
     */
    public AgencyId agency() {
        return agency;
    }

    /**
     * Returns the places a day that can be booked ahead.
     *
     * @return zero or more
     */
    public int bookedPerDay() {
        return bookedPerDay;
    }

    /**
     * Returns the places a day kept for walk-ins, before the places of no-shows are added.
     *
     * @return zero or more
     */
    public int walkInsPerDay() {
        return walkInsPerDay;
    }

    /**
     * Returns how many days ahead bookings open: a booking made today may be for today up to today plus this.
     *
     * @return zero or more
     */
    public int daysAhead() {
        return daysAhead;
    }

    /**
     * Returns the time one counter takes to serve one person before any service today was timed.
     *
     * @return a positive duration
     */
    public Duration serviceTime() {
        return serviceTime;
    }

    /**
     * Returns the opening window on a day of the week.
     *
     * @param day the day of the week
     * @return the window, or empty if the service is closed that day
     */
    public Optional<Window> window(DayOfWeek day) {
        return Optional.ofNullable(windows.get(Objects.requireNonNull(day, "day")));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Service s && id.equals(s.id) && site.equals(s.site) && agency.equals(s.agency)
                && bookedPerDay == s.bookedPerDay && walkInsPerDay == s.walkInsPerDay && daysAhead == s.daysAhead
                && serviceTime.equals(s.serviceTime) && windows.equals(s.windows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, site, agency, bookedPerDay, walkInsPerDay, daysAhead, serviceTime, windows);
    }

    @Override
    public String toString() {
        return "Service[" + id + " at " + site + " by " + agency + ", " + bookedPerDay + " booked + " + walkInsPerDay
                + " walk-in a day]";
    }

    /**
     * An opening window {@code [from, until)} in the site's local time, within one day.
     *
     * @param from when it opens
     * @param until when it closes; after {@code from}
     */
    public record Window(LocalTime from, LocalTime until) {
        /**
         * Checks the window.
         *
         * @param from when it opens
         * @param until when it closes
         * @throws IllegalArgumentException if {@code until} is not after {@code from}
         */
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("a window must close after it opens: " + from + " to " + until);
            }
        }
    }

    /** Builds a {@link Service}. Not thread-safe; {@link #build()} copies the state. */
    public static final class Builder {
        private final ServiceId id;
        private final SiteId site;
        private final AgencyId agency;
        private int bookedPerDay;
        private int walkInsPerDay;
        private int daysAhead = 14;
        private Duration serviceTime = Duration.ofMinutes(10);
        private final Map<DayOfWeek, Window> windows = new EnumMap<>(DayOfWeek.class);

        private Builder(ServiceId id, SiteId site, AgencyId agency) {
            this.id = Objects.requireNonNull(id, "id");
            this.site = Objects.requireNonNull(site, "site");
            this.agency = Objects.requireNonNull(agency, "agency");
        }

        /**
         * Sets the places a day that can be booked ahead.
         *
         * @param bookedPerDay zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder bookedPerDay(int bookedPerDay) {
            this.bookedPerDay = nonNegative(bookedPerDay, "bookedPerDay");
            return this;
        }

        /**
         * Sets the places a day kept for walk-ins.
         *
         * @param walkInsPerDay zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder walkInsPerDay(int walkInsPerDay) {
            this.walkInsPerDay = nonNegative(walkInsPerDay, "walkInsPerDay");
            return this;
        }

        /**
         * Sets how many days ahead bookings open.
         *
         * @param daysAhead 0 (today only) to 366
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder daysAhead(int daysAhead) {
            if (daysAhead < 0 || daysAhead > 366) {
                throw new IllegalArgumentException("daysAhead must be 0 to 366: " + daysAhead);
            }
            this.daysAhead = daysAhead;
            return this;
        }

        /**
         * Sets the time one counter takes to serve one person before any service was timed.
         *
         * @param serviceTime a positive duration
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder serviceTime(Duration serviceTime) {
            Objects.requireNonNull(serviceTime, "serviceTime");
            if (serviceTime.isNegative() || serviceTime.isZero()) {
                throw new IllegalArgumentException("serviceTime must be positive: " + serviceTime);
            }
            this.serviceTime = serviceTime;
            return this;
        }

        /**
         * Opens the service on days of the week, replacing their earlier window.
         *
         * @param from when it opens, in the site's local time
         * @param until when it closes; after {@code from}
         * @param days the days of the week
         * @return this builder
         * @throws IllegalArgumentException if {@code until} is not after {@code from}
         */
        public Builder open(LocalTime from, LocalTime until, DayOfWeek... days) {
            Window window = new Window(from, until);
            for (DayOfWeek day : days) {
                windows.put(Objects.requireNonNull(day, "day"), window);
            }
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         */
        public Service build() {
            return new Service(this);
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
