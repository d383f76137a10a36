package dev.relance.engine.sequence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How long after the previous step (or the enrollment, for the first step) a step becomes due. */
public record Delay(@Min(0) @Max(100_000) int amount, @NotNull DelayUnit unit) {

    /** Due at once. */
    public static Delay none() {
        return new Delay(0, DelayUnit.DAYS);
    }
}
