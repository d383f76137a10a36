package dev.relance.engine.template;

import java.time.Instant;

/** One immutable version of an email template; messages point at the version they were sent with. */
public record TemplateVersion(long id, long templateId, int version, String subject, String bodyHtml, String bodyText,
        Long createdBy, Instant createdAt) {
}
