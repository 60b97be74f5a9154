package dev.lawang.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Dated policy levels: for each period, the level in force and the percentage of nominal limits it allows, with the
 * instrument that set it.
 *
 * <p>Periods are half-open ranges of local calendar days {@code [from, until)} in the site's zone: an entry from
 * 2022-02-08 until 2022-02-15 is in force on the 8th up to and including the 14th. Levels change at local midnight,
 * the same boundary as daily quotas. Entries may leave gaps; on a day no entry covers, limits apply in full (100 %).
 * Entries must not overlap.
 *
 * <p>The same level may allow different percentages in different periods (PPKM level 3 allowed 25 % in the week of
 * 8 February 2022 and 50 % two weeks later), which is why entries carry dates and percentages, not levels alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class LevelSchedule {
    private static final LevelSchedule NONE = new LevelSchedule(List.of());

    private final List<Entry> entries;

    private LevelSchedule(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * One period of a schedule.
     *
     * @param from the first local day in force
     * @param until the first local day no longer in force (exclusive)
     * @param level the level, such as PPKM level 1 to 4; from 0 to 99
     * @param percent the share of nominal limits allowed, from 0 to 100
     * @param instrument the instrument that set it, for audit, such as {@code "Inmendagri 9/2022"}; 1 to 200
     *     characters, not blank, no control characters
     */
    public record Entry(LocalDate from, LocalDate until, int level, int percent, String instrument) {
        /**
         * Validates the entry.
         *
         * @param from not null
         * @param until not null, after {@code from}
         * @param level from 0 to 99
         * @param percent from 0 to 100
         * @param instrument 1 to 200 characters, not blank, no control characters
         * @throws IllegalArgumentException if {@code until} is not after {@code from}, a number is out of range, or
         *     the instrument is blank, too long or holds control characters
         */
        public Entry {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(instrument, "instrument");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("level period must end after it starts: [" + from + ", " + until
                        + ")");
            }
            if (level < 0 || level > 99) {
                throw new IllegalArgumentException("level must be from 0 to 99: " + level);
            }
            checkPercent(percent);
            if (instrument.isBlank() || instrument.length() > 200
                    || instrument.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("instrument must be 1 to 200 characters, not blank, without"
                        + " control characters (" + instrument.length() + " characters given)");
            }
        }

        /**
         * Returns an entry.
         *
         * @param from the first local day in force
         * @param until the first local day no longer in force (exclusive)
         * @param level the level, from 0 to 99
         * @param percent the share of nominal limits allowed, from 0 to 100
         * @param instrument the instrument that set it
         * @return the entry
         * @throws IllegalArgumentException as the canonical constructor
         */
        public static Entry of(LocalDate from, LocalDate until, int level, int percent, String instrument) {
            return new Entry(from, until, level, percent, instrument);
        }

        /**
         * Tells whether this entry is in force on a local day.
         *
         * @param day the local day
         * @return whether {@code from <= day < until}
         */
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(until);
        }
    }

    /**
     * Returns the empty schedule: limits apply in full every day.
     *
     * @return the empty schedule
     */
    public static LevelSchedule none() {
        return NONE;
    }

    /**
     * Returns a schedule of entries, in any order.
     *
     * @param entries the entries
     * @return the schedule
     * @throws IllegalArgumentException if two entries overlap
     */
    public static LevelSchedule of(Entry... entries) {
        return of(List.of(entries));
    }

    /**
     * Returns a schedule of entries, in any order.
     *
     * @param entries the entries
     * @return the schedule
     * @throws IllegalArgumentException if two entries overlap
     */
    public static LevelSchedule of(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::from));
        for (int i = 1; i < sorted.size(); i++) {
            Entry previous = sorted.get(i - 1);
            Entry next = sorted.get(i);
            if (next.from().isBefore(previous.until())) {
                throw new IllegalArgumentException("level periods overlap: [" + previous.from() + ", "
                        + previous.until() + ") " + previous.instrument() + " and [" + next.from() + ", "
                        + next.until() + ") " + next.instrument());
            }
        }
        return sorted.isEmpty() ? NONE : new LevelSchedule(List.copyOf(sorted));
    }

    /**
     * Returns the entries in order of their first day.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Returns the entry in force on a local day.
     *
     * @param day the local day
     * @return the entry, or empty if none covers the day
     */
    public Optional<Entry> entryOn(LocalDate day) {
        int low = 0;
        int high = entries.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Entry entry = entries.get(mid);
            if (day.isBefore(entry.from())) {
                high = mid - 1;
            } else if (!day.isBefore(entry.until())) {
                low = mid + 1;
            } else {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the percentage of nominal limits allowed on a local day.
     *
     * @param day the local day
     * @return the percentage of the entry in force, or 100 if none is
     */
    public int percentOn(LocalDate day) {
        return entryOn(day).map(Entry::percent).orElse(100);
    }

    static void checkPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be from 0 to 100: " + percent);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LevelSchedule other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "LevelSchedule" + entries;
    }
}
