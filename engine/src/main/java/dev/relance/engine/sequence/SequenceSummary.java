package dev.relance.engine.sequence;

import java.time.Instant;

/** A sequence as listed: without its schedule and steps. */
public record SequenceSummary(long id, String name, String description, SequenceStatus status, Long ownerId, int stepCount,
        Instant createdAt, Instant updatedAt) {
}
