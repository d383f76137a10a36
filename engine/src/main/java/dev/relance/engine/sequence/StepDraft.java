package dev.relance.engine.sequence;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A step as written. Email steps (AUTO_EMAIL, MANUAL_EMAIL) carry 1 to 10 variants; other steps
 * carry none and always start a new thread.
 *
 * @param id null for a new step; otherwise a step of the sequence being replaced
 * @param delay null means no delay (0 days)
 * @param threadMode null means NEW_THREAD; REPLY_IN_THREAD needs an earlier email step
 * @param variants for email steps; a variant left out of a replace is deleted
 */
public record StepDraft(
        Long id,
        @NotNull StepType type,
        @Valid Delay delay,
        ThreadMode threadMode,
        @Size(max = 2000) String taskNote,
        @Size(max = 10) List<@Valid @NotNull VariantDraft> variants) {

    Delay delayOrDefault() {
        return delay == null ? Delay.none() : delay;
    }

    ThreadMode threadModeOrDefault() {
        return threadMode == null ? ThreadMode.NEW_THREAD : threadMode;
    }

    List<VariantDraft> variantsOrEmpty() {
        return variants == null ? List.of() : variants;
    }
}
