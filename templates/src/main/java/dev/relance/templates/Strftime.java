package dev.relance.templates;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * strftime as Liquid authors know it, with day and month names in the recipient's language:
 * {@code %A %a %B %b %h %d %e %m %Y %y %H %M %S %I %p %P %j %Z %z %%}; a {@code -} after the
 * {@code %} drops the padding ({@code %-d}). Unknown conversions are printed as written.
 */
final class Strftime {

    /** Day and month names of one language, looked up once (the JDK's lookup formats each time). */
    private record Names(String[] days, String[] shortDays, String[] months, String[] shortMonths) {

        static Names of(Locale locale) {
            String[][] days = new String[2][7];
            for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
                days[0][d.ordinal()] = d.getDisplayName(TextStyle.FULL, locale);
                days[1][d.ordinal()] = d.getDisplayName(TextStyle.SHORT, locale);
            }
            String[][] months = new String[2][12];
            for (java.time.Month m : java.time.Month.values()) {
                months[0][m.ordinal()] = m.getDisplayName(TextStyle.FULL, locale);
                months[1][m.ordinal()] = m.getDisplayName(TextStyle.SHORT, locale);
            }
            return new Names(days[0], days[1], months[0], months[1]);
        }
    }

    private static final java.util.Map<Locale, Names> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private Strftime() {
    }

    private static Names names(Locale locale) {
        Names names = NAMES.get(locale);
        if (names == null) {
            names = Names.of(locale);
            if (NAMES.size() < 1_000) {
                NAMES.put(locale, names);
            }
        }
        return names;
    }

    static String format(String pattern, ZonedDateTime t, Locale locale) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            if (c != '%' || i >= pattern.length()) {
                out.append(c);
                continue;
            }
            boolean pad = true;
            char k = pattern.charAt(i++);
            if (k == '-' && i < pattern.length()) {
                pad = false;
                k = pattern.charAt(i++);
            }
            switch (k) {
                case 'A' -> out.append(names(locale).days[t.getDayOfWeek().ordinal()]);
                case 'a' -> out.append(names(locale).shortDays[t.getDayOfWeek().ordinal()]);
                case 'B' -> out.append(names(locale).months[t.getMonthValue() - 1]);
                case 'b', 'h' -> out.append(names(locale).shortMonths[t.getMonthValue() - 1]);
                case 'd' -> number(out, t.getDayOfMonth(), 2, pad ? '0' : 0);
                case 'e' -> number(out, t.getDayOfMonth(), 2, pad ? ' ' : 0);
                case 'm' -> number(out, t.getMonthValue(), 2, pad ? '0' : 0);
                case 'Y' -> out.append(t.getYear());
                case 'y' -> number(out, Math.floorMod(t.getYear(), 100), 2, pad ? '0' : 0);
                case 'H' -> number(out, t.getHour(), 2, pad ? '0' : 0);
                case 'I' -> number(out, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2, pad ? '0' : 0);
                case 'M' -> number(out, t.getMinute(), 2, pad ? '0' : 0);
                case 'S' -> number(out, t.getSecond(), 2, pad ? '0' : 0);
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'P' -> out.append(t.getHour() < 12 ? "am" : "pm");
                case 'j' -> number(out, t.getDayOfYear(), 3, pad ? '0' : 0);
                case 'Z' -> out.append(DateTimeFormatter.ofPattern("zzz", locale).format(t));
                case 'z' -> out.append(DateTimeFormatter.ofPattern("xx", locale).format(t));
                case '%' -> out.append('%');
                default -> out.append('%').append(pad ? "" : "-").append(k);
            }
        }
        return out.toString();
    }

    private static void number(StringBuilder out, int value, int width, char padding) {
        if (padding != 0) {
            for (int w = value < 10 ? 1 : value < 100 ? 2 : 3; w < width; w++) {
                out.append(padding);
            }
        }
        out.append(value);
    }
}
