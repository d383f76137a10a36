package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.mailbox.MailboxCredentials;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.SentFolder;

/**
 * Resolves messages left SENDING by a dispatcher that died between recording a message and
 * recording the server's answer. Never resends blindly: the mailbox's Sent folder is searched for
 * the Message-ID over IMAP; found means sent; otherwise the message is UNKNOWN and its enrollment
 * waits for its owner (or, with relance.dispatch.resend-unknown, it is resent and flagged).
 */
@Service
public class InFlightRecovery {

    private static final Logger log = LoggerFactory.getLogger(InFlightRecovery.class);
    private static final int BATCH = 100;

    private final MessageLog messages;
    private final MailboxService mailboxes;
    private final SentFolder sentFolder;
    private final EnrollmentProgress progress;
    private final Outcomes outcomes;
    private final StepContexts contexts;
    private final TransactionTemplate transactions;
    private final DispatchProperties properties;
    private final Clock clock;

    InFlightRecovery(MessageLog messages, MailboxService mailboxes, SentFolder sentFolder, EnrollmentProgress progress,
            Outcomes outcomes, StepContexts contexts, TransactionTemplate transactions, DispatchProperties properties,
            Clock clock) {
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.sentFolder = sentFolder;
        this.progress = progress;
        this.outcomes = outcomes;
        this.contexts = contexts;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Resolves the messages SENDING for longer than a lease; returns how many were resolved. */
    public int recover() {
        List<MessageRecord> stale = messages.staleSending(clock.instant().minus(properties.lease()), BATCH);
        for (MessageRecord message : stale) {
            resolve(message);
        }
        return stale.size();
    }

    private void resolve(MessageRecord message) {
        Optional<MailboxCredentials> imap = mailboxes.imapCredentials(message.mailboxId());
        SentFolder.LookupResult found = imap.map(credentials -> sentFolder.find(credentials, message.messageIdHeader()))
                .orElse(SentFolder.LookupResult.UNAVAILABLE);
        Instant now = clock.instant();
        if (found == SentFolder.LookupResult.FOUND) {
            contexts.of(message.enrollmentId(), message.stepId(), message.mailboxId())
                    .ifPresent(context -> transactions.executeWithoutResult(tx -> outcomes.sent(context, message, now)));
            log.info("message {} found in the Sent folder: recorded as sent", message.messageIdHeader());
        } else if (properties.resendUnknown()) {
            messages.markPossibleDuplicate(message.id(), now);
            log.warn("message {} not found in the Sent folder ({}): resending, flagged as a possible duplicate",
                    message.messageIdHeader(), found);
        } else {
            transactions.executeWithoutResult(tx -> {
                messages.markUnknown(message.id(), "dispatcher stopped while sending; Sent folder: " + found, now);
                progress.flag(message.enrollmentId(), "message " + message.messageIdHeader()
                        + " may or may not have reached the prospect: check the mailbox's Sent folder, then resume"
                        + " (it is resent, flagged as a possible duplicate) or stop the enrollment");
            });
        }
    }
}
