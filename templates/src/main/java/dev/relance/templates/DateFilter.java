package dev.relance.templates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Liquid's {@code date} filter, replaced: it prints in the recipient's zone and language (a French
 * prospect reads "mardi"), takes "now" and "today" from the engine's clock (never the system's),
 * and reads ISO-8601 instants, offsets, local date-times and dates, java.time values, and epoch
 * seconds. What it cannot read it returns unchanged, as Liquid does. Without a format it prints
 * {@code %Y-%m-%d %H:%M}.
 */
final class DateFilter extends Filter {

    static final String DEFAULT_FORMAT = "%Y-%m-%d %H:%M";

    DateFilter() {
        super("date");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        RenderState state = RenderState.of(context);
        ZoneId zone = state == null ? java.time.ZoneOffset.UTC : state.zone();
        Locale locale = state == null ? Locale.ENGLISH : state.locale();
        ZonedDateTime time = toTime(value, zone, state);
        if (time == null) {
            return value;
        }
        String format = params.length > 0 && params[0] != null ? asString(params[0], context) : DEFAULT_FORMAT;
        return Strftime.format(format, time, locale);
    }

    static ZonedDateTime toTime(Object value, ZoneId zone, RenderState state) {
        return switch (value) {
            case null -> null;
            case ZonedDateTime t -> t.withZoneSameInstant(zone);
            case OffsetDateTime t -> t.atZoneSameInstant(zone);
            case Instant t -> t.atZone(zone);
            case LocalDateTime t -> t.atZone(zone);
            case LocalDate t -> t.atStartOfDay(zone);
            case BigDecimal n -> Instant.ofEpochSecond(n.longValue()).atZone(zone);
            case Number n -> Instant.ofEpochSecond(n.longValue()).atZone(zone);
            case CharSequence s -> parse(s.toString().strip(), zone, state);
            default -> null;
        };
    }

    private static ZonedDateTime parse(String s, ZoneId zone, RenderState state) {
        if (state != null && s.equals(state.nowText())) {
            return state.now().withZoneSameInstant(zone);
        }
        if (s.equalsIgnoreCase("now") || s.equalsIgnoreCase("today")) {
            return state == null ? null : state.now().withZoneSameInstant(zone);
        }
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return null;
        }
        try {
            if (s.length() <= 10) {
                return s.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(s)).atZone(zone)
                        : LocalDate.parse(s).atStartOfDay(zone);
            }
            char last = s.charAt(s.length() - 1);
            if (last == 'Z' || last == 'z') {
                return Instant.parse(s).atZone(zone);
            }
            int t = s.indexOf('T');
            if (t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0)) {
                return OffsetDateTime.parse(s).atZoneSameInstant(zone);
            }
            return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
