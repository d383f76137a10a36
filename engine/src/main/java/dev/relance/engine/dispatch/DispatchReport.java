package dev.relance.engine.dispatch;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one dispatch run did: how many claimed steps ended each way.
 *
 * @param claimed enrollments claimed in all the run's batches
 */
public record DispatchReport(int claimed, Map<StepOutcome, Integer> outcomes) {

    public int count(StepOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    static DispatchReport empty() {
        return new DispatchReport(0, new EnumMap<>(StepOutcome.class));
    }

    DispatchReport plus(DispatchReport other) {
        Map<StepOutcome, Integer> sum = new EnumMap<>(StepOutcome.class);
        sum.putAll(outcomes);
        other.outcomes.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new DispatchReport(claimed + other.claimed, sum);
    }
}
