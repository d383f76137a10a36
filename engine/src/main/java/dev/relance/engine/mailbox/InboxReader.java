package dev.relance.engine.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * A mailbox's incoming folders, read-only: what the inbox poller reads after its checkpoint. Nothing
 * is ever marked read, moved or deleted.
 */
public interface InboxReader {

    /**
     * Reads up to {@code limit} messages of a folder after a checkpoint, in UID order.
     *
     * @param knownUidValidity the folder's UIDVALIDITY at the checkpoint, or null on the first read;
     *     when the server's differs, reading starts again from the first message
     * @param afterUid the last UID already read under {@code knownUidValidity}
     * @throws InboxUnavailableException when the server cannot be reached or refuses the credentials
     */
    FolderBatch read(MailboxCredentials imap, String folder, Long knownUidValidity, long afterUid, int limit);

    /**
     * A slice of a folder.
     *
     * @param uidValidity the folder's current UIDVALIDITY, under which the UIDs below hold
     * @param more whether messages remain after the last one returned
     */
    record FolderBatch(long uidValidity, List<InboundMail> messages, boolean more) {
    }

    /** One message as the server holds it. */
    record InboundMail(long uid, byte[] raw, Instant receivedAt) {
    }

    /** The folder could not be read now; the checkpoint stays and the next poll tries again. */
    class InboxUnavailableException extends RuntimeException {
        public InboxUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
