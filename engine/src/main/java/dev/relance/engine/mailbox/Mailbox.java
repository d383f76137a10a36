package dev.relance.engine.mailbox;

import java.time.Instant;

/** A sender as shown by the API; passwords never leave the engine. */
public record Mailbox(long id, String emailAddress, String displayName, String signatureHtml, Long ownerId,
        MailboxStatus status, String statusReason, ServerSettings smtp, ServerSettings imap, int dailyCap, int hourlyCap,
        int minSpacingSeconds, int spacingJitterSeconds, String timeZone, String postalAddress, Instant createdAt,
        Instant updatedAt) {
}
