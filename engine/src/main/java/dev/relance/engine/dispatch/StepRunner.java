package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.enrollment.SendWindows;
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.StepType;
import dev.relance.templates.MissingVariablesException;
import dev.relance.templates.TemplateRenderException;

/**
 * Runs the current steps of claimed enrollments: checks what must hold at send time for each
 * (suppression, the prospect's frequency cap, the send window), then sends their emails or hands
 * their tasks to the owner. A step that may not run now is released to the next allowed time, never dropped.
 */
@Component
class StepRunner {

    private final EnrollmentProgress progress;
    private final SuppressionService suppressions;
    private final MessageLog messages;
    private final EmailSender sender;
    private final ManualSteps manualSteps;
    private final DispatchProperties properties;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    StepRunner(EnrollmentProgress progress, SuppressionService suppressions, MessageLog messages, EmailSender sender,
            ManualSteps manualSteps, DispatchProperties properties, Clock clock) {
        this.progress = progress;
        this.suppressions = suppressions;
        this.messages = messages;
        this.sender = sender;
        this.manualSteps = manualSteps;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs a chunk of one mailbox's steps, of distinct prospects: each step is checked, then the
     * automatic emails that may go now are sent together; returns one outcome per step.
     */
    List<StepOutcome> runAll(List<StepContext> contexts) {
        List<StepOutcome> outcomes = new ArrayList<>(contexts.size());
        List<PendingEmail> emails = new ArrayList<>();
        Instant now = clock.instant();
        Map<String, Suppression> suppressed = suppressions.suppressingAny(contexts.stream().map(c -> c.prospect().email())
                .toList());
        Map<Long, Instant> lastFromOthers = lastToProspectsFromOthers(contexts, now);
        for (StepContext context : contexts) {
            Optional<StepOutcome> held = holdBack(context, suppressed.get(context.prospect().email()),
                    lastFromOthers.get(context.prospect().id()), now);
            if (held.isPresent()) {
                outcomes.add(held.get());
            } else if (context.step().type() == StepType.AUTO_EMAIL) {
                emails.add(new PendingEmail(context, VariantPicker.pick(context.step().variants(), context.claimed().id(),
                        context.step().id()), null));
            } else {
                outcomes.add(runManual(context));
            }
        }
        outcomes.addAll(sender.sendAll(emails));
        return outcomes;
    }

    /**
     * The send-time checks: a suppressed prospect ends the enrollment, a step not due yet is released.
     *
     * @param suppressed the entry that forbids writing to the prospect, or null
     * @param lastFromOthers the last email to the prospect from another enrollment within the
     *     frequency cap's gap, or null
     */
    private Optional<StepOutcome> holdBack(StepContext context, Suppression suppressed, Instant lastFromOthers,
            Instant now) {
        if (suppressed != null) {
            progress.end(context.claimed().id(), stateFor(suppressed.reason()),
                    "suppressed (" + suppressed.reason() + ") before sending");
            return Optional.of(StepOutcome.STOPPED);
        }
        Optional<Instant> notBefore = notBefore(context, lastFromOthers, now);
        if (notBefore.isPresent()) {
            progress.release(context.claimed(), notBefore.get());
            return Optional.of(StepOutcome.DEFERRED);
        }
        return Optional.empty();
    }

    private StepOutcome runManual(StepContext context) {
        try {
            return manualSteps.run(context);
        } catch (MissingVariablesException | TemplateRenderException e) {
            progress.needsAttention(context.claimed(), "cannot render step " + context.step().position() + ": " + e.getMessage());
            return StepOutcome.NEEDS_ATTENTION;
        }
    }

    /**
     * The last email to each prospect of the chunk's email steps from another of its enrollments,
     * within the frequency cap's gap (a chunk holds each prospect once).
     */
    private Map<Long, Instant> lastToProspectsFromOthers(List<StepContext> contexts, Instant now) {
        Duration gap = properties.prospectMinGap();
        List<StepContext> emails = contexts.stream().filter(StepRunner::isEmail).toList();
        if (gap.isZero() || emails.isEmpty()) {
            return Map.of();
        }
        return messages.lastToProspectsFromOthers(emails.stream().map(c -> c.prospect().id()).toList(),
                emails.stream().map(c -> c.claimed().id()).toList(), now.minus(gap));
    }

    /** When the step may run, if not now: the next send window, or the prospect's frequency cap. */
    private Optional<Instant> notBefore(StepContext context, Instant lastFromOthers, Instant now) {
        if (!isEmail(context)) {
            return Optional.empty();
        }
        Instant earliest = lastFromOthers == null ? now : lastFromOthers.plus(properties.prospectMinGap());
        var windows = context.schedule().windows();
        var calendar = context.schedule().holidayCalendar();
        if (SendWindows.isOpen(earliest, windows, context.zone(), calendar)) {
            return earliest.equals(now) ? Optional.empty() : Optional.of(earliest);
        }
        Instant opening = SendWindows.nextOpening(earliest, windows, context.zone(), calendar);
        return Optional.of(SendWindows.withJitter(opening, windows, context.zone(), properties.windowJitter(), random));
    }

    private static boolean isEmail(StepContext context) {
        return context.step().type() == StepType.AUTO_EMAIL || context.step().type() == StepType.MANUAL_EMAIL;
    }

    private static EnrollmentState stateFor(SuppressionReason reason) {
        return switch (reason) {
            case HARD_BOUNCE -> EnrollmentState.BOUNCED;
            case UNSUBSCRIBED, COMPLAINT -> EnrollmentState.UNSUBSCRIBED;
            default -> EnrollmentState.STOPPED;
        };
    }
}
