package dev.relance.engine.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.HolidayCalendar;

class StepDelaysTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void minutes_and_hours_are_exact_durations_across_a_dst_change() {
        Instant beforeSpringForward = Instant.parse("2026-03-08T06:30:00Z"); // 01:30 EST

        assertThat(StepDelays.dueAfter(beforeSpringForward, delay(1, DelayUnit.HOURS), NEW_YORK, null))
                .isEqualTo("2026-03-08T07:30:00Z");
        assertThat(StepDelays.dueAfter(beforeSpringForward, delay(90, DelayUnit.MINUTES), NEW_YORK, null))
                .isEqualTo("2026-03-08T08:00:00Z");
    }

    @Test
    void days_keep_the_local_time_across_a_dst_change() {
        Instant saturdayNine = local("2026-03-28T09:00", PARIS);

        Instant due = StepDelays.dueAfter(saturdayNine, delay(1, DelayUnit.DAYS), PARIS, null);

        assertThat(due).isEqualTo("2026-03-29T07:00:00Z").isEqualTo(local("2026-03-29T09:00", PARIS));
    }

    @Test
    void days_landing_in_a_dst_gap_move_forward_by_the_gap() {
        Instant saturday = local("2026-03-07T02:30", NEW_YORK);

        Instant due = StepDelays.dueAfter(saturday, delay(1, DelayUnit.DAYS), NEW_YORK, null);

        assertThat(due).isEqualTo(local("2026-03-08T03:30", NEW_YORK));
    }

    @Test
    void business_days_skip_the_weekend_and_keep_the_local_time() {
        Instant friday = local("2026-03-06T10:15", NEW_YORK);

        assertThat(StepDelays.dueAfter(friday, delay(1, DelayUnit.BUSINESS_DAYS), NEW_YORK, null))
                .isEqualTo(local("2026-03-09T10:15", NEW_YORK));
        assertThat(StepDelays.dueAfter(friday, delay(3, DelayUnit.BUSINESS_DAYS), NEW_YORK, null))
                .isEqualTo(local("2026-03-11T10:15", NEW_YORK));
    }

    @Test
    void one_business_day_from_a_saturday_is_monday() {
        Instant saturday = local("2026-03-07T16:00", PARIS);

        assertThat(StepDelays.dueAfter(saturday, delay(1, DelayUnit.BUSINESS_DAYS), PARIS, null))
                .isEqualTo(local("2026-03-09T16:00", PARIS));
    }

    @Test
    void zero_business_days_is_due_at_once_even_on_a_weekend() {
        Instant saturday = local("2026-03-07T16:00", PARIS);

        assertThat(StepDelays.dueAfter(saturday, delay(0, DelayUnit.BUSINESS_DAYS), PARIS, HolidayCalendar.FR))
                .isEqualTo(saturday);
    }

    @Test
    void business_days_skip_easter_monday_in_france() {
        Instant goodFriday = local("2026-04-03T10:00", PARIS);

        assertThat(StepDelays.dueAfter(goodFriday, delay(1, DelayUnit.BUSINESS_DAYS), PARIS, HolidayCalendar.FR))
                .isEqualTo(local("2026-04-07T10:00", PARIS));
        assertThat(StepDelays.dueAfter(goodFriday, delay(1, DelayUnit.BUSINESS_DAYS), PARIS, null))
                .isEqualTo(local("2026-04-06T10:00", PARIS));
    }

    @Test
    void business_days_skip_good_friday_and_easter_monday_in_germany() {
        Instant thursday = local("2026-04-02T10:00", PARIS);

        assertThat(StepDelays.dueAfter(thursday, delay(1, DelayUnit.BUSINESS_DAYS), PARIS, HolidayCalendar.DE))
                .isEqualTo(local("2026-04-07T10:00", PARIS));
    }

    @Test
    void business_days_skip_the_observed_us_new_year_on_december_31() {
        Instant thursday = local("2021-12-30T09:00", NEW_YORK);

        assertThat(StepDelays.dueAfter(thursday, delay(1, DelayUnit.BUSINESS_DAYS), NEW_YORK, HolidayCalendar.US))
                .isEqualTo(local("2022-01-03T09:00", NEW_YORK));
    }

    @Test
    void business_days_landing_in_a_dst_gap_move_forward_by_the_gap() {
        ZoneId cairo = ZoneId.of("Africa/Cairo"); // summer time starts at midnight on the last Friday of April
        Instant thursday = local("2026-04-23T00:30", cairo);

        Instant due = StepDelays.dueAfter(thursday, delay(1, DelayUnit.BUSINESS_DAYS), cairo, null);

        assertThat(due).isEqualTo(local("2026-04-24T01:30", cairo));
    }

    private static Delay delay(int amount, DelayUnit unit) {
        return new Delay(amount, unit);
    }

    private static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
