package dev.relance.engine.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        for (StepContext context : contexts) {
            Optional<StepOutcome> held = holdBack(context);
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

    /** The send-time checks: a suppressed prospect ends the enrollment, a step not due yet is released. */
    private Optional<StepOutcome> holdBack(StepContext context) {
        Optional<Suppression> suppressed = suppressions.suppressing(context.prospect().email());
        if (suppressed.isPresent()) {
            progress.end(context.claimed().id(), stateFor(suppressed.get().reason()),
                    "suppressed (" + suppressed.get().reason() + ") before sending");
            return Optional.of(StepOutcome.STOPPED);
        }
        Optional<Instant> notBefore = notBefore(context, clock.instant());
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

    /** When the step may run, if not now: the next send window, or the prospect's frequency cap. */
    private Optional<Instant> notBefore(StepContext context, Instant now) {
        if (context.step().type() != StepType.AUTO_EMAIL && context.step().type() != StepType.MANUAL_EMAIL) {
            return Optional.empty();
        }
        Instant earliest = now;
        Duration gap = properties.prospectMinGap();
        if (!gap.isZero()) {
            Optional<Instant> last = messages.lastToProspectFromOthers(context.prospect().id(), context.claimed().id(),
                    now.minus(gap));
            if (last.isPresent()) {
                earliest = last.get().plus(gap);
            }
        }
        var windows = context.schedule().windows();
        var calendar = context.schedule().holidayCalendar();
        if (SendWindows.isOpen(earliest, windows, context.zone(), calendar)) {
            return earliest.equals(now) ? Optional.empty() : Optional.of(earliest);
        }
        Instant opening = SendWindows.nextOpening(earliest, windows, context.zone(), calendar);
        return Optional.of(SendWindows.withJitter(opening, windows, context.zone(), properties.windowJitter(), random));
    }

    private static EnrollmentState stateFor(SuppressionReason reason) {
        return switch (reason) {
            case HARD_BOUNCE -> EnrollmentState.BOUNCED;
            case UNSUBSCRIBED, COMPLAINT -> EnrollmentState.UNSUBSCRIBED;
            default -> EnrollmentState.STOPPED;
        };
    }
}
