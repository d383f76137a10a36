package dev.relance.engine.sequence;

import java.time.Instant;
import java.util.List;

/**
 * A cadence as shown by the API: its rules, its schedule and its steps in order.
 *
 * @param ownerId the user who owns the sequence, or null for a team sequence
 * @param steps ordered by position, starting at 1
 */
public record Sequence(long id, String name, String description, SequenceStatus status, Long ownerId, SequenceRules rules,
        Schedule schedule, List<Step> steps, Instant createdAt, Instant updatedAt) {
}
