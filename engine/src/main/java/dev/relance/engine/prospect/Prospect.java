package dev.relance.engine.prospect;

import java.time.Instant;
import java.util.Map;

/** A person we may write to. */
public record Prospect(long id, String email, String firstName, String lastName, String title, String phone,
        String linkedinUrl, String timeZone, String locale, String country, String city, Map<String, Object> customFields,
        Long ownerId, Long accountId, Instant createdAt, Instant updatedAt) {
}
