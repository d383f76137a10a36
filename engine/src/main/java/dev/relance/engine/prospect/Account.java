package dev.relance.engine.prospect;

import java.time.Instant;
import java.util.Map;

/** A company, keyed by its email domain. */
public record Account(long id, String domain, String name, String website, String industry, String country,
        Map<String, Object> customFields, Long ownerId, Instant createdAt, Instant updatedAt) {
}
