package dev.lawang.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link BookingStore#inMemory()}: one lock over every map, which keeps each check and write one step. */
final class InMemoryBookingStore implements BookingStore {
    private final Map<BookingId, Booking> byId = new HashMap<>();

    @Override
    public synchronized Reserve reserve(Booking hold, int quota, int maxActive, Instant now) {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(now, "now");
        if (hold.state() != Booking.State.HELD || byId.containsKey(hold.id())) {
            throw new IllegalArgumentException("not a new hold: " + hold);
        }
        long active = byId.values().stream().filter(b -> b.visitor().equals(hold.visitor()) && b.isActiveAt(now))
                .count();
        if (active >= maxActive) {
            return Reserve.TOO_MANY_ACTIVE;
        }
        if (placesTaken(hold.service(), hold.day(), now) >= quota) {
            return Reserve.DAY_FULL;
        }
        byId.put(hold.id(), hold);
        return Reserve.RESERVED;
    }

    @Override
    public synchronized boolean walkIn(Booking walkIn, int quota) {
        Objects.requireNonNull(walkIn, "walkIn");
        if (walkIn.channel() != Booking.Channel.WALK_IN || byId.containsKey(walkIn.id())) {
            throw new IllegalArgumentException("not a new walk-in: " + walkIn);
        }
        List<Booking> day = day(walkIn.service(), walkIn.day());
        long noShows = day.stream().filter(b -> b.state() == Booking.State.NO_SHOW).count();
        long walkIns = day.stream().filter(b -> b.channel() == Booking.Channel.WALK_IN).count();
        if (walkIns >= quota + noShows) {
            return false;
        }
        byId.put(walkIn.id(), walkIn);
        return true;
    }

    @Override
    public synchronized Optional<Booking> confirm(Booking hold, int quota, Instant now) {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(now, "now");
        Booking stored = byId.get(hold.id());
        if (stored == null || stored.state() != Booking.State.HELD || !stored.takesPlaceAt(now)
                || placesTaken(stored.service(), stored.day(), now) > quota) {
            return Optional.empty();
        }
        Booking confirmed = stored.confirmed();
        byId.put(confirmed.id(), confirmed);
        return Optional.of(confirmed);
    }

    @Override
    public synchronized boolean replace(Booking expected, Booking next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (!expected.id().equals(next.id())) {
            throw new IllegalArgumentException("not the same booking: " + expected.id() + ", " + next.id());
        }
        Booking stored = byId.get(expected.id());
        if (stored == null || stored.state() != expected.state()) {
            return false;
        }
        byId.put(next.id(), next);
        return true;
    }

    @Override
    public synchronized boolean remove(Booking walkIn) {
        Objects.requireNonNull(walkIn, "walkIn");
        Booking stored = byId.get(walkIn.id());
        if (stored == null || stored.channel() != Booking.Channel.WALK_IN) {
            return false;
        }
        byId.remove(walkIn.id());
        return true;
    }

    @Override
    public synchronized Optional<Booking> find(BookingId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<Booking> day(ServiceId service, LocalDate day) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(day, "day");
        List<Booking> out = new ArrayList<>();
        for (Booking b : byId.values()) {
            if (b.service().equals(service) && b.day().equals(day)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Booking::created).thenComparing(Booking::id));
        return out;
    }

    @Override
    public synchronized int placesTaken(ServiceId service, LocalDate day, Instant now) {
        Objects.requireNonNull(now, "now");
        return (int) day(service, day).stream().filter(b -> b.takesPlaceAt(now)).count();
    }
}
