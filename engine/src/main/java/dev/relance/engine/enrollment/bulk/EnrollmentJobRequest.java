package dev.relance.engine.enrollment.bulk;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Start a bulk enrollment job: the prospects of an import, of a filter or of a list (exactly one of
 * them) into a sequence.
 *
 * @param mailboxId the sending mailbox; default: the owner's most recently added active mailbox
 * @param mailboxPool instead of one mailbox, rotate first touches across these
 * @param ownerId the enrollments' owner; default: the caller
 * @param importId a completed import: the prospects its valid rows landed on
 * @param prospectIds an explicit list
 * @param filter a saved filter
 */
public record EnrollmentJobRequest(
        @NotNull Long sequenceId,
        Long mailboxId,
        @Size(max = 100) List<@NotNull Long> mailboxPool,
        Long ownerId,
        Long importId,
        @Size(max = 100_000) List<@NotNull Long> prospectIds,
        @Valid Filter filter) {

    /** Prospect criteria, all optional; see {@link EnrollmentSource.ByFilter}. */
    public record Filter(Long ownerId, Long accountId, @Size(max = 100) String customField,
            @Size(max = 1000) String customValue, Instant createdFrom, Instant createdTo) {
    }
}
