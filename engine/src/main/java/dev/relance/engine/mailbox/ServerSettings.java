package dev.relance.engine.mailbox;

/** SMTP or IMAP settings as shown: whether a password is stored, never the password. */
public record ServerSettings(String host, int port, TransportSecurity security, String username, boolean passwordSet) {
}
