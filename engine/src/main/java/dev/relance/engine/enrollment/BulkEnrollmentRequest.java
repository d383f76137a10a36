package dev.relance.engine.enrollment;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Enroll many prospects at once; each is checked on its own and skipped with a reason when refused.
 *
 * @param mailboxId the sending mailbox; default: the owner's most recently added active mailbox
 * @param mailboxPool instead of one mailbox, rotate first touches across these (round robin in the
 *     order given); every follow-up of a prospect then leaves from the mailbox of its first touch
 */
public record BulkEnrollmentRequest(
        @NotNull Long sequenceId,
        @NotEmpty @Size(max = 1000) List<@NotNull Long> prospectIds,
        Long mailboxId,
        Long ownerId,
        @Size(max = 100) List<@NotNull Long> mailboxPool) {

    public BulkEnrollmentRequest(Long sequenceId, List<Long> prospectIds, Long mailboxId, Long ownerId) {
        this(sequenceId, prospectIds, mailboxId, ownerId, null);
    }
}
