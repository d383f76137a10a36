package dev.relance.engine.mailbox;

/**
 * A mailbox's Sent folder over IMAP: where crash recovery looks for an email whose send outcome
 * was lost, and where a copy of each sent email is saved as mail clients do.
 *
 * <p>Only {@link LookupResult#FOUND} proves a send. NOT_FOUND proves nothing on servers that do not
 * file SMTP submissions themselves when the process died between the send and
 * {@link #appendCopy}: recovery must then treat the message as unknown, never resend it blindly.
 */
public interface SentFolder {

    /**
     * Looks for an email by its Message-ID (without angle brackets), read-only: nothing is marked
     * read, moved or deleted.
     */
    LookupResult find(MailboxCredentials imap, String messageId);

    /**
     * Saves a copy of a sent email, with its Message-ID, into the Sent folder (created as "Sent" when
     * the mailbox has none). Skipped on Gmail, which files what its SMTP server sends, and when a copy
     * is already there. A convenience for people and recovery: failures are logged, never thrown.
     */
    void appendCopy(MailboxCredentials imap, OutgoingEmail email);

    /** The answer of a look-up. */
    enum LookupResult {
        /** The Sent folder holds an email with this Message-ID: it was sent. */
        FOUND,
        /** The Sent folder (or the lack of one) holds no such email. */
        NOT_FOUND,
        /** The server could not be asked: connection, credentials or protocol failure. */
        UNAVAILABLE
    }
}
