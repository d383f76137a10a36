package dev.relance.engine.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.enrollment.StepAdvance;
import dev.relance.engine.enrollment.StepDelays;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.mailbox.SendOutcome;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Step;
import dev.relance.engine.task.NewTask;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskType;

/**
 * What follows an SMTP answer, in the transaction that records it: the message's state, the
 * enrollment's next step (or its end), suppression of a dead address, and the event log.
 */
@Component
class Outcomes {

    private final MessageLog messages;
    private final EnrollmentProgress progress;
    private final SuppressionService suppressions;
    private final MailboxService mailboxes;
    private final DispatchEvents events;
    private final TaskService tasks;
    private final DispatchProperties properties;

    Outcomes(MessageLog messages, EnrollmentProgress progress, SuppressionService suppressions, MailboxService mailboxes,
            DispatchEvents events, TaskService tasks, DispatchProperties properties) {
        this.tasks = tasks;
        this.messages = messages;
        this.progress = progress;
        this.suppressions = suppressions;
        this.mailboxes = mailboxes;
        this.events = events;
        this.properties = properties;
    }

    /** Accepted by the server: the message is SENT and the enrollment moves to its next step, or finishes. */
    StepOutcome sent(StepContext context, MessageRecord message, Instant now) {
        sentAll(List.of(new Sent(context, message, now)));
        return StepOutcome.SENT;
    }

    /**
     * {@link #sent} for a chunk's accepted emails, in one statement per table: messages SENT,
     * enrollments advanced, SENT (and FINISHED) events.
     */
    void sentAll(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Map<Long, Instant> sentAt = new HashMap<>();
        List<StepAdvance> advances = new ArrayList<>(sent.size());
        List<NewEvent> facts = new ArrayList<>(sent.size() * 2);
        for (Sent s : sent) {
            sentAt.put(s.message().id(), s.at());
            advances.add(advance(s.context(), s.at()));
            facts.add(events.of(EventType.SENT, s.context(), s.message().id(), variantOf(s.message()), s.at(),
                    Map.of("messageId", s.message().messageIdHeader())));
            if (s.context().nextStep() == null) {
                facts.add(events.of(EventType.FINISHED, s.context(), null, null, s.at(), Map.of()));
            }
        }
        messages.markAllSent(sentAt);
        progress.advanceAll(advances);
        events.appendAll(facts);
    }

    /** Moves the enrollment past its current step (sent, or a task done). */
    void advancePast(StepContext context, Instant now) {
        StepAdvance advance = advance(context, now);
        progress.advance(advance.enrollmentId(), advance.stepId(), advance.nextStepId(), advance.nextRunAt());
    }

    private static StepAdvance advance(StepContext context, Instant now) {
        Step next = context.nextStep();
        Instant due = next == null ? null
                : StepDelays.dueAfter(now, next.delay(), context.zone(), context.schedule().holidayCalendar());
        return new StepAdvance(context.claimed().id(), context.step().id(), next == null ? null : next.id(), due);
    }

    /** An email the server accepted at {@code at}. */
    record Sent(StepContext context, MessageRecord message, Instant at) {
    }

    /** A permanent refusal of the recipient: a hard bounce. */
    StepOutcome bounced(StepContext context, MessageRecord message, SendOutcome.Rejected rejected, Instant now) {
        String reason = rejected.replyCode() + " " + rejected.enhancedStatus() + " " + rejected.serverReply();
        messages.markFailed(message.id(), reason, now);
        suppressions.suppressAddress(context.prospect().email(), SuppressionReason.HARD_BOUNCE, "SMTP " + reason.trim());
        progress.end(context.claimed().id(), EnrollmentState.BOUNCED, "hard bounce at send: " + reason.trim());
        events.append(EventType.BOUNCED, context, message.id(), variantOf(message), now, Map.of("hard", true,
                "replyCode", rejected.replyCode(), "status", String.valueOf(rejected.enhancedStatus()), "phase", "SMTP"));
        return StepOutcome.BOUNCED;
    }

    /** A temporary failure: retried later with a growing wait, given up after the last attempt. */
    StepOutcome deferred(StepContext context, MessageRecord message, String reason, Instant now) {
        if (message.attempts() >= properties.maxAttempts()) {
            messages.markFailed(message.id(), "gave up after " + message.attempts() + " attempts: " + reason, now);
            progress.needsAttention(context.claimed(), "sending failed " + message.attempts() + " times: " + reason);
            return StepOutcome.NEEDS_ATTENTION;
        }
        Instant nextAttempt = now.plus(properties.backoffAfter(message.attempts()));
        messages.markRetry(message.id(), reason, nextAttempt, now);
        progress.release(context.claimed(), nextAttempt);
        return StepOutcome.DEFERRED;
    }

    /** A message already exists for this step (a retry of a claim, a resolved recovery...). */
    StepOutcome alreadyRecorded(StepContext context, MessageRecord existing) {
        return switch (existing.state()) {
            case "SENT" -> {
                advancePast(context, existing.updatedAt());
                yield StepOutcome.SENT;
            }
            default -> StepOutcome.LOST_RACE;
        };
    }

    /**
     * After the current transaction commits, pauses the mailbox whose server refused our credentials
     * and tells its owner with a task; every waiting step is kept.
     */
    void pauseMailboxAfterAuthFailure(StepContext context, String reason) {
        var mailbox = context.mailbox();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (mailboxes.get(mailbox.id()).status() == MailboxStatus.AUTH_FAILED) {
                    return;
                }
                mailboxes.changeStatus(mailbox.id(), MailboxStatus.AUTH_FAILED,
                        "the SMTP server refused the credentials: " + reason);
                Long owner = mailbox.ownerId() != null ? mailbox.ownerId() : context.claimed().ownerId();
                tasks.create(new NewTask(null, null, null, owner, null, TaskType.TASK,
                        "Mailbox " + mailbox.emailAddress() + " was paused: its server refused the password",
                        "Update the mailbox's SMTP password, then resume the mailbox. Its waiting steps are kept. "
                                + "Server said: " + reason, null, null, null, null));
            }
        });
    }

    private static Long variantOf(MessageRecord message) {
        return message.variantId();
    }
}
