package dev.relance.engine.enrollment;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Enroll many prospects at once; each is checked on its own and skipped with a reason when refused. */
public record BulkEnrollmentRequest(
        @NotNull Long sequenceId,
        @NotEmpty @Size(max = 1000) List<@NotNull Long> prospectIds,
        Long mailboxId,
        Long ownerId) {
}
