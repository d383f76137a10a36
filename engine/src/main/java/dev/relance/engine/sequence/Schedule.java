package dev.relance.engine.sequence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * When a sequence may send: weekly windows read in a time zone chosen by the policy, minus the
 * holidays of a calendar.
 *
 * @param fixedTimeZone IANA zone name; required when the policy is FIXED
 * @param holidayCalendar public holidays on which nothing is sent, or null for none
 * @param windows ordered by day, then start
 */
public record Schedule(TimeZonePolicy timeZonePolicy, String fixedTimeZone, HolidayCalendar holidayCalendar,
        List<SendWindow> windows) {

    private static final LocalTime OPENING = LocalTime.of(9, 0);
    private static final LocalTime CLOSING = LocalTime.of(17, 0);

    /** Office hours in the prospect's zone: Monday to Friday, 09:00 to 17:00, no holiday calendar. */
    public static Schedule defaults() {
        List<SendWindow> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY).stream().map(day -> new SendWindow(day, OPENING, CLOSING)).toList();
        return new Schedule(TimeZonePolicy.PROSPECT, null, null, weekdays);
    }

    /**
     * The zone this schedule is read in for one recipient: the fixed zone, the mailbox's, or the
     * prospect's (falling back to the mailbox's); UTC when none is known.
     *
     * @param prospectZone the prospect's IANA zone, or null
     * @param mailboxZone the sending mailbox's IANA zone, or null
     */
    public ZoneId zoneFor(String prospectZone, String mailboxZone) {
        ZoneId mailbox = mailboxZone == null ? ZoneOffset.UTC : ZoneId.of(mailboxZone);
        return switch (timeZonePolicy) {
            case FIXED -> ZoneId.of(fixedTimeZone);
            case MAILBOX -> mailbox;
            case PROSPECT -> prospectZone == null ? mailbox : ZoneId.of(prospectZone);
        };
    }
}
