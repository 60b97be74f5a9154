package dev.lawang.booking;

import dev.lawang.booking.Door.Entry;
import dev.lawang.booking.Outcome.Done;
import dev.lawang.booking.Outcome.Reason;
import dev.lawang.booking.Outcome.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.VisitorRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides bookings of face-to-face services: reserve, confirm, cancel, arrival and walk-in (through the gate:
 * {@code Gate.arrive} and {@code Gate.walkIn}), service, no-shows, and reports the no-show rate and a wait estimate.
 *
 * <p>Rules, in the site's zone from the {@link Directory} ({@link Site#zone()}):
 * <ul>
 *   <li>a booking is for a day from today to today plus {@link Service#daysAhead()}, not a holiday, with an opening
 *       window that has not closed yet; it is first a hold that must be confirmed within
 *       {@link BookingDeskBuilder#hold}; a visitor holds at most {@link BookingDeskBuilder#maxActive} active bookings
 *       ({@link Booking#isActiveAt}); a full day answers with the next open day that has a booked place left;</li>
 *   <li>a cancelled booking's place comes back {@link BookingDeskBuilder#releaseDelay} after the cancellation;</li>
 *   <li>a booked visitor arrives from {@link BookingDeskBuilder#earlyArrival} before the day's window opens until
 *       {@link BookingDeskBuilder#noShowGrace} after it opens; before that is {@link Reason#TOO_EARLY}, after it
 *       {@link Reason#TOO_LATE}, and {@link #markNoShows()} then marks the booking a no-show, whose place goes to the
 *       day's walk-ins;</li>
 *   <li>a walk-in is registered while the day's window is open, within the walk-in places plus the day's
 *       no-shows.</li>
 * </ul>
 * Every refusal is a {@link Refused} value with its {@link Reason}, and changes nothing. Misuse (null arguments)
 * throws.
 *
 * <p>Immutable and thread-safe; the store makes each step atomic, also across application instances sharing it.
 */
public final class BookingDesk {
    /** The default time a hold lasts before it must be confirmed: 30 minutes. */
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(30);
    /** The default delay before a cancelled place comes back: 30 minutes. */
    public static final Duration DEFAULT_RELEASE_DELAY = Duration.ofMinutes(30);
    /** The default time after opening by which a booked visitor must arrive: 2 hours. */
    public static final Duration DEFAULT_NO_SHOW_GRACE = Duration.ofHours(2);
    /** The default time before opening from which a booked visitor may arrive: 30 minutes. */
    public static final Duration DEFAULT_EARLY_ARRIVAL = Duration.ofMinutes(30);
    /** The default number of active bookings a visitor may hold: 2. */
    public static final int DEFAULT_MAX_ACTIVE = 2;
    /** How many of the day's latest services the wait estimate averages. */
    public static final int RECENT_SERVICES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BookingDesk.class);

    private final Map<ServiceId, Service> services;
    private final Map<ServiceId, ZoneId> zones;
    private final Set<LocalDate> holidays;
    private final BookingStore store;
    private final Clock clock;
    private final Duration hold;
    private final Duration releaseDelay;
    private final Duration noShowGrace;
    private final Duration earlyArrival;
    private final int maxActive;

    BookingDesk(BookingDeskBuilder b) {
        this.services = Map.copyOf(b.services);
        this.zones = Map.copyOf(b.zones);
        this.holidays = Set.copyOf(b.holidays);
        this.store = b.store;
        this.clock = b.clock;
        this.hold = b.hold;
        this.releaseDelay = b.releaseDelay;
        this.noShowGrace = b.noShowGrace;
        this.earlyArrival = b.earlyArrival;
        this.maxActive = b.maxActive;
    }

    /**
     * Returns a builder.
     *
     * @param directory the directory, which gives each service's site and its zone
     * @param store where the bookings are kept
     * @return a new builder
     */
    public static BookingDeskBuilder builder(Directory directory, BookingStore store) {
        return new BookingDeskBuilder(directory, store);
    }

    /**
     * Finds a service.
     *
     * @param id the service's id
     * @return the service, or empty if the desk has none of that id
     */
    public Optional<Service> service(ServiceId id) {
        return Optional.ofNullable(services.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Finds a booking.
     *
     * @param id the booking's id
     * @return the booking as stored now, or empty
     */
    public Optional<Booking> booking(BookingId id) {
        return store.find(Objects.requireNonNull(id, "id"));
    }

    /**
     * Returns whether a service is open on a day: it has a window that day of the week and the day is no holiday.
     *
     * @param service the service
     * @param day the day
     * @return whether it opens
     */
    public boolean isOpen(Service service, LocalDate day) {
        Objects.requireNonNull(service, "service");
        return !holidays.contains(Objects.requireNonNull(day, "day")) && service.window(day.getDayOfWeek()).isPresent();
    }

    /**
     * Reserves a booked place: a hold until now plus {@link BookingDeskBuilder#hold}.
     *
     * @param service the service's id
     * @param visitor the visitor's pseudonym
     * @param day the day, local to the site's zone
     * @return {@link Done} with the hold, or {@link Refused} ({@link Reason#UNKNOWN_SERVICE}, {@link Reason#PAST_DAY},
     *     {@link Reason#TOO_FAR_AHEAD}, {@link Reason#HOLIDAY}, {@link Reason#CLOSED}, {@link Reason#DAY_FULL} with
     *     the next day that has room, {@link Reason#TOO_MANY_ACTIVE})
     */
    public Outcome reserve(ServiceId service, VisitorRef visitor, LocalDate day) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(day, "day");
        Service s = services.get(service);
        if (s == null) {
            return Refused.of(Reason.UNKNOWN_SERVICE, "No service " + service + ".");
        }
        Instant now = now();
        ZonedDateTime local = now.atZone(zone(service));
        LocalDate today = local.toLocalDate();
        if (day.isBefore(today)) {
            return Refused.of(Reason.PAST_DAY, day + " is before today, " + today + ".");
        }
        if (day.isAfter(today.plusDays(s.daysAhead()))) {
            return Refused.of(Reason.TOO_FAR_AHEAD, "Bookings open " + s.daysAhead() + " days ahead.");
        }
        if (holidays.contains(day)) {
            return Refused.of(Reason.HOLIDAY, day + " is a holiday.");
        }
        Optional<Service.Window> window = s.window(day.getDayOfWeek());
        if (window.isEmpty()) {
            return Refused.of(Reason.CLOSED, "Closed on " + day.getDayOfWeek() + ".");
        }
        if (day.equals(today) && !local.toLocalTime().isBefore(window.get().until())) {
            return Refused.of(Reason.CLOSED, "Closed since " + window.get().until() + " today.");
        }
        Booking held = Booking.hold(service, visitor, day, now, now.plus(hold));
        return switch (store.reserve(held, s.bookedPerDay(), maxActive, now)) {
            case RESERVED -> new Done(held);
            case TOO_MANY_ACTIVE -> Refused.of(Reason.TOO_MANY_ACTIVE, "At most " + maxActive + " active bookings.");
            case DAY_FULL -> new Refused(Reason.DAY_FULL, "All " + s.bookedPerDay() + " booked places are taken.",
                    nextDayWithRoom(s, day, today, now));
        };
    }

    /**
     * Returns the first day after {@code after} on which a service is open and has a booked place left, within the
     * days bookings are open.
     *
     * @param service the service's id
     * @param after the day after which to look
     * @return the day, or empty if none has room or the service is unknown
     */
    public Optional<LocalDate> nextDayWithRoom(ServiceId service, LocalDate after) {
        Objects.requireNonNull(after, "after");
        Service s = services.get(Objects.requireNonNull(service, "service"));
        if (s == null) {
            return Optional.empty();
        }
        Instant now = now();
        return Optional.ofNullable(nextDayWithRoom(s, after, now.atZone(zone(service)).toLocalDate(), now));
    }

    private @Nullable LocalDate nextDayWithRoom(Service s, LocalDate after, LocalDate today, Instant now) {
        LocalDate last = today.plusDays(s.daysAhead());
        for (LocalDate d = after.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (isOpen(s, d) && store.placesTaken(s.id(), d, now) < s.bookedPerDay()) {
                return d;
            }
        }
        return null;
    }

    /**
     * Confirms a hold before it expires.
     *
     * @param booking the booking's id
     * @return {@link Done} with the confirmed booking, or {@link Refused} ({@link Reason#UNKNOWN_BOOKING},
     *     {@link Reason#ALREADY_CONFIRMED}, {@link Reason#HOLD_EXPIRED}, {@link Reason#NOT_CONFIRMED} for a booking
     *     past its hold)
     */
    public Outcome confirm(BookingId booking) {
        Objects.requireNonNull(booking, "booking");
        Optional<Booking> found = store.find(booking);
        if (found.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_BOOKING, "No booking " + booking + ".");
        }
        Booking b = found.get();
        Instant now = now();
        if (b.state() == Booking.State.CONFIRMED) {
            return Refused.of(Reason.ALREADY_CONFIRMED, "Booking " + booking + " is confirmed already.");
        }
        if (b.state() != Booking.State.HELD) {
            return Refused.of(Reason.NOT_CONFIRMED, "Booking " + booking + " is " + b.state() + ".");
        }
        Service s = services.get(b.service());
        if (s == null) {
            return Refused.of(Reason.UNKNOWN_SERVICE, "No service " + b.service() + ".");
        }
        Optional<Booking> confirmed = store.confirm(b, s.bookedPerDay(), now);
        if (confirmed.isEmpty()) {
            return Refused.of(Reason.HOLD_EXPIRED, "The hold expired at " + b.placeUntil() + ".");
        }
        return new Done(confirmed.get());
    }

    /**
     * Cancels a hold or a confirmed booking; its place comes back after {@link BookingDeskBuilder#releaseDelay}.
     *
     * @param booking the booking's id
     * @return {@link Done} with the cancelled booking, or {@link Refused} ({@link Reason#UNKNOWN_BOOKING},
     *     {@link Reason#ALREADY_ENDED} for one arrived, served, marked a no-show or cancelled)
     */
    public Outcome cancel(BookingId booking) {
        Objects.requireNonNull(booking, "booking");
        Optional<Booking> found = store.find(booking);
        if (found.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_BOOKING, "No booking " + booking + ".");
        }
        Booking b = found.get();
        if (b.channel() != Booking.Channel.BOOKED
                || (b.state() != Booking.State.HELD && b.state() != Booking.State.CONFIRMED)) {
            return Refused.of(Reason.ALREADY_ENDED, "Booking " + booking + " is " + b.state() + ".");
        }
        Instant now = now();
        return replaced(b, b.cancelledAt(now, now.plus(releaseDelay)));
    }

    /**
     * Decides the arrival of a booked visitor; {@code Gate.arrive} calls it with the gate as the door.
     *
     * <p>The booking must be confirmed, the visitor's and the agency the booking's, and the time within the arrival
     * window; only then does the door decide the check-in at the service's site. The booking turns
     * {@link Booking.State#ARRIVED} with the door's ticket.
     *
     * @param booking the booking's id
     * @param visitor who arrives
     * @param agency the agency the visitor comes to
     * @param door the gate, which admits at the service's site
     * @return {@link Done} with the arrived booking, or {@link Refused} ({@link Reason#UNKNOWN_BOOKING},
     *     {@link Reason#OTHER_VISITOR}, {@link Reason#ALREADY_ARRIVED}, {@link Reason#NOT_CONFIRMED},
     *     {@link Reason#TOO_EARLY}, {@link Reason#TOO_LATE}, {@link Reason#OTHER_SITE},
     *     {@link Reason#GATE_REFUSED})
     */
    public Outcome arrive(BookingId booking, VisitorRef visitor, AgencyId agency, Door door) {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(door, "door");
        Optional<Booking> found = store.find(booking);
        if (found.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_BOOKING, "No booking " + booking + ".");
        }
        Booking b = found.get();
        Service s = services.get(b.service());
        if (s == null) {
            return Refused.of(Reason.UNKNOWN_SERVICE, "No service " + b.service() + ".");
        }
        if (!b.visitor().equals(visitor) || !s.agency().equals(agency)) {
            return Refused.of(Reason.OTHER_VISITOR, "Booking " + booking + " is for another visitor or agency.");
        }
        Instant now = now();
        Refused outside = switch (b.state()) {
            case ARRIVED, SERVED -> Refused.of(Reason.ALREADY_ARRIVED, "Booking " + booking + " is " + b.state() + ".");
            case NO_SHOW -> Refused.of(Reason.TOO_LATE, "Booking " + booking + " was marked a no-show.");
            case HELD, CANCELLED -> Refused.of(Reason.NOT_CONFIRMED, "Booking " + booking + " is " + b.state() + ".");
            case CONFIRMED -> outsideArrival(s, b.day(), now);
        };
        if (outside != null) {
            return outside;
        }
        Entry entry = door.enter(s.site());
        if (entry.ticket() == null) {
            return Refused.of(Objects.requireNonNullElse(entry.refusal(), Reason.GATE_REFUSED), entry.detail());
        }
        Outcome arrived = replaced(b, b.arrivedAt(now, entry.ticket()));
        LOG.debug("booked arrival for service {} at site {}", s.id(), s.site());
        return arrived;
    }

    private @Nullable Refused outsideArrival(Service s, LocalDate day, Instant now) {
        ZoneId zone = zone(s.id());
        Optional<Service.Window> opening = s.window(day.getDayOfWeek());
        if (opening.isEmpty()) {
            return Refused.of(Reason.CLOSED, "Closed on " + day.getDayOfWeek() + ".");
        }
        Service.Window window = opening.get();
        Instant opens = day.atTime(window.from()).atZone(zone).toInstant();
        Instant from = opens.minus(earlyArrival);
        Instant until = opens.plus(noShowGrace);
        if (now.isBefore(from)) {
            return Refused.of(Reason.TOO_EARLY, "Arrivals from " + from.atZone(zone).toLocalDateTime() + ".");
        }
        if (!now.isBefore(until)) {
            return Refused.of(Reason.TOO_LATE, "Arrivals until " + until.atZone(zone).toLocalDateTime() + ".");
        }
        return null;
    }

    /**
     * Registers a walk-in at the desk and lets the visitor in; {@code Gate.walkIn} calls it with the gate as the door.
     *
     * <p>The walk-in takes a walk-in place first, then goes through the door; if the door refuses, the place is given
     * back.
     *
     * @param service the service's id
     * @param visitor who walks in
     * @param agency the agency the visitor comes to
     * @param site the site where the desk registers the walk-in
     * @param door the gate
     * @return {@link Done} with the arrived walk-in, or {@link Refused} ({@link Reason#UNKNOWN_SERVICE},
     *     {@link Reason#OTHER_SITE}, {@link Reason#HOLIDAY}, {@link Reason#CLOSED}, {@link Reason#TOO_EARLY},
     *     {@link Reason#TOO_LATE}, {@link Reason#WALK_INS_FULL}, {@link Reason#GATE_REFUSED})
     */
    public Outcome walkIn(ServiceId service, VisitorRef visitor, AgencyId agency, SiteId site, Door door) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(door, "door");
        Service s = services.get(service);
        if (s == null) {
            return Refused.of(Reason.UNKNOWN_SERVICE, "No service " + service + ".");
        }
        if (!s.site().equals(site) || !s.agency().equals(agency)) {
            return Refused.of(Reason.OTHER_SITE, "Service " + service + " is given by " + s.agency() + " at "
                    + s.site() + ".");
        }
        Instant now = now();
        ZonedDateTime local = now.atZone(zone(service));
        LocalDate today = local.toLocalDate();
        if (holidays.contains(today)) {
            return Refused.of(Reason.HOLIDAY, today + " is a holiday.");
        }
        Optional<Service.Window> window = s.window(today.getDayOfWeek());
        if (window.isEmpty()) {
            return Refused.of(Reason.CLOSED, "Closed on " + today.getDayOfWeek() + ".");
        }
        if (local.toLocalTime().isBefore(window.get().from())) {
            return Refused.of(Reason.TOO_EARLY, "Opens at " + window.get().from() + ".");
        }
        if (!local.toLocalTime().isBefore(window.get().until())) {
            return Refused.of(Reason.TOO_LATE, "Closed at " + window.get().until() + ".");
        }
        Booking place = Booking.walkIn(service, visitor, today, now);
        if (!store.walkIn(place, s.walkInsPerDay())) {
            return Refused.of(Reason.WALK_INS_FULL, "No walk-in place left today.");
        }
        Entry entry = door.enter(s.site());
        if (entry.ticket() == null) {
            store.remove(place);
            return Refused.of(Objects.requireNonNullElse(entry.refusal(), Reason.GATE_REFUSED), entry.detail());
        }
        return replaced(place, place.arrivedAt(now, entry.ticket()));
    }

    /**
     * Records that an arrived visitor was served, which times the service for the wait estimate.
     *
     * @param booking the booking's id
     * @return {@link Done} with the served booking, or {@link Refused} ({@link Reason#UNKNOWN_BOOKING},
     *     {@link Reason#NOT_ARRIVED})
     */
    public Outcome served(BookingId booking) {
        Objects.requireNonNull(booking, "booking");
        Optional<Booking> found = store.find(booking);
        if (found.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_BOOKING, "No booking " + booking + ".");
        }
        Booking b = found.get();
        if (b.state() != Booking.State.ARRIVED) {
            return Refused.of(Reason.NOT_ARRIVED, "Booking " + booking + " is " + b.state() + ".");
        }
        return replaced(b, b.servedAt(now()));
    }

    /**
     * Marks a no-show every booking of today that is confirmed but did not arrive within the grace period, so that
     * its place goes to the day's walk-ins. Call it on a schedule, every minute for example.
     *
     * @return how many bookings were marked
     */
    public int markNoShows() {
        Instant now = now();
        int marked = 0;
        for (Service s : services.values()) {
            LocalDate today = now.atZone(zone(s.id())).toLocalDate();
            if (!isOpen(s, today)) {
                continue;
            }
            Service.Window window = s.window(today.getDayOfWeek()).orElseThrow();
            Instant due = today.atTime(window.from()).atZone(zone(s.id())).toInstant().plus(noShowGrace);
            if (now.isBefore(due)) {
                continue;
            }
            for (Booking b : store.day(s.id(), today)) {
                if (b.state() == Booking.State.CONFIRMED && store.replace(b, b.noShowAt(now))) {
                    marked++;
                }
            }
        }
        if (marked > 0) {
            LOG.debug("marked {} bookings no-shows", marked);
        }
        return marked;
    }

    /**
     * Counts a service's bookings and walk-ins over days.
     *
     * @param service the service's id
     * @param from the first day
     * @param until the last day, included
     * @return the counts, all zero for an unknown service
     * @throws IllegalArgumentException if {@code until} is before {@code from}
     */
    public ServiceReport report(ServiceId service, LocalDate from, LocalDate until) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
        int booked = 0;
        int arrived = 0;
        int noShows = 0;
        int walkIns = 0;
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            for (Booking b : store.day(service, d)) {
                boolean visited = b.state() == Booking.State.ARRIVED || b.state() == Booking.State.SERVED;
                if (b.channel() == Booking.Channel.WALK_IN) {
                    walkIns += visited ? 1 : 0;
                } else if (visited || b.state() == Booking.State.NO_SHOW || b.state() == Booking.State.CONFIRMED) {
                    booked++;
                    arrived += visited ? 1 : 0;
                    noShows += b.state() == Booking.State.NO_SHOW ? 1 : 0;
                }
            }
        }
        return new ServiceReport(booked, arrived, noShows, walkIns);
    }

    /**
     * Estimates how long a person arriving now waits for a service: the people who arrived today and are not yet
     * served, times the average duration from arrival to service of the day's last {@link #RECENT_SERVICES}
     * services ({@link Service#serviceTime()} while none was timed), divided by the open counters; rounded down to
     * the second.
     *
     * @param service the service's id
     * @param openCounters the counters serving now; positive
     * @return the estimate
     * @throws IllegalArgumentException if the service is unknown or {@code openCounters} is not positive
     */
    public Duration waitEstimate(ServiceId service, int openCounters) {
        Objects.requireNonNull(service, "service");
        Service s = services.get(service);
        if (s == null) {
            throw new IllegalArgumentException("unknown service: " + service);
        }
        if (openCounters < 1) {
            throw new IllegalArgumentException("openCounters must be positive: " + openCounters);
        }
        LocalDate today = now().atZone(zone(service)).toLocalDate();
        List<Booking> day = store.day(service, today);
        long ahead = day.stream().filter(b -> b.state() == Booking.State.ARRIVED).count();
        List<Duration> recent = new ArrayList<>();
        day.stream().filter(b -> b.state() == Booking.State.SERVED)
                .sorted(Comparator.comparing((Booking b) -> Objects.requireNonNull(b.ended())).reversed())
                .limit(RECENT_SERVICES)
                .forEach(b -> recent.add(Duration.between(Objects.requireNonNull(b.arrived()),
                        Objects.requireNonNull(b.ended()))));
        Duration each = s.serviceTime();
        if (!recent.isEmpty()) {
            Duration sum = Duration.ZERO;
            for (Duration d : recent) {
                sum = sum.plus(d);
            }
            each = sum.dividedBy(recent.size());
        }
        return Duration.ofSeconds(each.multipliedBy(ahead).dividedBy(openCounters).toSeconds());
    }

    /** The clock's instant to the microsecond, which every store keeps exactly. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private ZoneId zone(ServiceId service) {
        return Objects.requireNonNull(zones.get(service), "zone");
    }

    private Outcome replaced(Booking expected, Booking next) {
        if (!store.replace(expected, next)) {
            return Refused.of(Reason.CHANGED, "Booking " + expected.id() + " changed meanwhile; read it again.");
        }
        return new Done(next);
    }
}
