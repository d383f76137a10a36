package dev.relance.engine.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.relance.engine.inbox.InterestedReply;

/**
 * Interested replies feed the pipeline, in the transaction that records the reply: the account's open
 * opportunity is created at, or advanced to, {@code relance.pipeline.qualified-reply-stage}.
 */
@Component
class QualifiedReplies {

    private static final Logger log = LoggerFactory.getLogger(QualifiedReplies.class);

    private final OpportunityService opportunities;
    private final StageService stages;
    private final PipelineProperties properties;

    QualifiedReplies(OpportunityService opportunities, StageService stages, PipelineProperties properties) {
        this.opportunities = opportunities;
        this.stages = stages;
        this.properties = properties;
    }

    @EventListener
    void on(InterestedReply reply) {
        // Checked before joining the inbox's transaction: a misconfigured stage must not roll the reply back.
        boolean usable = stages.find(properties.qualifiedReplyStage())
                .filter(stage -> stage.category() == StageCategory.OPEN).isPresent();
        if (!usable) {
            log.warn("interested reply to message {} not added to the pipeline: relance.pipeline.qualified-reply-stage"
                    + " {} is not an OPEN stage", reply.messageId(), properties.qualifiedReplyStage());
            return;
        }
        opportunities.qualifyReply(reply.messageId(), reply.prospectId(), null, null);
    }
}
