package dev.relance.engine.sequence;

import java.util.List;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.engine.support.Zones;

/** Checks and defaults of a sequence's schedule. */
final class ScheduleRules {

    private ScheduleRules() {
    }

    /** The schedule a draft asks for, its windows in the order given; null asks for the defaults. */
    static Schedule of(ScheduleDraft draft) {
        if (draft == null) {
            return Schedule.defaults();
        }
        String zone = draft.fixedTimeZone() == null || draft.fixedTimeZone().isBlank() ? null : draft.fixedTimeZone().trim();
        return new Schedule(draft.timeZonePolicy(), zone, draft.holidayCalendar(), List.copyOf(draft.windows()));
    }

    /** Adds the problems of an annotation-valid schedule draft; null (the defaults) has none. */
    static void check(ScheduleDraft draft, List<FieldProblem> problems) {
        if (draft == null) {
            return;
        }
        boolean noZone = draft.fixedTimeZone() == null || draft.fixedTimeZone().isBlank();
        if (draft.timeZonePolicy() == TimeZonePolicy.FIXED && noZone) {
            problems.add(new FieldProblem("schedule.fixedTimeZone", "is required when timeZonePolicy is FIXED"));
        } else if (!noZone) {
            try {
                Zones.parse("schedule.fixedTimeZone", draft.fixedTimeZone().trim());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        checkWindows(draft.windows(), problems);
    }

    private static void checkWindows(List<SendWindow> windows, List<FieldProblem> problems) {
        for (int k = 0; k < windows.size(); k++) {
            SendWindow window = windows.get(k);
            if (!window.start().isBefore(window.end())) {
                problems.add(new FieldProblem("schedule.windows[" + k + "].end",
                        "must be after start (split a window that crosses midnight in two)"));
                continue;
            }
            for (int m = 0; m < k; m++) {
                SendWindow earlier = windows.get(m);
                if (earlier.dayOfWeek() == window.dayOfWeek() && earlier.start().isBefore(earlier.end())
                        && window.start().isBefore(earlier.end()) && earlier.start().isBefore(window.end())) {
                    problems.add(new FieldProblem("schedule.windows[" + k + "]",
                            "overlaps schedule.windows[" + m + "] on " + window.dayOfWeek()));
                }
            }
        }
    }
}
