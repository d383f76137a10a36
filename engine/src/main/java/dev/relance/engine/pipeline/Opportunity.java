package dev.relance.engine.pipeline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal in the pipeline.
 *
 * @param accountId the company; null only for a prospect without an account (a free-mail address)
 * @param stage the current stage's key; {@code category} is that stage's
 * @param amount a decimal string ("12500.00") with its ISO-4217 {@code currency}, or both null
 * @param demandUnit optional Demand Unit tag (SiriusDecisions: the buying group the deal belongs to)
 * @param closedAt when it reached a WON or LOST stage; null while open (reopening clears it)
 */
public record Opportunity(long id, String name, Long accountId, Long prospectId, long stageId, String stage,
        StageCategory category, String amount, String currency, LocalDate expectedCloseDate, Long ownerId,
        String demandUnit, OpportunitySource source, Instant createdAt, Instant updatedAt, Instant closedAt) {
}
