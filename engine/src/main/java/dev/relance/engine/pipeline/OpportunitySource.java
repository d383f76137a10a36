package dev.relance.engine.pipeline;

/**
 * What the opportunity is credited to: the sequence, step, A/B variant and mailbox of the email that
 * was answered, and the SDR who owned the enrollment.
 *
 * @param messageId our message whose interested reply created the opportunity, or null
 */
public record OpportunitySource(Long sequenceId, Long stepId, Long variantId, Long mailboxId, Long ownerId,
        Long messageId) {

    static final OpportunitySource NONE = new OpportunitySource(null, null, null, null, null, null);
}
