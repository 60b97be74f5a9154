package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.LevelSchedule.Entry;
import dev.lawang.visit.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelScheduleTest {
    /** The instruments of prior-art.md, as a regency at level 3 saw them in early 2022. */
    private static final Entry FEB_8 = Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 15), 3, 25,
            "Inmendagri 9/2022");
    private static final Entry FEB_22 = Entry.of(LocalDate.of(2022, 2, 22), LocalDate.of(2022, 3, 1), 3, 50,
            "Inmendagri 12/2022");
    private static final Entry MAR_1 = Entry.of(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 8), 2, 75,
            "Inmendagri 13/2022");

    @Test
    void percentOn_followsTheEntryInForceAndIsFullOutsideEveryEntry() {
        LevelSchedule schedule = LevelSchedule.of(MAR_1, FEB_8, FEB_22);

        assertThat(schedule.entries()).containsExactly(FEB_8, FEB_22, MAR_1);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 7))).isEqualTo(100);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 8))).isEqualTo(25);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 14))).isEqualTo(25);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 15))).isEqualTo(100);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 28))).isEqualTo(50);
        assertThat(schedule.percentOn(LocalDate.of(2022, 3, 1))).isEqualTo(75);
        assertThat(schedule.percentOn(LocalDate.of(2022, 3, 8))).isEqualTo(100);
        assertThat(schedule.entryOn(LocalDate.of(2022, 2, 10))).contains(FEB_8);
        assertThat(schedule.entryOn(LocalDate.of(2022, 2, 20))).isEmpty();
        assertThat(LevelSchedule.none().percentOn(LocalDate.of(2022, 2, 10))).isEqualTo(100);
    }

    @Test
    void theSameLevelMayAllowDifferentSharesInDifferentWeeks() {
        LevelSchedule schedule = LevelSchedule.of(FEB_8, FEB_22);

        assertThat(schedule.entryOn(LocalDate.of(2022, 2, 9)).orElseThrow().level()).isEqualTo(3);
        assertThat(schedule.entryOn(LocalDate.of(2022, 2, 23)).orElseThrow().level()).isEqualTo(3);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 9))).isEqualTo(25);
        assertThat(schedule.percentOn(LocalDate.of(2022, 2, 23))).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({
        "150, 25, 37", "150, 50, 75", "150, 75, 112", "150, 0, 0", "150, 100, 150", "50, 33, 16", "1, 99, 0",
        "0, 50, 0", "1000000000, 99, 990000000", "1000000000, 1, 10000000", "3, 34, 1"})
    void scaled_roundsDown(int nominal, int percent, int expected) {
        assertThat(Limit.of(nominal, java.util.Set.of(Role.GUEST)).scaled(percent)).isEqualTo(expected);
    }

    @Test
    void of_rejectsOverlappingEntriesNamingThem() {
        Entry overlapping = Entry.of(LocalDate.of(2022, 2, 14), LocalDate.of(2022, 2, 16), 2, 75, "draft");

        assertThatThrownBy(() -> LevelSchedule.of(FEB_8, overlapping))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap")
                .hasMessageContaining("Inmendagri 9/2022").hasMessageContaining("draft");
        assertThatThrownBy(() -> LevelSchedule.of(FEB_8, FEB_8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LevelSchedule.of(FEB_8, Entry.of(LocalDate.of(2022, 2, 15), LocalDate.of(2022, 2, 16), 1, 100,
                "adjacent")).entries()).hasSize(2);
    }

    @Test
    void entry_rejectsReversedAndEmptyPeriods() {
        assertThatThrownBy(() -> Entry.of(LocalDate.of(2022, 2, 15), LocalDate.of(2022, 2, 8), 3, 25, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2022-02-15, 2022-02-08)");
        assertThatThrownBy(() -> Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 8), 3, 25, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void entry_rejectsPercentagesOutsideZeroToHundred(int percent) {
        assertThatThrownBy(() -> Entry.of(LocalDate.of(2022, 2, 8), LocalDate.of(2022, 2, 15), 3, percent, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(percent));
        assertThatThrownBy(() -> Limit.of(10, java.util.Set.of(Role.GUEST)).scaled(percent))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entry_rejectsBadLevelsAndInstruments() {
        LocalDate from = LocalDate.of(2022, 2, 8);
        LocalDate until = from.plusDays(7);
        assertThatThrownBy(() -> Entry.of(from, until, -1, 25, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entry.of(from, until, 100, 25, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entry.of(from, until, 3, 25, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entry.of(from, until, 3, 25, "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entry.of(from, until, 3, 25, "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("201");
        assertThatThrownBy(() -> Entry.of(null, until, 3, 25, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LevelSchedule.of(List.of(FEB_8, null))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void covers_includesTheFirstDayAndExcludesTheUntilDay() {
        assertThat(FEB_8.covers(LocalDate.of(2022, 2, 7))).isFalse();
        assertThat(FEB_8.covers(LocalDate.of(2022, 2, 8))).isTrue();
        assertThat(FEB_8.covers(LocalDate.of(2022, 2, 14))).isTrue();
        assertThat(FEB_8.covers(LocalDate.of(2022, 2, 15))).isFalse();
    }

    @ParameterizedTest(name = "day {0}: {1}")
    @CsvSource({
        "1, -", "2, a", "3, a", "4, b", "5, b", "6, -", "7, -", "8, c", "9, -", "10, -", "11, d", "12, d",
        "20, d", "21, -", "30, -"})
    void entryOn_findsTheEntryAtEachEdgeAndNoneInTheGaps(int dayOfMonth, String expected) {
        Entry a = Entry.of(LocalDate.of(2022, 3, 2), LocalDate.of(2022, 3, 4), 1, 90, "a");
        Entry b = Entry.of(LocalDate.of(2022, 3, 4), LocalDate.of(2022, 3, 6), 2, 75, "b");
        Entry c = Entry.of(LocalDate.of(2022, 3, 8), LocalDate.of(2022, 3, 9), 3, 50, "c");
        Entry d = Entry.of(LocalDate.of(2022, 3, 11), LocalDate.of(2022, 3, 21), 4, 25, "d");
        LevelSchedule schedule = LevelSchedule.of(d, b, c, a);

        LocalDate day = LocalDate.of(2022, 3, dayOfMonth);

        assertThat(schedule.entryOn(day).map(Entry::instrument)).isEqualTo(
                expected.equals("-") ? Optional.empty() : Optional.of(expected));
        assertThat(schedule.percentOn(day)).isEqualTo(switch (expected) {
            case "a" -> 90;
            case "b" -> 75;
            case "c" -> 50;
            case "d" -> 25;
            default -> 100;
        });
    }

    @Test
    void equals_comparesTheSortedEntries() {
        LevelSchedule schedule = LevelSchedule.of(FEB_22, FEB_8);

        assertThat(schedule).isEqualTo(LevelSchedule.of(List.of(FEB_8, FEB_22)))
                .hasSameHashCodeAs(LevelSchedule.of(FEB_8, FEB_22));
        assertThat(schedule).isNotEqualTo(LevelSchedule.of(FEB_8));
        assertThat(schedule).isNotEqualTo(LevelSchedule.of(FEB_8, MAR_1));
        assertThat(schedule).isNotEqualTo(List.of(FEB_8, FEB_22));
        assertThat(LevelSchedule.of()).isEqualTo(LevelSchedule.none()).hasSameHashCodeAs(LevelSchedule.none());
        assertThat(LevelSchedule.none().entries()).isEmpty();
    }

    @Test
    void hashCode_tellsDifferentSchedulesApart() {
        List<LevelSchedule> schedules = List.of(LevelSchedule.none(), LevelSchedule.of(FEB_8),
                LevelSchedule.of(FEB_22), LevelSchedule.of(FEB_8, FEB_22), LevelSchedule.of(FEB_8, FEB_22, MAR_1));

        assertThat(schedules.stream().map(LevelSchedule::hashCode).distinct()).hasSize(schedules.size());
    }

    @Test
    void toString_listsTheEntriesInOrder() {
        assertThat(LevelSchedule.of(FEB_22, FEB_8)).hasToString("LevelSchedule["
                + "Entry[from=2022-02-08, until=2022-02-15, level=3, percent=25, instrument=Inmendagri 9/2022], "
                + "Entry[from=2022-02-22, until=2022-03-01, level=3, percent=50, instrument=Inmendagri 12/2022]]");
        assertThat(LevelSchedule.none()).hasToString("LevelSchedule[]");
    }
}
