package dev.relance.engine.pipeline;

/**
 * Optional filters of the opportunity list; null means "any".
 *
 * @param stage a stage key
 * @param open true: in an OPEN stage; false: closed (WON or LOST)
 */
public record OpportunityFilter(Long ownerId, Long accountId, Long prospectId, String stage, Boolean open,
        Long sourceSequenceId) {
}
