package dev.relance.api.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox mailbox that stands in for a real one in the demo: a GreenMail SMTP + IMAP server
 * that keeps every email it receives and delivers nothing to the outside world.
 *
 * @param embedded start GreenMail inside Relance (default true); false when the sandbox runs
 *     elsewhere, as in docker-compose
 * @param host where the sandbox listens (default 127.0.0.1)
 * @param smtpPort its SMTP port (default 3025)
 * @param imapPort its IMAP port (default 3143)
 * @param address the demo mailbox's address (default demo@relance.local)
 * @param password the demo mailbox's sandbox password (default "sandbox"; sandbox only)
 */
@ConfigurationProperties("relance.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("3143") int imapPort,
        @DefaultValue("demo@relance.local") String address,
        @DefaultValue("sandbox") String password) {
}
