package dev.relance.engine.sequence;

import java.util.List;

/**
 * One step of a sequence.
 *
 * @param position 1-based place in the sequence
 * @param taskNote instructions for the rep on manual steps
 * @param variants the A/B variants of an email step, in creation order; empty for other steps
 */
public record Step(long id, int position, StepType type, Delay delay, ThreadMode threadMode, String taskNote,
        List<Variant> variants) {
}
