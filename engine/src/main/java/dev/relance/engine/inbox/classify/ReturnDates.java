package dev.relance.engine.inbox.classify;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first day someone is back, read from an out-of-office text in English or French, relative to the day
 * the message arrived. "Back on X" and "de retour le X" give X; "until X", "through X" and "jusqu'au X
 * (inclus)" name the last day away and give the day after, so that a pause never ends while the person is
 * still away. A date without a year is its next occurrence on or after the day received. Numeric dates are
 * day/month in French text and month/day in English, unless one of the numbers is above 12.
 */
final class ReturnDates {

    record Found(LocalDate date, String because) {
    }

    private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";
    private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
            + "|novembre|décembre|decembre|janv|févr|fevr|sept|juil|avr|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";
    private static final Pattern BACK = Pattern.compile("(?U)\\b(?:(?:be |i'll be |i will be |i am |i'm )?back"
            + "(?: in the office| at work| at my desk| to (?:the |my )?(?:office|work|desk))?(?: on| from)?"
            + "|return(?:ing|s)?(?: to (?:the |my )?(?:office|work|desk))?(?: on)?"
            + "|de retour(?: au bureau)?(?: le| à partir du| dès le)?|retour (?:prévu )?le|je reviens le"
            + "|reprise le|je rentre le|rentrée le)\\s+");
    private static final Pattern UNTIL = Pattern.compile("(?U)\\b(?:until|till|through|thru|up to|to"
            + "|jusqu'au|jusqu'à|au)\\s+");
    private static final Pattern DAY_MONTH = Pattern.compile("(?U)(?:" + WEEKDAY + "\\.?,?\\s+)?(?:the\\s+|le\\s+)?"
            + "(\\d{1,2})(?:st|nd|rd|th|er|e)?\\s+(?:of\\s+)?(" + MONTH + ")\\b\\.?(?:,?\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("(?U)(?:" + WEEKDAY + "\\.?,?\\s+)?(" + MONTH + ")\\b\\.?"
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:" + WEEKDAY + "\\.?,?\\s+)?(?:the\\s+|le\\s+)?"
            + "(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}|\\d{2}))?\\b");
    private static final Pattern WEEKDAY_ONLY = Pattern.compile("(?U)(?:next\\s+)?(" + WEEKDAY + ")\\b");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("fév", 2), Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("avr", 4),
            Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jui", 7), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("aoû", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("déc", 12));

    private ReturnDates() {
    }

    /** The first return date the text gives, or null. */
    static Found find(String text, LocalDate receivedOn) {
        if (text == null || receivedOn == null) {
            return null;
        }
        String flat = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        boolean french = flat.matches("(?s).*\\b(?:je|le|de|du|au|jusqu|suis|bureau|retour)\\b.*");
        Hit back = first(BACK, flat, receivedOn, french, false);
        Hit until = first(UNTIL, flat, receivedOn, french, true);
        if (back == null || until == null) {
            return back != null ? back.found() : until != null ? until.found() : null;
        }
        return back.start() <= until.start() ? back.found() : until.found();
    }

    private record Hit(int start, Found found) {
    }

    private static Hit first(Pattern trigger, String flat, LocalDate receivedOn, boolean french, boolean lastDayAway) {
        Matcher matcher = trigger.matcher(flat);
        while (matcher.find()) {
            LocalDate date = dateAt(flat, matcher.end(), receivedOn, french, matcher.group().contains("retour")
                    || matcher.group().contains("jusqu") || matcher.group().startsWith("au"));
            if (date != null) {
                int end = Math.min(flat.length(), matcher.end() + 30);
                String phrase = flat.substring(matcher.start(), end).trim();
                return new Hit(matcher.start(), new Found(lastDayAway ? date.plusDays(1) : date,
                        "\"" + phrase + "\"" + (lastDayAway ? ": last day away, back the day after" : "")));
            }
        }
        return null;
    }

    private static LocalDate dateAt(String flat, int from, LocalDate receivedOn, boolean frenchText, boolean frenchTrigger) {
        Matcher dayMonth = DAY_MONTH.matcher(flat).region(from, flat.length());
        if (dayMonth.lookingAt()) {
            return dated(receivedOn, month(dayMonth.group(2)), number(dayMonth.group(1)), dayMonth.group(3));
        }
        Matcher monthDay = MONTH_DAY.matcher(flat).region(from, flat.length());
        if (monthDay.lookingAt()) {
            return dated(receivedOn, month(monthDay.group(1)), number(monthDay.group(2)), monthDay.group(3));
        }
        Matcher numeric = NUMERIC.matcher(flat).region(from, flat.length());
        if (numeric.lookingAt()) {
            int first = number(numeric.group(1));
            int second = number(numeric.group(2));
            boolean dayFirst = first > 12 || (second <= 12 && (frenchText || frenchTrigger));
            return dayFirst ? dated(receivedOn, second, first, numeric.group(3))
                    : dated(receivedOn, first, second, numeric.group(3));
        }
        Matcher weekday = WEEKDAY_ONLY.matcher(flat).region(from, flat.length());
        if (weekday.lookingAt()) {
            DayOfWeek day = weekday(weekday.group(1));
            return day == null ? null : receivedOn.with(TemporalAdjusters.next(day));
        }
        return null;
    }

    private static LocalDate dated(LocalDate receivedOn, int month, int day, String year) {
        try {
            if (year != null) {
                int y = number(year);
                return LocalDate.of(y < 100 ? 2000 + y : y, month, day);
            }
            LocalDate sameYear = LocalDate.of(receivedOn.getYear(), month, day);
            return sameYear.isBefore(receivedOn) ? LocalDate.of(receivedOn.getYear() + 1, month, day) : sameYear;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        if (name.startsWith("juin")) {
            return 6;
        }
        return MONTHS.getOrDefault(name.substring(0, 3), 0);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static DayOfWeek weekday(String name) {
        String[] english = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        String[] french = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
        String prefix = name.substring(0, 3);
        for (int i = 0; i < 7; i++) {
            if (english[i].equals(prefix) || french[i].equals(prefix)) {
                return DayOfWeek.of(i + 1);
            }
        }
        return null;
    }
}
