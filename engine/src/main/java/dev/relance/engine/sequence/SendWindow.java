package dev.relance.engine.sequence;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/**
 * A weekly period during which emails may leave, in the schedule's time zone.
 *
 * @param start inclusive
 * @param end exclusive; after {@code start} (a window does not cross midnight: split it in two)
 */
public record SendWindow(@NotNull DayOfWeek dayOfWeek, @NotNull LocalTime start, @NotNull LocalTime end) {
}
