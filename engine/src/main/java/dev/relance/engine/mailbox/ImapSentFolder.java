package dev.relance.engine.mailbox;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link SentFolder} over IMAP with Jakarta Mail: one short connection per call. The Sent folder is
 * the one flagged {@code \Sent} (RFC 6154 SPECIAL-USE), else the first folder with a usual name.
 * The copies it appends are built by {@link MimeMessages}, like what the SMTP transport sends.
 */
@Component
class ImapSentFolder implements SentFolder {

    private static final Logger log = LoggerFactory.getLogger(ImapSentFolder.class);

    /** Usual names, most common first, matched on the last segment: "[Gmail]/Sent Mail" is "Sent Mail". */
    private static final List<String> SENT_NAMES = List.of("Sent", "Sent Items", "Sent Messages", "Sent Mail",
            "Envoyés", "Éléments envoyés");

    private final ImapSessions sessions;
    private final Clock clock;
    private final Session mimeSession = Session.getInstance(new Properties());

    ImapSentFolder(ImapSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public LookupResult find(MailboxCredentials imap, String messageId) {
        Store store = null;
        try {
            store = sessions.connect(imap);
            Optional<Folder> sent = sentFolder(store);
            return sent.isPresent() && contains(sent.get(), messageId) ? LookupResult.FOUND : LookupResult.NOT_FOUND;
        } catch (MessagingException | RuntimeException e) {
            log.info("mailbox {}: cannot look for {} in the Sent folder: {}", imap.mailboxId(), messageId,
                    SmtpFailures.describe(e));
            return LookupResult.UNAVAILABLE;
        } finally {
            ImapSessions.closeQuietly(store);
        }
    }

    @Override
    public void appendCopy(MailboxCredentials imap, OutgoingEmail email) {
        Store store = null;
        try {
            store = sessions.connect(imap);
            if (AngusMail.hasCapability(store, "X-GM-EXT-1")) {
                return; // Gmail files every message its SMTP server sends; a copy would show twice
            }
            Optional<Folder> existing = sentFolder(store);
            if (existing.isPresent() && contains(existing.get(), email.messageId())) {
                return;
            }
            Folder sent = existing.isPresent() ? existing.get() : createSent(store);
            MimeMessage copy = MimeMessages.build(mimeSession, email, clock);
            copy.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {copy});
        } catch (MessagingException | RuntimeException e) {
            log.warn("mailbox {}: could not save a copy of {} in the Sent folder: {}", imap.mailboxId(),
                    email.messageId(), SmtpFailures.describe(e));
        } finally {
            ImapSessions.closeQuietly(store);
        }
    }

    static Optional<Folder> sentFolder(Store store) throws MessagingException {
        Folder[] folders = store.getDefaultFolder().list("*");
        for (Folder folder : folders) {
            if (selectable(folder) && hasAttribute(folder, "\\Sent")) {
                return Optional.of(folder);
            }
        }
        for (String name : SENT_NAMES) {
            for (Folder folder : folders) {
                if (selectable(folder) && nfc(folder.getName()).equalsIgnoreCase(nfc(name))) {
                    return Optional.of(folder);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the folder holds an email with this Message-ID; opened read-only (EXAMINE), nothing changes. */
    private static boolean contains(Folder folder, String messageId) throws MessagingException {
        String wanted = "<" + messageId + ">";
        folder.open(Folder.READ_ONLY);
        try {
            // IMAP SEARCH HEADER matches substrings: check each hit's header exactly.
            for (Message hit : folder.search(new HeaderTerm("Message-ID", wanted))) {
                String[] values = hit.getHeader("Message-ID");
                if (values != null && Arrays.stream(values).anyMatch(value -> value.strip().equals(wanted))) {
                    return true;
                }
            }
            return false;
        } finally {
            folder.close(false);
        }
    }

    /** A "Sent" folder in the personal namespace ("INBOX.Sent" on servers that nest everything in INBOX). */
    private static Folder createSent(Store store) throws MessagingException {
        Folder[] personal = store.getPersonalNamespaces();
        boolean prefixed = personal.length > 0 && !personal[0].getFullName().isEmpty();
        Folder parent = prefixed ? personal[0] : store.getDefaultFolder();
        Folder sent = parent.getFolder("Sent");
        if (!sent.exists() && !sent.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + sent.getFullName());
        }
        sent.setSubscribed(true);
        return sent;
    }

    private static boolean selectable(Folder folder) throws MessagingException {
        return !hasAttribute(folder, "\\Noselect") && !hasAttribute(folder, "\\NonExistent")
                && (folder.getType() & Folder.HOLDS_MESSAGES) != 0;
    }

    private static boolean hasAttribute(Folder folder, String attribute) {
        return Arrays.stream(AngusMail.folderAttributes(folder)).anyMatch(attribute::equalsIgnoreCase);
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }
}
