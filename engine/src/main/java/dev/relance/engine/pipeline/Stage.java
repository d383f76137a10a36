package dev.relance.engine.pipeline;

import java.math.BigDecimal;

/**
 * A stage of the pipeline.
 *
 * @param key stable upper-case identifier used by the API and the configuration ({@code SAL})
 * @param position order of the stages, 1 first; conversion and "advancing" follow it
 * @param probability chance of winning from this stage, 0 to 1; weights the pipeline value
 */
public record Stage(long id, String key, String name, int position, BigDecimal probability, StageCategory category) {
}
