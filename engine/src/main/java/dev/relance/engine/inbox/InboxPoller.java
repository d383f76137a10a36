package dev.relance.engine.inbox;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.relance.engine.inbox.Checkpoints.Checkpoint;
import dev.relance.engine.mailbox.InboxReader;
import dev.relance.engine.mailbox.InboxReader.FolderBatch;
import dev.relance.engine.mailbox.InboxReader.InboundMail;
import dev.relance.engine.mailbox.InboxReader.InboxUnavailableException;
import dev.relance.engine.mailbox.MailboxCredentials;
import dev.relance.engine.mailbox.MailboxService;

/**
 * Reads what came into the mailboxes since the last poll, folder by folder, from each folder's
 * checkpoint. The Quartz job of a mailbox calls {@link #poll(long)}; tests call it by hand.
 */
@Service
@EnableConfigurationProperties(InboxProperties.class)
public class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);

    private final MailboxService mailboxes;
    private final InboxReader reader;
    private final Checkpoints checkpoints;
    private final InboundProcessor processor;
    private final InboxProperties properties;
    private final Clock clock;

    InboxPoller(MailboxService mailboxes, InboxReader reader, Checkpoints checkpoints, InboundProcessor processor,
            InboxProperties properties, Clock clock) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls every mailbox that has an IMAP server. */
    public PollReport pollAll() {
        PollReport total = PollReport.empty();
        for (long mailboxId : mailboxes.idsWithImap()) {
            total = total.plus(poll(mailboxId));
        }
        return total;
    }

    /** Reads each configured folder of a mailbox to its end; a mailbox without IMAP reads nothing. */
    public PollReport poll(long mailboxId) {
        Optional<MailboxCredentials> imap = mailboxes.imapCredentials(mailboxId);
        PollReport report = PollReport.empty();
        if (imap.isEmpty()) {
            return report;
        }
        for (String folder : properties.folders()) {
            report = report.plus(pollFolder(imap.get(), folder));
        }
        return report;
    }

    private PollReport pollFolder(MailboxCredentials imap, String folder) {
        PollReport report = PollReport.empty();
        while (true) {
            Optional<Checkpoint> checkpoint = checkpoints.find(imap.mailboxId(), folder);
            FolderBatch batch;
            try {
                batch = reader.read(imap, folder, checkpoint.map(Checkpoint::uidValidity).orElse(null),
                        checkpoint.map(Checkpoint::lastUid).orElse(0L), properties.batchSize());
            } catch (InboxUnavailableException e) {
                log.warn("inbox poll skipped: {}", e.getMessage());
                return report.unavailable(e.getMessage());
            }
            boolean renumbered = checkpoint.isEmpty() || checkpoint.get().uidValidity() != batch.uidValidity();
            if (renumbered && batch.messages().isEmpty() && batch.uidValidity() > 0) {
                checkpoints.save(imap.mailboxId(), folder, batch.uidValidity(), 0, clock.instant());
            }
            for (InboundMail mail : batch.messages()) {
                Optional<InboundStatus> status = processor.process(imap.mailboxId(), folder, batch.uidValidity(), mail);
                if (status.isPresent()) {
                    report = report.plus(status.get());
                }
            }
            if (!batch.more()) {
                return report;
            }
        }
    }
}
