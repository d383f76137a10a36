package dev.relance.engine.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;

/** Appends the facts of dispatch (sent, bounced, finished...) to the event log, for reports. */
@Component
class DispatchEvents {

    private final EventLog log;

    DispatchEvents(EventLog log) {
        this.log = log;
    }

    void append(EventType type, StepContext context, Long messageId, Long variantId, Instant at, Map<String, ?> data) {
        log.append(of(type, context, messageId, variantId, at, data));
    }

    /** Appends many facts in one statement. */
    void appendAll(List<NewEvent> events) {
        log.appendAll(events);
    }

    /** A fact about a step, attributed to its enrollment, sequence, prospect, mailbox and owner. */
    NewEvent of(EventType type, StepContext context, Long messageId, Long variantId, Instant at, Map<String, ?> data) {
        return new NewEvent(type, at, messageId, context.claimed().id(), context.sequence().id(),
                context.step().id(), variantId, context.prospect().id(), context.mailbox().id(),
                context.claimed().ownerId(), null, data);
    }
}
