package dev.relance.engine.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;

/**
 * What a prospect's own signals do to their cadences, wherever the signal arrives (an unsubscribe
 * link, a reply asking to be removed, a complaint report): suppress the address, end every live
 * enrollment of the prospect (so queued steps never leave) and log the fact.
 */
@Service
public class ProspectSignals {

    private final SuppressionService suppressions;
    private final EnrollmentProgress progress;
    private final EventLog events;
    private final SignalRepository signals;
    private final Clock clock;

    ProspectSignals(SuppressionService suppressions, EnrollmentProgress progress, SignalRepository signals,
            EventLog events, Clock clock) {
        this.suppressions = suppressions;
        this.signals = signals;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The prospect asked to hear no more. Repeating it changes nothing and logs nothing more.
     *
     * @param messageId the message whose link or reply carried the request, when known
     * @param source how the request came, for the suppression list ("one-click unsubscribe", "reply")
     * @return whether this call suppressed the address (false when it already was)
     */
    @Transactional
    public boolean unsubscribed(long prospectId, String email, Long messageId, String source) {
        return stopContact(prospectId, email, messageId, source, SuppressionReason.UNSUBSCRIBED, EventType.UNSUBSCRIBED);
    }

    /** The prospect reported our email as spam (an ARF feedback report): same effects as an unsubscribe. */
    @Transactional
    public boolean complained(long prospectId, String email, Long messageId, String source) {
        return stopContact(prospectId, email, messageId, source, SuppressionReason.COMPLAINT, EventType.COMPLAINED);
    }

    /** The address bounced for good: suppressed, and every live enrollment of the prospect ends as BOUNCED. */
    @Transactional
    public int hardBounced(long prospectId, String email, String source) {
        suppressions.suppressAddress(email, SuppressionReason.HARD_BOUNCE, source);
        return progress.endAllOf(prospectId, EnrollmentState.BOUNCED, "hard bounce: " + source);
    }

    /**
     * The prospect replied: their enrollment ends as REPLIED when the sequence stops on reply, and
     * the live enrollments of their colleagues (same account) in the same sequence stop when the
     * sequence says so.
     *
     * @param accountId the prospect's account, or null
     * @return the ids of the enrollments this ended
     */
    @Transactional
    public List<Long> replied(long enrollmentId, long prospectId, Long accountId, long sequenceId, boolean stopOnReply,
            boolean stopAccountOnReply) {
        List<Long> ended = new ArrayList<>();
        if (stopOnReply && progress.end(enrollmentId, EnrollmentState.REPLIED, "the prospect replied")) {
            ended.add(enrollmentId);
        }
        if (stopAccountOnReply && accountId != null) {
            for (long colleague : signals.liveOfAccountInSequence(accountId, sequenceId, prospectId)) {
                if (progress.end(colleague, EnrollmentState.STOPPED, "a colleague at the same account replied")) {
                    ended.add(colleague);
                }
            }
        }
        return ended;
    }

    /**
     * The prospect is away: the enrollment pauses until {@code until}, then resumes by itself
     * ({@link #resumeEndedPauses}). Never a stop, never a suppression.
     */
    @Transactional
    public boolean awayUntil(long enrollmentId, Instant until, String reason) {
        return signals.pauseUntil(enrollmentId, until, reason, clock.instant());
    }

    /** Resumes the enrollments whose out-of-office pause has ended; returns how many. */
    @Transactional
    public int resumeEndedPauses() {
        return signals.resumeEndedPauses(clock.instant());
    }

    private boolean stopContact(long prospectId, String email, Long messageId, String source, SuppressionReason reason,
            EventType type) {
        boolean added = suppressions.suppressAddress(email, reason, source);
        progress.endAllOf(prospectId, EnrollmentState.UNSUBSCRIBED, type.name().toLowerCase() + ": " + source);
        if (added) {
            Map<String, String> data = Map.of("source", source);
            if (messageId != null) {
                events.appendForMessage(type, messageId, clock.instant(), null, data);
            } else {
                events.append(new NewEvent(type, clock.instant(), null, null, null, null, null, prospectId, null, null,
                        null, data));
            }
        }
        return added;
    }
}
