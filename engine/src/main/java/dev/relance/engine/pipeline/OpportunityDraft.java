package dev.relance.engine.pipeline;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An opportunity as created or replaced. {@code PUT} replaces every field but the stage, which moves
 * only through {@code POST .../stage} so that each change is recorded.
 *
 * @param accountId required unless {@code prospectId} is given (then the prospect's account is used)
 * @param stage key of the first stage on creation (default: the first OPEN stage); on replace it must
 *     be absent or the current stage
 * @param amount decimal string, not negative, at most 2 decimals; needs {@code currency}
 * @param currency ISO-4217 code; needs {@code amount}
 * @param ownerId the AE or SDR who owns it; default: whoever creates it (on replace: unchanged)
 * @param sourceSequenceId source attribution (also step, variant, mailbox, SDR); on replace, a field
 *     left out keeps its value
 */
public record OpportunityDraft(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String name,
        Long accountId,
        Long prospectId,
        @Size(max = 40) String stage,
        @Size(max = 40) String amount,
        @Size(max = 3) String currency,
        LocalDate expectedCloseDate,
        Long ownerId,
        @Size(max = 100) String demandUnit,
        Long sourceSequenceId,
        Long sourceStepId,
        Long sourceVariantId,
        Long sourceMailboxId,
        Long sourceOwnerId) {

    /** This draft, owned by {@code ownerId} unless it names an owner. */
    public OpportunityDraft ownedByDefault(long owner) {
        return ownerId != null ? this : new OpportunityDraft(name, accountId, prospectId, stage, amount, currency,
                expectedCloseDate, owner, demandUnit, sourceSequenceId, sourceStepId, sourceVariantId, sourceMailboxId,
                sourceOwnerId);
    }

    OpportunitySource source() {
        return new OpportunitySource(sourceSequenceId, sourceStepId, sourceVariantId, sourceMailboxId, sourceOwnerId,
                null);
    }
}
