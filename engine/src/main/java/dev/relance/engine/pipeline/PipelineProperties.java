package dev.relance.engine.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replies feed the pipeline.
 *
 * @param qualifiedReplyStage key of the stage at which an interested reply creates (or to which it
 *     advances) the account's open opportunity, and the default of a manual qualify; an OPEN stage
 */
@ConfigurationProperties("relance.pipeline")
public record PipelineProperties(@DefaultValue("SAL") String qualifiedReplyStage) {
}
