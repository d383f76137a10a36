package dev.relance.engine.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.relance.engine.sequence.HolidayCalendar;
import dev.relance.engine.sequence.SendWindow;

/**
 * When a schedule lets an email leave: inside one of its weekly windows, read in local time of a
 * zone, on a day that is not a holiday of its calendar.
 *
 * <p>Each window, on each date, is one interval of instants, so it opens at most once:
 * <ul>
 * <li>a local time inside a DST gap stands for the first instant after the gap (a 02:00–04:00
 * window on spring-forward night opens at 03:00 local; one wholly inside the gap never opens);</li>
 * <li>a local time inside a DST overlap takes the earlier offset (a 01:00–01:30 window on fall-back
 * night is open during the first 01:00–01:30 only, not again an hour later).</li>
 * </ul>
 *
 * <p>An empty list of windows means no restriction at all: always open, holidays included. Saved
 * schedules always have at least one window; the empty list serves callers without a schedule.
 */
public final class SendWindows {

    /** How many days ahead {@link #nextOpening} looks before deciding a schedule never opens. */
    static final int HORIZON_DAYS = 400;

    private SendWindows() {
    }

    /** True when {@code instant} lies inside a window on a day that is not a holiday. */
    public static boolean isOpen(Instant instant, List<SendWindow> windows, ZoneId zone, HolidayCalendar calendar) {
        if (windows.isEmpty()) {
            return true;
        }
        return containing(instant, windows, zone, calendar).isPresent();
    }

    /**
     * The earliest instant at or after {@code notBefore} inside a window on a day that is not a
     * holiday: {@code notBefore} itself when already open, else the start of the next window.
     *
     * @throws IllegalStateException when no window opens within 400 days (every window on a holiday, or
     *         none that can open)
     */
    public static Instant nextOpening(Instant notBefore, List<SendWindow> windows, ZoneId zone,
            HolidayCalendar calendar) {
        if (windows.isEmpty()) {
            return notBefore;
        }
        // From the day before: near a transition an instant's local date and a window's date can differ.
        LocalDate first = notBefore.atZone(zone).toLocalDate().minusDays(1);
        for (int k = 0; k <= HORIZON_DAYS + 1; k++) {
            Instant earliest = earliestOn(first.plusDays(k), notBefore, windows, zone, calendar);
            if (earliest != null) {
                return earliest;
            }
        }
        throw new IllegalStateException("no send window opens within " + HORIZON_DAYS + " days of " + notBefore
                + " in " + zone + (calendar == null ? "" : " outside " + calendar + " holidays"));
    }

    /**
     * {@code opening} moved later by a random offset of at most {@code maxJitter}, never reaching the
     * end of the window that contains it, so that steps released together do not all leave on the
     * same second. Millisecond resolution; deterministic for a given generator.
     *
     * @param opening an instant inside one of the windows, typically from {@link #nextOpening}
     * @throws IllegalArgumentException when {@code opening} is in no window or the jitter is negative
     */
    public static Instant withJitter(Instant opening, List<SendWindow> windows, ZoneId zone, Duration maxJitter,
            RandomGenerator random) {
        if (maxJitter.isNegative()) {
            throw new IllegalArgumentException("maxJitter must not be negative: " + maxJitter);
        }
        Duration room = maxJitter;
        if (!windows.isEmpty()) {
            Interval window = containing(opening, windows, zone, null).orElseThrow(
                    () -> new IllegalArgumentException(opening + " is in no send window in " + zone));
            Duration untilEnd = Duration.between(opening, window.end()).minusNanos(1);
            room = untilEnd.compareTo(maxJitter) < 0 ? untilEnd : maxJitter;
        }
        long boundMillis = room.toMillis();
        return boundMillis <= 0 ? opening : opening.plusMillis(random.nextLong(boundMillis + 1));
    }

    private static Instant earliestOn(LocalDate date, Instant notBefore, List<SendWindow> windows, ZoneId zone,
            HolidayCalendar calendar) {
        if (HolidayCalendars.isHoliday(calendar, date)) {
            return null;
        }
        Instant earliest = null;
        for (SendWindow window : windows) {
            if (window.dayOfWeek() != date.getDayOfWeek()) {
                continue;
            }
            Interval interval = Interval.of(date, window, zone);
            if (interval.isEmpty() || !interval.end().isAfter(notBefore)) {
                continue;
            }
            Instant candidate = interval.start().isAfter(notBefore) ? interval.start() : notBefore;
            if (earliest == null || candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    private static Optional<Interval> containing(Instant instant, List<SendWindow> windows, ZoneId zone,
            HolidayCalendar calendar) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (LocalDate day = date.minusDays(1); !day.isAfter(date.plusDays(1)); day = day.plusDays(1)) {
            if (HolidayCalendars.isHoliday(calendar, day)) {
                continue;
            }
            for (SendWindow window : windows) {
                if (window.dayOfWeek() == day.getDayOfWeek()) {
                    Interval interval = Interval.of(day, window, zone);
                    if (interval.contains(instant)) {
                        return Optional.of(interval);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One window on one date, as instants: start inclusive, end exclusive. */
    private record Interval(Instant start, Instant end) {

        static Interval of(LocalDate date, SendWindow window, ZoneId zone) {
            return new Interval(instantOf(date, window.start(), zone), instantOf(date, window.end(), zone));
        }

        boolean isEmpty() {
            return !start.isBefore(end);
        }

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        // In a gap: the instant the gap ends. In an overlap: the earlier offset, as atZone chooses.
        private static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
            LocalDateTime local = date.atTime(time);
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition != null && transition.isGap()) {
                return transition.getInstant();
            }
            return local.atZone(zone).toInstant();
        }
    }
}
