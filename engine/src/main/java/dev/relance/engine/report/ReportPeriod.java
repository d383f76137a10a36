package dev.relance.engine.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.relance.engine.support.InvalidInputException;

/**
 * The days a report covers, both included, as UTC calendar days (rollups are kept per UTC day).
 * Without bounds: the last 30 days up to today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 731;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_DAYS + " days");
        }
    }

    public static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        return new ReportPeriod(start, end);
    }

    Instant startInstant() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    Instant endInstant() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
