package dev.relance.engine.mailbox;

/**
 * Sends emails over a mailbox's SMTP server: the dispatcher's only way out. The Jakarta Mail
 * adapter keeps one connection per mailbox; tests may swap in a recording implementation.
 */
public interface MailTransport {

    /**
     * Sends one email and tells what became of it. Server and network failures are answered as an
     * outcome, never thrown; an email with an unsafe header value never reaches this method (see
     * {@link OutgoingEmail}).
     */
    SendOutcome send(MailboxCredentials smtp, OutgoingEmail email);

    /** Closes the mailbox's connection, if any: after its settings changed, or when it is paused. */
    void close(long mailboxId);
}
