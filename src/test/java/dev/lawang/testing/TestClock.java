package dev.lawang.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the tests: moved by hand, forwards or backwards, and optionally ticking by one microsecond on
 * every reading, so that every operation of a ledger gets its own instant. It keeps nanoseconds, in UTC, from 1677 to
 * 2262.
 *
 * <p>Thread-safe: readings and moves are atomic, so threads of a concurrency test may share it.
 */
public final class TestClock extends Clock {
    private static final long TICK_NANOS = 1_000;

    private final AtomicLong nanos;
    private final boolean ticking;

    private TestClock(Instant start, boolean ticking) {
        this.nanos = new AtomicLong(nanosOf(start));
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
        nanos.addAndGet(duration.toNanos());
    }

    /**
     * Sets the clock.
     *
     * @param instant the next reading
     */
    public void set(Instant instant) {
        nanos.set(nanosOf(instant));
    }

    @Override
    public Instant instant() {
        long now = ticking ? nanos.getAndAdd(TICK_NANOS) : nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }

    private static long nanosOf(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
