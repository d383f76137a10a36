package dev.relance.engine.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.springframework.stereotype.Component;

/**
 * {@link InboxReader} over IMAP: one connection per read, the folder opened with EXAMINE (read-only)
 * and every body fetched with BODY.PEEK, so the prospect's replies stay unread for the rep.
 */
@Component
class ImapInboxReader implements InboxReader {

    private final ImapSessions sessions;

    ImapInboxReader(ImapSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public FolderBatch read(MailboxCredentials imap, String folderName, Long knownUidValidity, long afterUid, int limit) {
        Store store = null;
        try {
            store = sessions.connect(imap);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return new FolderBatch(knownUidValidity == null ? 0 : knownUidValidity, List.of(), false);
            }
            folder.open(Folder.READ_ONLY);
            try {
                return readOpen(folder, knownUidValidity, afterUid, limit);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new InboxUnavailableException("mailbox " + imap.mailboxId() + ", folder " + folderName + ": "
                    + SmtpFailures.describe(e), e);
        } finally {
            ImapSessions.closeQuietly(store);
        }
    }

    private static FolderBatch readOpen(Folder folder, Long knownUidValidity, long afterUid, int limit)
            throws MessagingException, IOException {
        UIDFolder uids = (UIDFolder) folder;
        long uidValidity = uids.getUIDValidity();
        long from = knownUidValidity != null && knownUidValidity == uidValidity ? afterUid + 1 : 1;
        Message[] found = uids.getMessagesByUID(from, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        folder.fetch(found, profile);
        List<InboundMail> batch = new ArrayList<>();
        boolean more = false;
        for (Message message : found) {
            long uid = uids.getUID(message);
            if (uid < from) {
                continue; // "n:*" always returns the last message, even when its UID is below n
            }
            if (batch.size() == limit) {
                more = true;
                break;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            batch.add(new InboundMail(uid, raw.toByteArray(),
                    message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant()));
        }
        return new FolderBatch(uidValidity, batch, more);
    }
}
