package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.dispatch.SendPreparation.Prepared;
import dev.relance.engine.dispatch.SendPreparation.ReadyEmail;
import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.LockWaiter;
import dev.relance.engine.mailbox.MailTransport;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxCredentials;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.SendOutcome;
import dev.relance.engine.sequence.Variant;
import dev.relance.templates.RenderedEmail;

/**
 * Sends a chunk of one mailbox's emails crash-safely. First transaction ({@link SendPreparation}):
 * re-check the claims and the pauses, take send slots of the mailbox, record the messages as
 * SENDING, commit. Second transaction: lock the enrollments again (a pause now waits for this
 * transaction), hand the emails to SMTP one by one, and record the answers with the enrollments'
 * next steps. Between two emails the transaction asks whether a pause waits for its locks (after
 * the first email, then at most every {@code relance.dispatch.pause-check-interval}, as the question
 * reads PostgreSQL's lock table); if one does, the transaction ends there and the rest of the chunk
 * re-checks in a new one, after the pause. A crash between the two
 * transactions leaves SENDING rows that recovery resolves; they are never resent blindly.
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    /**
     * How long a sender that stepped aside for a pause (or a stop, an unsubscribe) lets it finish
     * before it locks the rest of its chunk again; a writer that holds its transaction open longer
     * than this (a person in a SQL console) must take its chances.
     */
    private static final Duration LET_WAITERS_FINISH = Duration.ofSeconds(2);

    private final EnrollmentProgress progress;
    private final MessageLog messages;
    private final SendPreparation preparation;
    private final MailboxPacing pacing;
    private final EmailComposer composer;
    private final MailTransport transport;
    private final MailboxService mailboxes;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final DispatchProperties properties;
    private final Clock clock;
    private final Map<Long, CachedCredentials> credentials = new ConcurrentHashMap<>();

    EmailSender(EnrollmentProgress progress, MessageLog messages, SendPreparation preparation, MailboxPacing pacing,
            EmailComposer composer, MailTransport transport, MailboxService mailboxes, Outcomes outcomes,
            TransactionTemplate transactions, DispatchProperties properties, Clock clock) {
        this.progress = progress;
        this.messages = messages;
        this.preparation = preparation;
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
        return sendAll(List.of(new PendingEmail(context, variant, content))).getFirst();
    }

    /** Sends a chunk of emails of one mailbox; returns one outcome per email, in no particular order. */
    List<StepOutcome> sendAll(List<PendingEmail> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        Mailbox mailbox = chunk.getFirst().context().mailbox();
        Prepared prepared = transactions.execute(tx -> preparation.prepare(mailbox, chunk));
        prepared.deferrals.forEach(progress::release);
        List<StepOutcome> done = new ArrayList<>(prepared.outcomes);
        List<ReadyEmail> left = prepared.readyIn(chunk);
        int notSent = 0;
        while (!left.isEmpty()) {
            List<ReadyEmail> ready = left;
            Delivery delivery = transactions.execute(tx -> deliver(ready));
            progress.letFinish(delivery.waiters, LET_WAITERS_FINISH);
            done.addAll(delivery.outcomes);
            notSent += delivery.notSent;
            left = delivery.left;
        }
        if (notSent > 0) {
            int slots = notSent;
            transactions.executeWithoutResult(tx -> pacing.giveBack(mailbox, prepared.takenAt, slots));
        }
        return done;
    }

    /**
     * Sends the ready emails whose enrollment, sequence and mailbox are still active, until a pause
     * waits for this transaction: the emails not tried yet are left for the next one.
     */
    private Delivery deliver(List<ReadyEmail> ready) {
        var held = progress.lockAllForSend(ready.stream().map(r -> r.context().claimed()).toList());
        Delivery delivery = new Delivery();
        List<Outcomes.Sent> sent = new ArrayList<>();
        int tried = 0;
        long lastCheck = 0;
        boolean checked = false;
        for (int i = 0; i < ready.size(); i++) {
            ReadyEmail email = ready.get(i);
            Instant now = clock.instant();
            if (!held.contains(email.context().claimed().id())) {
                // Paused or stopped after the message was recorded: it was never handed to SMTP.
                messages.markRetry(email.message().id(), "not sent: paused or stopped before sending", now, now);
                delivery.notSent(StepOutcome.STOPPED);
                continue;
            }
            // Elapsed time, not the (injectable) business clock: this only spaces out the lock-table reads.
            if (tried > 0 && (!checked || System.nanoTime() - lastCheck >= properties.pauseCheckInterval().toNanos())) {
                checked = true;
                lastCheck = System.nanoTime();
                List<LockWaiter> waiters = progress.waitersForOurLocks();
                if (!waiters.isEmpty()) {
                    delivery.left = ready.subList(i, ready.size());
                    delivery.waiters = waiters;
                    break;
                }
            }
            tried++;
            SendOutcome outcome;
            try {
                outcome = transport.send(credentialsOf(email.context()), composer.outgoing(email.context(), email.message()));
            } catch (RuntimeException e) {
                // As if the process died here: the message stays SENDING for recovery, the claim runs out.
                log.error("sending the step of enrollment {} failed; recovery resolves its message",
                        email.context().claimed().id(), e);
                delivery.outcomes.add(StepOutcome.LOST_RACE);
                continue;
            }
            switch (outcome) {
                case SendOutcome.Accepted accepted -> sent.add(new Outcomes.Sent(email.context(), email.message(), now));
                case SendOutcome.Rejected rejected ->
                    delivery.notSent(outcomes.bounced(email.context(), email.message(), rejected, now));
                case SendOutcome.Deferred deferred ->
                    delivery.notSent(outcomes.deferred(email.context(), email.message(), deferred.reason(), now));
                case SendOutcome.AuthenticationFailed failed -> {
                    delivery.notSent(authenticationFailed(email, failed, now));
                    ready.subList(i + 1, ready.size()).forEach(rest -> delivery.notSent(notTriedAfterAuthFailure(rest, now)));
                    i = ready.size();
                }
            }
        }
        outcomes.sentAll(sent);
        sent.forEach(s -> delivery.outcomes.add(StepOutcome.SENT));
        return delivery;
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

    private record CachedCredentials(Instant version, MailboxCredentials credentials) {
    }

    private StepOutcome authenticationFailed(ReadyEmail email, SendOutcome.AuthenticationFailed failed, Instant now) {
        StepContext context = email.context();
        log.warn("mailbox {} refused our credentials; pausing it with its waiting steps kept", context.mailbox().id());
        credentials.remove(context.mailbox().id());
        messages.markRetry(email.message().id(), "authentication failed: " + failed.reason(), now, now);
        progress.release(context.claimed(), now);
        outcomes.pauseMailboxAfterAuthFailure(context, failed.reason());
        return StepOutcome.DEFERRED;
    }

    /** The rest of a chunk whose mailbox refused our credentials: kept, due again when the mailbox is resumed. */
    private StepOutcome notTriedAfterAuthFailure(ReadyEmail email, Instant now) {
        messages.markRetry(email.message().id(), "not sent: the mailbox's server refused our credentials", now, now);
        progress.release(email.context().claimed(), now);
        return StepOutcome.DEFERRED;
    }

    /** What one delivery transaction did: outcomes, slots to give back, and the emails left for the next one. */
    private static final class Delivery {
        final List<StepOutcome> outcomes = new ArrayList<>();
        int notSent;
        List<ReadyEmail> left = List.of();
        List<LockWaiter> waiters = List.of();

        void notSent(StepOutcome outcome) {
            outcomes.add(outcome);
            notSent++;
        }
    }
}
