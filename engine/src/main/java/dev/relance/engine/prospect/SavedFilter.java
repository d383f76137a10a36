package dev.relance.engine.prospect;

import java.time.Instant;

/** A named {@link ProspectCriteria} that its owner reuses, for instance to start bulk enrollment jobs. */
public record SavedFilter(long id, String name, long ownerId, ProspectCriteria criteria, Instant createdAt,
        Instant updatedAt) {
}
