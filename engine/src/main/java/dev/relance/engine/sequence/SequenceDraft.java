package dev.relance.engine.sequence;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sequence as created or replaced, steps included: a replace sends the whole sequence back.
 *
 * @param status null means DRAFT on create and "unchanged" on replace; a launched sequence never
 *     returns to DRAFT
 * @param ownerId null means the creating user on create and "unchanged" on replace
 * @param rules null means {@link SequenceRules#defaults()}
 * @param schedule null means {@link Schedule#defaults()}
 * @param steps in order; a step with an id keeps its identity (and its sent messages and statistics),
 *     a step left out is deleted
 */
public record SequenceDraft(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        SequenceStatus status,
        Long ownerId,
        @Valid SequenceRules rules,
        @Valid ScheduleDraft schedule,
        @NotNull @Size(max = 50) List<@Valid @NotNull StepDraft> steps) {
}
