package dev.relance.engine.enrollment;

import jakarta.validation.constraints.NotNull;

/**
 * Enroll one prospect.
 *
 * @param mailboxId the sending mailbox; default: the owner's most recently added active mailbox
 * @param ownerId the SDR who owns the enrollment; default: the caller (SDRs always own their own)
 */
public record EnrollmentRequest(@NotNull Long sequenceId, @NotNull Long prospectId, Long mailboxId, Long ownerId) {
}
