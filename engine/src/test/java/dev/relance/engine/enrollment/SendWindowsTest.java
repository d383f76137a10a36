package dev.relance.engine.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.relance.engine.sequence.HolidayCalendar;
import dev.relance.engine.sequence.SendWindow;

class SendWindowsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 08:30–11:30 and 14:00–17:00 every day, so that the Sunday DST changes have windows. */
    private static final List<SendWindow> EVERY_DAY = windows(EnumSet.allOf(DayOfWeek.class), "08:30", "11:30",
            "14:00", "17:00");
    private static final List<SendWindow> WEEKDAYS = windows(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "08:30", "11:30", "14:00", "17:00");

    @Test
    void new_york_spring_forward_opens_at_the_summer_time_instants() {
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-07T05:00:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-03-07T13:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-03-08T12:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-08T15:30:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-03-08T18:00:00Z");
    }

    @Test
    void new_york_fall_back_opens_at_the_standard_time_instants() {
        assertThat(SendWindows.nextOpening(Instant.parse("2026-10-31T04:00:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-10-31T12:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-11-01T04:00:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-11-01T13:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-11-01T16:30:00Z"), EVERY_DAY, NEW_YORK, null))
                .isEqualTo("2026-11-01T19:00:00Z");
    }

    @Test
    void paris_spring_forward_opens_at_the_summer_time_instants() {
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-27T23:00:00Z"), EVERY_DAY, PARIS, null))
                .isEqualTo("2026-03-28T07:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-28T23:00:00Z"), EVERY_DAY, PARIS, null))
                .isEqualTo("2026-03-29T06:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-29T09:30:00Z"), EVERY_DAY, PARIS, null))
                .isEqualTo("2026-03-29T12:00:00Z");
    }

    @Test
    void paris_fall_back_opens_at_the_standard_time_instants() {
        assertThat(SendWindows.nextOpening(Instant.parse("2026-10-24T22:00:00Z"), EVERY_DAY, PARIS, null))
                .isEqualTo("2026-10-25T07:30:00Z");
        assertThat(SendWindows.nextOpening(Instant.parse("2026-10-25T10:30:00Z"), EVERY_DAY, PARIS, null))
                .isEqualTo("2026-10-25T13:00:00Z");
    }

    @Test
    void a_window_starting_inside_the_spring_forward_gap_opens_when_the_gap_ends() {
        List<SendWindow> night = windows(EnumSet.of(DayOfWeek.SUNDAY), "02:00", "04:00");

        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), night, NEW_YORK, null))
                .isEqualTo("2026-03-08T07:00:00Z")
                .isEqualTo(local("2026-03-08T03:00", NEW_YORK));
        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-28T23:00:00Z"), night, PARIS, null))
                .isEqualTo("2026-03-29T01:00:00Z")
                .isEqualTo(local("2026-03-29T03:00", PARIS));
        assertThat(SendWindows.isOpen(Instant.parse("2026-03-08T06:59:59Z"), night, NEW_YORK, null)).isFalse();
    }

    @Test
    void a_window_wholly_inside_the_gap_does_not_open_that_night() {
        List<SendWindow> lost = windows(EnumSet.of(DayOfWeek.SUNDAY), "02:00", "02:45");

        assertThat(SendWindows.nextOpening(Instant.parse("2026-03-08T05:00:00Z"), lost, NEW_YORK, null))
                .isEqualTo(local("2026-03-15T02:00", NEW_YORK));
    }

    @Test
    void a_window_inside_the_fall_back_overlap_opens_once_at_the_earlier_offset() {
        List<SendWindow> repeated = windows(EnumSet.of(DayOfWeek.SUNDAY), "01:00", "01:30");

        assertThat(SendWindows.nextOpening(Instant.parse("2026-11-01T04:00:00Z"), repeated, NEW_YORK, null))
                .isEqualTo("2026-11-01T05:00:00Z"); // 01:00 EDT
        assertThat(SendWindows.isOpen(Instant.parse("2026-11-01T06:10:00Z"), repeated, NEW_YORK, null))
                .as("01:10 EST, the second time the clock shows it").isFalse();
        assertThat(SendWindows.nextOpening(Instant.parse("2026-11-01T05:30:00Z"), repeated, NEW_YORK, null))
                .isEqualTo(local("2026-11-08T01:00", NEW_YORK));
    }

    @Test
    void a_window_across_the_fall_back_lasts_until_its_end_in_standard_time() {
        List<SendWindow> night = windows(EnumSet.of(DayOfWeek.SUNDAY), "01:00", "03:00");

        assertThat(SendWindows.isOpen(Instant.parse("2026-11-01T06:30:00Z"), night, NEW_YORK, null)).isTrue();
        assertThat(SendWindows.isOpen(Instant.parse("2026-11-01T07:59:59Z"), night, NEW_YORK, null)).isTrue();
        assertThat(SendWindows.isOpen(Instant.parse("2026-11-01T08:00:00Z"), night, NEW_YORK, null)).isFalse();
    }

    @Test
    void an_instant_inside_a_window_is_its_own_opening() {
        Instant wednesdayTen = local("2026-03-04T10:00", PARIS);

        assertThat(SendWindows.nextOpening(wednesdayTen, WEEKDAYS, PARIS, null)).isEqualTo(wednesdayTen);
    }

    @Test
    void after_downtime_the_next_opening_is_the_next_window_not_a_past_one() {
        assertThat(SendWindows.nextOpening(local("2026-03-04T20:00", PARIS), WEEKDAYS, PARIS, null))
                .isEqualTo(local("2026-03-05T08:30", PARIS));
        assertThat(SendWindows.nextOpening(local("2026-03-04T12:45", PARIS), WEEKDAYS, PARIS, null))
                .isEqualTo(local("2026-03-04T14:00", PARIS));
    }

    @Test
    void the_end_of_a_window_is_excluded_so_friday_evening_waits_for_monday() {
        Instant fridayFive = local("2026-03-06T17:00", PARIS);

        assertThat(SendWindows.isOpen(fridayFive, WEEKDAYS, PARIS, null)).isFalse();
        assertThat(SendWindows.nextOpening(fridayFive, WEEKDAYS, PARIS, null))
                .isEqualTo(local("2026-03-09T08:30", PARIS));
    }

    @Test
    void holidays_are_skipped() {
        assertThat(SendWindows.nextOpening(local("2026-04-06T07:00", PARIS), WEEKDAYS, PARIS, HolidayCalendar.FR))
                .isEqualTo("2026-04-07T06:30:00Z");
        assertThat(SendWindows.nextOpening(local("2026-07-03T07:00", NEW_YORK), WEEKDAYS, NEW_YORK, HolidayCalendar.US))
                .isEqualTo("2026-07-06T12:30:00Z");
        assertThat(SendWindows.isOpen(local("2026-04-06T09:00", PARIS), WEEKDAYS, PARIS, HolidayCalendar.FR)).isFalse();
        assertThat(SendWindows.isOpen(local("2026-04-06T09:00", PARIS), WEEKDAYS, PARIS, null)).isTrue();
    }

    @Test
    void no_windows_means_no_restriction_at_all() {
        Instant christmas = local("2026-12-25T03:00", PARIS);

        assertThat(SendWindows.nextOpening(christmas, List.of(), PARIS, HolidayCalendar.FR)).isEqualTo(christmas);
        assertThat(SendWindows.isOpen(christmas, List.of(), PARIS, HolidayCalendar.FR)).isTrue();
    }

    @Test
    void a_schedule_that_never_opens_fails_instead_of_searching_forever() {
        List<SendWindow> empty = List.of(new SendWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)));

        assertThatThrownBy(() -> SendWindows.nextOpening(Instant.parse("2026-01-01T00:00:00Z"), empty, PARIS, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("400 days");
    }

    @Test
    void jitter_never_reaches_the_end_of_the_window() {
        Instant opening = local("2026-03-04T11:25", PARIS);
        Instant end = local("2026-03-04T11:30", PARIS);
        SplittableRandom random = new SplittableRandom(7);

        for (int k = 0; k < 500; k++) {
            Instant jittered = SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofMinutes(30), random);
            assertThat(jittered).isAfterOrEqualTo(opening).isBefore(end);
        }
        assertThat(SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofMinutes(30), highestDraw()))
                .isEqualTo(end.minusMillis(1));
    }

    @Test
    void jitter_spreads_a_backlog_over_at_most_the_maximum() {
        Instant opening = local("2026-03-05T08:30", PARIS);
        SplittableRandom random = new SplittableRandom(42);
        List<Instant> departures = new ArrayList<>();

        for (int k = 0; k < 100; k++) {
            departures.add(SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofMinutes(10), random));
        }

        assertThat(departures)
                .allSatisfy(departure -> assertThat(departure).isBetween(opening, opening.plusSeconds(600)));
        Set<Instant> distinct = new HashSet<>(departures);
        assertThat(distinct).hasSizeGreaterThan(90);
        assertThat(SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofMinutes(10), highestDraw()))
                .isEqualTo(opening.plusSeconds(600));
    }

    @Test
    void jitter_is_deterministic_for_a_given_generator() {
        Instant opening = local("2026-03-05T08:30", PARIS);

        Instant first = SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofHours(1), new SplittableRandom(3));
        Instant again = SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ofHours(1), new SplittableRandom(3));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void no_jitter_leaves_the_opening_alone() {
        Instant opening = local("2026-03-05T08:30", PARIS);

        assertThat(SendWindows.withJitter(opening, WEEKDAYS, PARIS, Duration.ZERO, highestDraw())).isEqualTo(opening);
    }

    @Test
    void jitter_without_windows_is_bounded_by_the_maximum_only() {
        Instant opening = local("2026-03-07T23:59", PARIS);

        assertThat(SendWindows.withJitter(opening, List.of(), PARIS, Duration.ofMinutes(5), highestDraw()))
                .isEqualTo(opening.plusSeconds(300));
    }

    @Test
    void jitter_refuses_an_opening_outside_every_window() {
        Instant evening = local("2026-03-05T20:00", PARIS);

        assertThatThrownBy(() -> SendWindows.withJitter(evening, WEEKDAYS, PARIS, Duration.ofMinutes(5),
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A generator whose bounded draws are always the largest value allowed. */
    private static RandomGenerator highestDraw() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
    }

    /** The same windows on each of {@code days}; {@code times} are start/end pairs. */
    private static List<SendWindow> windows(Set<DayOfWeek> days, String... times) {
        List<SendWindow> windows = new ArrayList<>();
        for (DayOfWeek day : days) {
            for (int k = 0; k < times.length; k += 2) {
                windows.add(new SendWindow(day, LocalTime.parse(times[k]), LocalTime.parse(times[k + 1])));
            }
        }
        return List.copyOf(windows);
    }

    private static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
