package dev.lawang.booking;

/**
 * A service's counts over days, from {@link BookingDesk#report}: the booked places confirmed (arrived, no-show or
 * still expected), those arrived, the no-shows, and the walk-ins admitted.
 *
 * @param booked confirmed booked places
 * @param arrived booked visitors who arrived
 * @param noShows booked visitors marked no-shows
 * @param walkIns walk-ins admitted
 */
public record ServiceReport(int booked, int arrived, int noShows, int walkIns) {
    /**
     * Returns the share of confirmed booked places that ended no-shows.
     *
     * @return {@code noShows / booked}, 0 when nothing was booked
     */
    public double noShowRate() {
        return booked == 0 ? 0 : (double) noShows / booked;
    }
}
