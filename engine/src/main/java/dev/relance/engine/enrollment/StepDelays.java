package dev.relance.engine.enrollment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.HolidayCalendar;

/**
 * When a step falls due after its delay. Minutes and hours are exact durations. Days are calendar
 * days in the prospect's zone: a "2 days" delay keeps the local time across a DST change. Business
 * days skip Saturdays, Sundays and the holidays of the schedule's calendar, also keeping the local
 * time. When that local time does not exist on the day reached (a DST gap), it moves forward by the
 * length of the gap (02:30 becomes 03:30), as {@link ZonedDateTime#plusDays} resolves it; in an
 * overlap the offset of the start is kept when valid, else the earlier one.
 */
public final class StepDelays {

    private StepDelays() {
    }

    /**
     * @param calendar holidays that business days skip, or null for none
     * @return the instant the step becomes due; send windows are applied afterwards, not here
     */
    public static Instant dueAfter(Instant from, Delay delay, ZoneId zone, HolidayCalendar calendar) {
        return switch (delay.unit()) {
            case MINUTES -> from.plus(Duration.ofMinutes(delay.amount()));
            case HOURS -> from.plus(Duration.ofHours(delay.amount()));
            case DAYS -> from.atZone(zone).plusDays(delay.amount()).toInstant();
            case BUSINESS_DAYS -> plusBusinessDays(from.atZone(zone), delay.amount(), calendar).toInstant();
        };
    }

    /** True on Monday to Friday unless the calendar has a holiday that day. */
    static boolean isBusinessDay(LocalDate day, HolidayCalendar calendar) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HolidayCalendars.isHoliday(calendar, day);
    }

    // Counts on dates, then moves the zoned start once, so the local time is resolved a single time.
    private static ZonedDateTime plusBusinessDays(ZonedDateTime start, int days, HolidayCalendar calendar) {
        LocalDate day = start.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day, calendar)) {
                left--;
            }
        }
        return start.plusDays(ChronoUnit.DAYS.between(start.toLocalDate(), day));
    }
}
