package dev.relance.engine.dispatch;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.Timestamps;

/** Appends the facts of dispatch (sent, bounced, finished...) to the event log, for reports. */
@Repository
class DispatchEvents {

    private static final String APPEND = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, mailbox_id, owner_id, data)
            VALUES (:type, :at, :messageId, :enrollmentId, :sequenceId, :stepId, :variantId,
                    :prospectId, :mailboxId, :ownerId, CAST(:data AS jsonb))
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    DispatchEvents(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(String type, StepContext context, Long messageId, Long variantId, Instant at, Map<String, ?> data) {
        jdbc.sql(APPEND).param("type", type).param("at", Timestamps.of(at)).param("messageId", messageId)
                .param("enrollmentId", context.claimed().id()).param("sequenceId", context.sequence().id())
                .param("stepId", context.step().id()).param("variantId", variantId)
                .param("prospectId", context.prospect().id()).param("mailboxId", context.mailbox().id())
                .param("ownerId", context.claimed().ownerId()).param("data", json.write(data)).update();
    }
}
