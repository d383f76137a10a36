package dev.relance.engine.user;

import java.time.Instant;

/** A group of users (an SDR pod, a region) whose figures managers read together. */
public record Team(long id, String name, Instant createdAt, Instant updatedAt) {
}
