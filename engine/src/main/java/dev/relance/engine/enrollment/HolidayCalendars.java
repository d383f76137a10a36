package dev.relance.engine.enrollment;

import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.relance.engine.sequence.HolidayCalendar;

/**
 * The public holidays of each {@link HolidayCalendar}, computed by rule for any year (moveable feasts
 * from Easter, by the anonymous Gregorian algorithm) and cached per calendar and year.
 *
 * <p>A holiday here is a day off: where a country moves a holiday that falls on a weekend (GB, US),
 * the set holds the weekday that replaces it, not the weekend date, exactly as gov.uk and OPM list
 * them. {@code holidays(calendar, year)} holds the days off that fall in {@code year}: a US New
 * Year's Day on a Saturday is observed on Friday 31 December and belongs to the previous year's set.
 *
 * <p>National holidays only: no regional ones (Alsace-Moselle, German Länder, Scotland and Northern
 * Ireland, US states). One-off changes decided by proclamation are not modelled either: in GB the
 * 2020 VE Day move, the 2022 Platinum Jubilee and State Funeral, the 2023 Coronation; in DE the 2017
 * Reformation Day; in the US executive-order closures such as Christmas Eve.
 */
public final class HolidayCalendars {

    /** The year Juneteenth became a federal holiday (observed on Friday 18 June 2021). */
    private static final int FIRST_JUNETEENTH = 2021;

    private static final Map<Key, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    private HolidayCalendars() {
    }

    /** True when {@code date} is a day off in {@code calendar}; a null calendar has no holidays. */
    public static boolean isHoliday(HolidayCalendar calendar, LocalDate date) {
        return calendar != null && holidays(calendar, date.getYear()).contains(date);
    }

    /**
     * The days off of {@code calendar} that fall in {@code year}, iterated in date order; empty for a
     * null calendar. The set is unmodifiable and shared.
     */
    public static Set<LocalDate> holidays(HolidayCalendar calendar, int year) {
        if (calendar == null) {
            return Set.of();
        }
        return CACHE.computeIfAbsent(new Key(calendar, year), key -> compute(key.calendar(), key.year()));
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian, or Meeus/Jones/Butcher, algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int monthAndDay = h + l - 7 * m + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    private static Set<LocalDate> compute(HolidayCalendar calendar, int year) {
        List<LocalDate> days = switch (calendar) {
            case FR -> france(year);
            case DE -> germany(year);
            case GB -> englandAndWales(year);
            case US -> unitedStatesFederal(year);
        };
        return Collections.unmodifiableSortedSet(new TreeSet<>(days));
    }

    private static List<LocalDate> france(int year) {
        LocalDate easter = easterSunday(year);
        return List.of(LocalDate.of(year, Month.JANUARY, 1), easter.plusDays(1), LocalDate.of(year, Month.MAY, 1),
                LocalDate.of(year, Month.MAY, 8), easter.plusDays(39), easter.plusDays(50),
                LocalDate.of(year, Month.JULY, 14), LocalDate.of(year, Month.AUGUST, 15),
                LocalDate.of(year, Month.NOVEMBER, 1), LocalDate.of(year, Month.NOVEMBER, 11),
                LocalDate.of(year, Month.DECEMBER, 25));
    }

    private static List<LocalDate> germany(int year) {
        LocalDate easter = easterSunday(year);
        return List.of(LocalDate.of(year, Month.JANUARY, 1), easter.minusDays(2), easter.plusDays(1),
                LocalDate.of(year, Month.MAY, 1), easter.plusDays(39), easter.plusDays(50),
                LocalDate.of(year, Month.OCTOBER, 3), LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26));
    }

    /** Bank holidays of England and Wales: weekend ones move to the next weekday that is not already off. */
    private static List<LocalDate> englandAndWales(int year) {
        LocalDate easter = easterSunday(year);
        List<LocalDate> days = new ArrayList<>();
        addOrSubstitute(days, LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(lastInMonth(DayOfWeek.MONDAY)));
        addOrSubstitute(days, LocalDate.of(year, Month.DECEMBER, 25));
        addOrSubstitute(days, LocalDate.of(year, Month.DECEMBER, 26));
        return days;
    }

    // Christmas on a Saturday: Christmas moves to Monday 27, then Boxing Day (Sunday) finds Monday
    // taken and moves to Tuesday 28. Christmas on a Sunday gives Monday 26 and Tuesday 27 either way.
    private static void addOrSubstitute(List<LocalDate> days, LocalDate nominal) {
        LocalDate day = nominal;
        while (isWeekend(day) || days.contains(day)) {
            day = day.plusDays(1);
        }
        days.add(day);
    }

    /** Federal holidays as observed: Saturday ones on the Friday before, Sunday ones on the Monday after. */
    private static List<LocalDate> unitedStatesFederal(int year) {
        List<LocalDate> fixed = new ArrayList<>(List.of(LocalDate.of(year, Month.JANUARY, 1),
                LocalDate.of(year + 1, Month.JANUARY, 1), LocalDate.of(year, Month.JULY, 4),
                LocalDate.of(year, Month.NOVEMBER, 11), LocalDate.of(year, Month.DECEMBER, 25)));
        if (year >= FIRST_JUNETEENTH) {
            fixed.add(LocalDate.of(year, Month.JUNE, 19));
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate holiday : fixed) {
            LocalDate observed = observedInUnitedStates(holiday);
            if (observed.getYear() == year) {
                days.add(observed);
            }
        }
        days.add(LocalDate.of(year, Month.JANUARY, 1).with(dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.FEBRUARY, 1).with(dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.SEPTEMBER, 1).with(firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.OCTOBER, 1).with(dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.NOVEMBER, 1).with(dayOfWeekInMonth(4, DayOfWeek.THURSDAY)));
        return days;
    }

    private static LocalDate observedInUnitedStates(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private record Key(HolidayCalendar calendar, int year) {
    }
}
