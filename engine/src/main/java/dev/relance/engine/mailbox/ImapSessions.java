package dev.relance.engine.mailbox;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Opens IMAP connections to a mailbox's server with the timeouts and TLS settings of
 * {@link SmtpProperties}, for the Sent folder and the inbox alike. Every message is fetched with
 * BODY.PEEK, so reading never marks anything \Seen.
 */
@Component
@EnableConfigurationProperties(SmtpProperties.class)
class ImapSessions {

    private final SmtpProperties properties;

    ImapSessions(SmtpProperties properties) {
        this.properties = properties;
    }

    Store connect(MailboxCredentials imap) throws MessagingException {
        Store store = Session.getInstance(sessionProperties(imap)).getStore("imap");
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }

    static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // logging out is a courtesy; the server drops the connection anyway
            }
        }
    }

    private Properties sessionProperties(MailboxCredentials imap) {
        Properties props = new Properties();
        props.setProperty("mail.imap.connectiontimeout", millis(properties.connectTimeout()));
        props.setProperty("mail.imap.timeout", millis(properties.readTimeout()));
        props.setProperty("mail.imap.ssl.checkserveridentity", "true");
        props.setProperty("mail.imap.peek", "true");
        switch (imap.security()) {
            case STARTTLS -> {
                props.setProperty("mail.imap.starttls.enable", "true");
                props.setProperty("mail.imap.starttls.required", "true");
            }
            case TLS -> props.setProperty("mail.imap.ssl.enable", "true");
            case NONE -> {
                // plain text, for local sandboxes only
            }
        }
        return props;
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
