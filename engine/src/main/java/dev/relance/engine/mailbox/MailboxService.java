package dev.relance.engine.mailbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.SecretCipher;
import dev.relance.engine.support.Zones;

/** Senders: their servers, encrypted credentials, caps and pacing. */
@Service
@EnableConfigurationProperties(MailboxDefaults.class)
public class MailboxService {

    private final MailboxRepository mailboxes;
    private final MailboxDefaults defaults;
    private final SecretCipher cipher;
    private final Clock clock;

    MailboxService(MailboxRepository mailboxes, MailboxDefaults defaults, SecretCipher cipher, Clock clock) {
        this.mailboxes = mailboxes;
        this.defaults = defaults;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Mailbox create(MailboxDraft draft) {
        Zones.parse("timeZone", draft.timeZone());
        try {
            return mailboxes.insert(draft, defaults, encrypt(draft.smtp()), encrypt(draft.imap()), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate();
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "mailbox");
        }
    }

    @Transactional
    public Mailbox replace(long id, MailboxDraft draft) {
        Zones.parse("timeZone", draft.timeZone());
        try {
            return mailboxes.update(id, draft, defaults, encrypt(draft.smtp()), encrypt(draft.imap()), clock.instant())
                    .orElseThrow(() -> new NotFoundException("mailbox", id));
        } catch (DuplicateKeyException e) {
            throw duplicate();
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "mailbox");
        }
    }

    public Mailbox get(long id) {
        return mailboxes.findById(id).orElseThrow(() -> new NotFoundException("mailbox", id));
    }

    public Page<Mailbox> list(PageRequest page, Long ownerId, MailboxStatus status) {
        return Page.of(mailboxes.list(page, ownerId, status), page, Mailbox::id);
    }

    /** The SMTP settings of a mailbox with its password decrypted, for sending; never show them. */
    public MailboxCredentials smtpCredentials(long mailboxId) {
        return mailboxes.smtpCredentials(mailboxId).map(this::decrypted)
                .orElseThrow(() -> new NotFoundException("mailbox", mailboxId));
    }

    /** The mailboxes whose incoming mail is read: those with an IMAP server, unless disabled. */
    public List<Long> idsWithImap() {
        return mailboxes.idsWithImap();
    }

    /** The IMAP settings of a mailbox with its password decrypted; empty when it has no IMAP server. */
    public Optional<MailboxCredentials> imapCredentials(long mailboxId) {
        Optional<MailboxCredentials> imap = mailboxes.imapCredentials(mailboxId).map(this::decrypted);
        if (imap.isEmpty()) {
            get(mailboxId);
        }
        return imap;
    }

    /**
     * Pauses, resumes or disables a mailbox. Steps waiting on a paused or disabled mailbox are kept,
     * not dropped; a disabled mailbox never sends again but stays for history.
     */
    @Transactional
    public Mailbox changeStatus(long id, MailboxStatus status, String reason) {
        Mailbox current = get(id);
        if (current.status() == MailboxStatus.DISABLED && status != MailboxStatus.DISABLED) {
            throw new ConflictException("mailbox-disabled", "mailbox " + id + " is disabled for good");
        }
        return mailboxes.setStatus(id, status, status == MailboxStatus.ACTIVE ? null : reason, clock.instant())
                .orElseThrow(() -> new NotFoundException("mailbox", id));
    }

    @Transactional
    public void delete(long id) {
        try {
            if (!mailboxes.delete(id)) {
                throw new NotFoundException("mailbox", id);
            }
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("in-use", "mailbox " + id + " has sent messages or live enrollments: disable it instead");
        }
    }

    private MailboxCredentials decrypted(MailboxRepository.EncryptedCredentials stored) {
        return new MailboxCredentials(stored.mailboxId(), stored.host(), stored.port(), stored.security(),
                stored.username(), cipher.decrypt(stored.password()));
    }

    private byte[] encrypt(ServerDraft server) {
        return server == null ? null : cipher.encrypt(server.password());
    }

    private static ConflictException duplicate() {
        return new ConflictException("duplicate-mailbox", "a mailbox with this address already exists");
    }
}
