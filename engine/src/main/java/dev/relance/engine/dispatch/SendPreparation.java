package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.templates.MissingVariablesException;
import dev.relance.templates.TemplateRenderException;

/**
 * The first transaction of a chunk of one mailbox's emails: lock the mailbox's pacing row, then
 * the chunk's enrollments (checking each claim and pause once), take as many send slots as the caps
 * and spacing allow, render, and record the messages as SENDING in one insert. It commits before
 * any email is handed to SMTP.
 */
@Component
class SendPreparation {

    private final EnrollmentProgress progress;
    private final MessageLog messages;
    private final MailboxPacing pacing;
    private final EmailComposer composer;
    private final Outcomes outcomes;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    SendPreparation(EnrollmentProgress progress, MessageLog messages, MailboxPacing pacing, EmailComposer composer,
            Outcomes outcomes, Clock clock) {
        this.progress = progress;
        this.messages = messages;
        this.pacing = pacing;
        this.composer = composer;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * In the caller's transaction. The mailbox row is locked first: preparations of one mailbox queue
     * there before taking any enrollment lock, so two dispatchers sharing a mailbox cannot deadlock on it.
     */
    Prepared prepare(Mailbox mailbox, List<PendingEmail> chunk) {
        Instant now = clock.instant();
        MailboxPacing.Counters counters = pacing.lock(mailbox, now);
        Set<Long> held = progress.lockAllForSend(chunk.stream().map(p -> p.context().claimed()).toList());
        Map<Long, MessageRecord> existing = messages.forSteps(chunk.stream().map(PendingEmail::enrollmentId).toList(),
                chunk.stream().map(p -> p.context().step().id()).toList());
        Prepared prepared = new Prepared(now);
        List<PendingEmail> candidates = new ArrayList<>();
        for (PendingEmail pending : chunk) {
            MessageRecord found = existing.get(pending.enrollmentId());
            if (!held.contains(pending.enrollmentId())) {
                prepared.outcomes.add(StepOutcome.LOST_RACE);
            } else if (found != null && !found.retryable()) {
                prepared.outcomes.add(outcomes.alreadyRecorded(pending.context(), found));
            } else {
                candidates.add(pending);
            }
        }
        MailboxPacing.Slots slots = pacing.available(mailbox, counters, candidates.size(), now, random);
        int used = 0;
        Map<Long, PendingEmail> fresh = new LinkedHashMap<>();
        List<NewMessage> toInsert = new ArrayList<>();
        for (PendingEmail pending : candidates) {
            if (used == slots.granted()) {
                prepared.deferrals.put(pending.context().claimed(), slots.restAt());
                prepared.outcomes.add(StepOutcome.DEFERRED);
                continue;
            }
            MessageRecord found = existing.get(pending.enrollmentId());
            if (found != null) {
                Optional<MessageRecord> retried = messages.retryAsSending(found.id(), now);
                retried.ifPresentOrElse(m -> prepared.ready.put(pending.enrollmentId(), new ReadyEmail(pending.context(), m)),
                        () -> prepared.outcomes.add(StepOutcome.LOST_RACE));
                used += retried.isPresent() ? 1 : 0;
                continue;
            }
            try {
                toInsert.add(composer.compose(pending.context(), pending.variant(), pending.content()));
                fresh.put(pending.enrollmentId(), pending);
                used++;
            } catch (MissingVariablesException | TemplateRenderException e) {
                progress.needsAttention(pending.context().claimed(),
                        "cannot render step " + pending.context().step().position() + ": " + e.getMessage());
                prepared.outcomes.add(StepOutcome.NEEDS_ATTENTION);
            }
        }
        pacing.take(mailbox.id(), counters, slots, used);
        for (MessageRecord message : messages.insertAllSending(toInsert, now)) {
            prepared.ready.put(message.enrollmentId(), new ReadyEmail(fresh.get(message.enrollmentId()).context(), message));
        }
        return prepared;
    }

    /** A message recorded SENDING and committed: it may now be handed to SMTP. */
    record ReadyEmail(StepContext context, MessageRecord message) {
    }

    /** The first transaction's verdicts, step by step. */
    static final class Prepared {
        /** When the chunk's send slots were taken. */
        final Instant takenAt;
        /** Outcomes of the steps that will not be sent in this chunk. */
        final List<StepOutcome> outcomes = new ArrayList<>();
        /** Steps over a cap or within the spacing, and when they may go. */
        final Map<ClaimedEnrollment, Instant> deferrals = new HashMap<>();
        /** The messages to send, by enrollment id. */
        final Map<Long, ReadyEmail> ready = new LinkedHashMap<>();

        Prepared(Instant takenAt) {
            this.takenAt = takenAt;
        }

        /** The ready messages in the chunk's order. */
        List<ReadyEmail> readyIn(List<PendingEmail> chunk) {
            return chunk.stream().map(p -> ready.get(p.enrollmentId())).filter(r -> r != null).toList();
        }
    }
}
