package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.mailbox.MailTransport;
import dev.relance.engine.mailbox.MailboxCredentials;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.SendOutcome;
import dev.relance.engine.sequence.Variant;
import dev.relance.templates.RenderedEmail;

/**
 * Sends one email crash-safely. First transaction: re-check the claim and the pauses, take a send
 * slot of the mailbox, record the message as SENDING, commit. Second transaction: lock the
 * enrollment again (a pause now waits for this send), hand the email to SMTP, and record the
 * answer with the enrollment's next step. A crash between the two leaves a SENDING row that
 * recovery resolves; it is never resent blindly.
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final EnrollmentProgress progress;
    private final MessageLog messages;
    private final MailboxPacing pacing;
    private final EmailComposer composer;
    private final MailTransport transport;
    private final MailboxService mailboxes;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final DispatchProperties properties;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<Long, CachedCredentials> credentials = new ConcurrentHashMap<>();

    EmailSender(EnrollmentProgress progress, MessageLog messages, MailboxPacing pacing, EmailComposer composer,
            MailTransport transport, MailboxService mailboxes, Outcomes outcomes, TransactionTemplate transactions,
            DispatchProperties properties, Clock clock) {
        this.progress = progress;
        this.messages = messages;
        this.pacing = pacing;
        this.composer = composer;
        this.transport = transport;
        this.mailboxes = mailboxes;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param content reviewed content of a manual email, or null to render the variant */
    StepOutcome send(StepContext context, Variant variant, RenderedEmail content) {
        Prepared prepared = transactions.execute(tx -> prepare(context, variant, content));
        if (prepared.outcome() != null) {
            if (prepared.deferUntil() != null) {
                progress.release(context.claimed(), prepared.deferUntil());
            }
            return prepared.outcome();
        }
        return transactions.execute(tx -> deliver(context, prepared.message()));
    }

    private Prepared prepare(StepContext context, Variant variant, RenderedEmail content) {
        if (!progress.lockForSend(context.claimed())) {
            return Prepared.done(StepOutcome.LOST_RACE);
        }
        Optional<MessageRecord> existing = messages.forStep(context.claimed().id(), context.step().id());
        if (existing.isPresent() && !existing.get().retryable()) {
            return Prepared.done(outcomes.alreadyRecorded(context, existing.get()));
        }
        Instant now = clock.instant();
        Optional<Instant> slot = pacing.reserve(context.mailbox(), now, random);
        if (slot.isPresent()) {
            return Prepared.deferredUntil(slot.get());
        }
        if (existing.isPresent()) {
            return messages.retryAsSending(existing.get().id(), now).map(Prepared::ready)
                    .orElseGet(() -> Prepared.done(StepOutcome.LOST_RACE));
        }
        return Prepared.ready(messages.insertSending(composer.compose(context, variant, content), now));
    }

    private StepOutcome deliver(StepContext context, MessageRecord message) {
        Instant now = clock.instant();
        if (!progress.lockForSend(context.claimed())) {
            // Paused or stopped after the message was recorded: it was never handed to SMTP.
            messages.markRetry(message.id(), "not sent: paused or stopped before sending", now, now);
            return StepOutcome.STOPPED;
        }
        SendOutcome outcome = transport.send(credentialsOf(context), composer.outgoing(context, message));
        return switch (outcome) {
            case SendOutcome.Accepted accepted -> outcomes.sent(context, message, now);
            case SendOutcome.Rejected rejected -> outcomes.bounced(context, message, rejected, now);
            case SendOutcome.Deferred deferred -> outcomes.deferred(context, message, deferred.reason(), now);
            case SendOutcome.AuthenticationFailed failed -> authenticationFailed(context, message, failed, now);
        };
    }

    /**
     * The mailbox's decrypted SMTP credentials, read once per version of the mailbox row: an edit of
     * the mailbox (a new password) changes its updatedAt, and a refused login drops the entry.
     */
    private MailboxCredentials credentialsOf(StepContext context) {
        var mailbox = context.mailbox();
        CachedCredentials cached = credentials.get(mailbox.id());
        if (cached == null || !cached.version().equals(mailbox.updatedAt())) {
            cached = new CachedCredentials(mailbox.updatedAt(), mailboxes.smtpCredentials(mailbox.id()));
            credentials.put(mailbox.id(), cached);
        }
        return cached.credentials();
    }

    private record CachedCredentials(java.time.Instant version, MailboxCredentials credentials) {
    }

    private StepOutcome authenticationFailed(StepContext context, MessageRecord message,
            SendOutcome.AuthenticationFailed failed, Instant now) {
        log.warn("mailbox {} refused our credentials; pausing it with its waiting steps kept", context.mailbox().id());
        credentials.remove(context.mailbox().id());
        messages.markRetry(message.id(), "authentication failed: " + failed.reason(), now, now);
        progress.release(context.claimed(), now);
        outcomes.pauseMailboxAfterAuthFailure(context, failed.reason());
        return StepOutcome.DEFERRED;
    }

    /** The first transaction's verdict: a message ready to send, or an outcome without sending. */
    private record Prepared(MessageRecord message, StepOutcome outcome, Instant deferUntil) {
        static Prepared ready(MessageRecord message) {
            return new Prepared(message, null, null);
        }

        static Prepared done(StepOutcome outcome) {
            return new Prepared(null, outcome, null);
        }

        static Prepared deferredUntil(Instant at) {
            return new Prepared(null, StepOutcome.DEFERRED, at);
        }
    }
}
