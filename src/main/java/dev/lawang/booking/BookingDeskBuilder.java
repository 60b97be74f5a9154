package dev.lawang.booking;

import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link BookingDesk}; {@link BookingDesk#builder} makes one. Defaults: no service, no holiday, the system
 * clock, {@link BookingDesk#DEFAULT_HOLD}, {@link BookingDesk#DEFAULT_RELEASE_DELAY},
 * {@link BookingDesk#DEFAULT_NO_SHOW_GRACE}, {@link BookingDesk#DEFAULT_EARLY_ARRIVAL},
 * {@link BookingDesk#DEFAULT_MAX_ACTIVE}. Not thread-safe; {@link #build()} copies the state.
 */
public final class BookingDeskBuilder {
    private final Directory directory;
    final BookingStore store;
    final Map<ServiceId, Service> services = new LinkedHashMap<>();
    final Map<ServiceId, ZoneId> zones = new LinkedHashMap<>();
    final Set<LocalDate> holidays = new HashSet<>();
    Clock clock = Clock.systemUTC();
    Duration hold = BookingDesk.DEFAULT_HOLD;
    Duration releaseDelay = BookingDesk.DEFAULT_RELEASE_DELAY;
    Duration noShowGrace = BookingDesk.DEFAULT_NO_SHOW_GRACE;
    Duration earlyArrival = BookingDesk.DEFAULT_EARLY_ARRIVAL;
    int maxActive = BookingDesk.DEFAULT_MAX_ACTIVE;

    BookingDeskBuilder(Directory directory, BookingStore store) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Adds services.
     *
     * @param services the services; each at a site of the directory where its agency works, with an id no other
     *     service of this desk has
     * @return this builder
     * @throws IllegalArgumentException if a site is not in the directory, the agency does not work there, or an
     *     id is taken
     */
    public BookingDeskBuilder services(Service... services) {
        for (Service s : services) {
            Objects.requireNonNull(s, "service");
            Site site = directory.site(s.site()).orElseThrow(
                    () -> new IllegalArgumentException("site not in the directory: " + s.site()));
            if (!site.hasTenant(s.agency())) {
                throw new IllegalArgumentException("agency " + s.agency() + " does not work at " + s.site());
            }
            if (this.services.containsKey(s.id())) {
                throw new IllegalArgumentException("service id taken: " + s.id());
            }
            this.services.put(s.id(), s);
            zones.put(s.id(), site.zone());
        }
        return this;
    }

    /**
     * Adds holidays, on which no service opens.
     *
     * @param days the days
     * @return this builder
     */
    public BookingDeskBuilder holidays(LocalDate... days) {
        for (LocalDate d : days) {
            holidays.add(Objects.requireNonNull(d, "day"));
        }
        return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public BookingDeskBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets how long a hold lasts before it must be confirmed.
     *
     * @param hold positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public BookingDeskBuilder hold(Duration hold) {
        this.hold = positive(hold, "hold");
        return this;
    }

    /**
     * Sets how long after a cancellation its place comes back.
     *
     * @param releaseDelay zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public BookingDeskBuilder releaseDelay(Duration releaseDelay) {
        Objects.requireNonNull(releaseDelay, "releaseDelay");
        if (releaseDelay.isNegative()) {
            throw new IllegalArgumentException("releaseDelay must not be negative: " + releaseDelay);
        }
        this.releaseDelay = releaseDelay;
        return this;
    }

    /**
     * Sets how long after the day's window opens a booked visitor may still arrive.
     *
     * @param noShowGrace positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public BookingDeskBuilder noShowGrace(Duration noShowGrace) {
        this.noShowGrace = positive(noShowGrace, "noShowGrace");
        return this;
    }

    /**
     * Sets how long before the day's window opens a booked visitor may arrive.
     *
     * @param earlyArrival zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public BookingDeskBuilder earlyArrival(Duration earlyArrival) {
        Objects.requireNonNull(earlyArrival, "earlyArrival");
        if (earlyArrival.isNegative()) {
            throw new IllegalArgumentException("earlyArrival must not be negative: " + earlyArrival);
        }
        this.earlyArrival = earlyArrival;
        return this;
    }

    /**
     * Sets how many active bookings a visitor may hold.
     *
     * @param maxActive positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public BookingDeskBuilder maxActive(int maxActive) {
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be positive: " + maxActive);
        }
        this.maxActive = maxActive;
        return this;
    }

    /**
     * Builds the desk.
     *
     * @return the desk
     */
    public BookingDesk build() {
        return new BookingDesk(this);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
