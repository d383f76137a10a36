package dev.relance.engine.enrollment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.relance.engine.sequence.Delay;

/**
 * When a step falls due after its delay. Days are calendar days in the prospect's zone (a "2 days"
 * delay keeps the local time across a DST change); business days skip Saturdays and Sundays.
 */
final class StepDelays {

    private StepDelays() {
    }

    static Instant dueAfter(Instant from, Delay delay, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        return switch (delay.unit()) {
            case MINUTES -> from.plusSeconds(60L * delay.amount());
            case HOURS -> from.plusSeconds(3600L * delay.amount());
            case DAYS -> start.plusDays(delay.amount()).toInstant();
            case BUSINESS_DAYS -> plusBusinessDays(start, delay.amount()).toInstant();
        };
    }

    private static ZonedDateTime plusBusinessDays(ZonedDateTime start, int days) {
        ZonedDateTime day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day.getDayOfWeek())) {
                left--;
            }
        }
        return day;
    }

    private static boolean isBusinessDay(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
