package dev.relance.engine.sequence;

import java.time.Instant;
import java.util.List;

/** The sequence table's own columns, before its schedule and steps are attached. */
record SequenceRow(long id, String name, String description, SequenceStatus status, Long ownerId, SequenceRules rules,
        Instant createdAt, Instant updatedAt) {

    Sequence with(Schedule schedule, List<Step> steps) {
        return new Sequence(id, name, description, status, ownerId, rules, schedule, steps, createdAt, updatedAt);
    }
}
