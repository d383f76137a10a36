package dev.relance.engine.enrollment;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.relance.engine.sequence.HolidayCalendar;

/** Holidays checked against the published lists (service-public.fr, gov.uk, OPM, the Länder). */
class HolidayCalendarsTest {

    @Test
    void easter_sunday_follows_the_gregorian_computus() {
        assertThat(HolidayCalendars.easterSunday(2024)).isEqualTo(parse("2024-03-31"));
        assertThat(HolidayCalendars.easterSunday(2025)).isEqualTo(parse("2025-04-20"));
        assertThat(HolidayCalendars.easterSunday(2026)).isEqualTo(parse("2026-04-05"));
        assertThat(HolidayCalendars.easterSunday(2027)).isEqualTo(parse("2027-03-28"));
        assertThat(HolidayCalendars.easterSunday(2038)).isEqualTo(parse("2038-04-25"));
        assertThat(HolidayCalendars.easterSunday(2285)).isEqualTo(parse("2285-03-22"));
    }

    @Test
    void france_2026() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.FR, 2026)).containsExactly(
                parse("2026-01-01"), parse("2026-04-06"), parse("2026-05-01"), parse("2026-05-08"),
                parse("2026-05-14"), parse("2026-05-25"), parse("2026-07-14"), parse("2026-08-15"),
                parse("2026-11-01"), parse("2026-11-11"), parse("2026-12-25"));
    }

    @Test
    void france_2027_keeps_weekend_holidays_on_their_date() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.FR, 2027)).containsExactly(
                parse("2027-01-01"), parse("2027-03-29"), parse("2027-05-01"), parse("2027-05-06"),
                parse("2027-05-08"), parse("2027-05-17"), parse("2027-07-14"), parse("2027-08-15"),
                parse("2027-11-01"), parse("2027-11-11"), parse("2027-12-25"));
    }

    @Test
    void germany_2026() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.DE, 2026)).containsExactly(
                parse("2026-01-01"), parse("2026-04-03"), parse("2026-04-06"), parse("2026-05-01"),
                parse("2026-05-14"), parse("2026-05-25"), parse("2026-10-03"), parse("2026-12-25"),
                parse("2026-12-26"));
    }

    @Test
    void germany_2027() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.DE, 2027)).containsExactly(
                parse("2027-01-01"), parse("2027-03-26"), parse("2027-03-29"), parse("2027-05-01"),
                parse("2027-05-06"), parse("2027-05-17"), parse("2027-10-03"), parse("2027-12-25"),
                parse("2027-12-26"));
    }

    @Test
    void england_and_wales_2026_moves_boxing_day_on_a_saturday_to_monday() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.GB, 2026)).containsExactly(
                parse("2026-01-01"), parse("2026-04-03"), parse("2026-04-06"), parse("2026-05-04"),
                parse("2026-05-25"), parse("2026-08-31"), parse("2026-12-25"), parse("2026-12-28"));
    }

    @Test
    void england_and_wales_2027_moves_christmas_on_a_saturday_to_monday_27_and_tuesday_28() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.GB, 2027)).containsExactly(
                parse("2027-01-01"), parse("2027-03-26"), parse("2027-03-29"), parse("2027-05-03"),
                parse("2027-05-31"), parse("2027-08-30"), parse("2027-12-27"), parse("2027-12-28"));
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.GB, parse("2027-12-25"))).isFalse();
    }

    @Test
    void england_and_wales_christmas_on_a_sunday_gives_monday_26_and_tuesday_27() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.GB, 2022))
                .contains(parse("2022-12-26"), parse("2022-12-27"))
                .doesNotContain(parse("2022-12-25"), parse("2022-12-28"));
    }

    @Test
    void england_and_wales_new_year_on_a_weekend_moves_to_the_monday() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.GB, 2022)).contains(parse("2022-01-03"));
        assertThat(HolidayCalendars.holidays(HolidayCalendar.GB, 2023)).contains(parse("2023-01-02"));
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.GB, parse("2021-12-31"))).isFalse();
    }

    @Test
    void us_federal_2026_observes_july_4_on_a_saturday_on_friday_july_3() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.US, 2026)).containsExactly(
                parse("2026-01-01"), parse("2026-01-19"), parse("2026-02-16"), parse("2026-05-25"),
                parse("2026-06-19"), parse("2026-07-03"), parse("2026-09-07"), parse("2026-10-12"),
                parse("2026-11-11"), parse("2026-11-26"), parse("2026-12-25"));
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.US, parse("2026-07-04"))).isFalse();
    }

    @Test
    void us_federal_2027_includes_new_year_2028_observed_on_friday_december_31() {
        assertThat(HolidayCalendars.holidays(HolidayCalendar.US, 2027)).containsExactly(
                parse("2027-01-01"), parse("2027-01-18"), parse("2027-02-15"), parse("2027-05-31"),
                parse("2027-06-18"), parse("2027-07-05"), parse("2027-09-06"), parse("2027-10-11"),
                parse("2027-11-11"), parse("2027-11-25"), parse("2027-12-24"), parse("2027-12-31"));
    }

    @Test
    void us_new_year_2022_on_a_saturday_is_observed_on_friday_2021_12_31() {
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.US, parse("2021-12-31"))).isTrue();
        assertThat(HolidayCalendars.holidays(HolidayCalendar.US, 2021)).contains(parse("2021-12-31"));
        assertThat(HolidayCalendars.holidays(HolidayCalendar.US, 2022))
                .doesNotContain(parse("2021-12-31"), parse("2022-01-01"));
    }

    @Test
    void juneteenth_is_a_federal_holiday_from_2021_only() {
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.US, parse("2020-06-19"))).isFalse();
        assertThat(HolidayCalendars.isHoliday(HolidayCalendar.US, parse("2021-06-18"))).isTrue();
    }

    @Test
    void a_null_calendar_has_no_holidays() {
        assertThat(HolidayCalendars.holidays(null, 2026)).isEmpty();
        assertThat(HolidayCalendars.isHoliday(null, parse("2026-12-25"))).isFalse();
    }

    @Test
    void each_year_is_computed_once_and_cannot_be_changed() {
        var first = HolidayCalendars.holidays(HolidayCalendar.FR, 2030);

        assertThat(HolidayCalendars.holidays(HolidayCalendar.FR, 2030)).isSameAs(first);
        assertThatThrownBy(() -> first.add(LocalDate.of(2030, 6, 1))).isInstanceOf(UnsupportedOperationException.class);
    }
}
