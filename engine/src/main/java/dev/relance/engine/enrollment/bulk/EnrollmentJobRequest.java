package dev.relance.engine.enrollment.bulk;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.relance.engine.prospect.ProspectCriteria;

/**
 * Start a bulk enrollment job: the prospects of an import, of a saved filter, of a filter or of a list
 * (exactly one of them) into a sequence.
 *
 * @param mailboxId the sending mailbox; default: the owner's most recently added active mailbox
 * @param mailboxPool instead of one mailbox, rotate first touches across these
 * @param ownerId the enrollments' owner; default: the caller
 * @param importId a completed import: the prospects its valid rows landed on
 * @param savedFilterId a saved filter, whose criteria the job takes as they are when it is created
 * @param prospectIds an explicit list
 * @param filter criteria given here
 */
public record EnrollmentJobRequest(
        @NotNull Long sequenceId,
        Long mailboxId,
        @Size(max = 100) List<@NotNull Long> mailboxPool,
        Long ownerId,
        Long importId,
        Long savedFilterId,
        @Size(max = 100_000) List<@NotNull Long> prospectIds,
        @Valid ProspectCriteria filter) {
}
