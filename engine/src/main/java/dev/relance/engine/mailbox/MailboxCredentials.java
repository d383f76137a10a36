package dev.relance.engine.mailbox;

import java.util.Objects;

/**
 * How to sign in to a mailbox's SMTP or IMAP server, password decrypted. It lives only as long as a
 * send or a poll; {@link #toString()} never shows the password, so it may appear in logs.
 *
 * @param mailboxId the mailbox these settings belong to (the key of its pooled connection)
 * @param password the decrypted password, or null when none is stored (no AUTH then)
 */
public record MailboxCredentials(long mailboxId, String host, int port, TransportSecurity security, String username,
        String password) {

    public MailboxCredentials {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
    }

    /** Whether the client should authenticate: only with both a user name and a password. */
    boolean authenticates() {
        return username != null && !username.isEmpty() && password != null;
    }

    @Override
    public String toString() {
        return "MailboxCredentials[mailboxId=" + mailboxId + ", host=" + host + ", port=" + port + ", security="
                + security + ", username=" + username + ", password=" + (password == null ? "none" : "******") + "]";
    }
}
