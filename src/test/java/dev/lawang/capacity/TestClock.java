package dev.lawang.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that tests move by hand, forwards or backwards, and that can tick by one microsecond on every reading so
 * that every operation of a ledger gets its own instant.
 *
 * <p>Thread-safe.
 */
public final class TestClock extends Clock {
    private final AtomicLong micros;
    private final boolean ticking;

    private TestClock(Instant start, boolean ticking) {
        this.micros = new AtomicLong(start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000);
        this.ticking = ticking;
    }

    /**
     * Returns a clock that stands still until moved.
     *
     * @param start the first reading
     * @return the clock
     */
    public static TestClock at(Instant start) {
        return new TestClock(start, false);
    }

    /**
     * Returns a clock that advances by one microsecond after every reading.
     *
     * @param start the first reading
     * @return the clock
     */
    public static TestClock ticking(Instant start) {
        return new TestClock(start, true);
    }

    /**
     * Moves the clock.
     *
     * @param duration how far; negative moves it backwards
     */
    public void advance(Duration duration) {
        micros.addAndGet(duration.toNanos() / 1_000);
    }

    /**
     * Sets the clock.
     *
     * @param instant the next reading
     */
    public void set(Instant instant) {
        micros.set(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
    }

    @Override
    public Instant instant() {
        long now = ticking ? micros.getAndIncrement() : micros.get();
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000L), Math.floorMod(now, 1_000_000L) * 1_000L);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock has no zone");
    }
}
