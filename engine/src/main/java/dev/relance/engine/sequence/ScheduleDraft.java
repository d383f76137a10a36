package dev.relance.engine.sequence;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A schedule as written. Windows of one day must not overlap.
 *
 * @param fixedTimeZone IANA zone name, required when the policy is FIXED
 * @param holidayCalendar null for no holidays
 */
public record ScheduleDraft(
        @NotNull TimeZonePolicy timeZonePolicy,
        String fixedTimeZone,
        HolidayCalendar holidayCalendar,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull SendWindow> windows) {
}
