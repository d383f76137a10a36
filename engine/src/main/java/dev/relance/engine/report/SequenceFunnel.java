package dev.relance.engine.report;

import java.util.List;

/**
 * From first touch to revenue, for the prospects of one sequence (all time): touched, replied,
 * interested, then the pipeline stages their opportunities credited to the sequence reached.
 */
public record SequenceFunnel(long sequenceId, String name, Long ownerId, List<Step> steps) {

    /**
     * @param fromPrevious this step's count ÷ the previous step's
     * @param fromTouched this step's count ÷ prospects touched
     */
    public record Step(String key, String name, long prospects, Rate fromPrevious, Rate fromTouched) {
    }
}
