package dev.relance.engine.mailbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Network limits of the SMTP connections (and of the IMAP look-ups in the Sent folder).
 *
 * @param connectTimeout longest wait for a TCP connection to a mail server (default 10 s)
 * @param readTimeout longest wait for a server reply, greeting included; also bounds IMAP replies (default 30 s)
 * @param writeTimeout longest a write to an SMTP server may block (default 30 s)
 * @param idleTimeout a mailbox's connection unused for this long is closed, and reopened by the next
 *     send (default 60 s; servers commonly drop idle clients after 1 to 5 minutes)
 */
@ConfigurationProperties("relance.smtp")
public record SmtpProperties(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration idleTimeout) {

    public SmtpProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(30), "read-timeout");
        writeTimeout = positive(writeTimeout, Duration.ofSeconds(30), "write-timeout");
        idleTimeout = positive(idleTimeout, Duration.ofSeconds(60), "idle-timeout");
    }

    /** The defaults. */
    public static SmtpProperties defaults() {
        return new SmtpProperties(null, null, null, null);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("relance.smtp." + name + " must be positive");
        }
        return value;
    }
}
