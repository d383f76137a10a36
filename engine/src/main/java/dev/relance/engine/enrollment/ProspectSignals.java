package dev.relance.engine.enrollment;

import java.time.Clock;
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
    private final Clock clock;

    ProspectSignals(SuppressionService suppressions, EnrollmentProgress progress, EventLog events, Clock clock) {
        this.suppressions = suppressions;
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
