package dev.relance.engine.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/**
 * The append-only event log: sends, opens, clicks, replies, bounces, task outcomes... Reports read
 * it; nothing updates or deletes a row.
 */
@Repository
public class EventLog {

    private static final String APPEND = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, mailbox_id, owner_id, machine, data)
            VALUES (:type, :at, :messageId, :enrollmentId, :sequenceId, :stepId, :variantId,
                    :prospectId, :mailboxId, :ownerId, :machine, CAST(:data AS jsonb))
            """;

    // Many facts in one statement, one array per column.
    private static final String APPEND_ALL = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, mailbox_id, owner_id, machine, data)
            SELECT e.type, e.occurred_at, e.message_id, e.enrollment_id, e.sequence_id, e.step_id, e.variant_id,
                   e.prospect_id, e.mailbox_id, e.owner_id, e.machine, CAST(e.data AS jsonb)
              FROM unnest(:types, :ats, :messageIds, :enrollmentIds, :sequenceIds, :stepIds, :variantIds,
                          :prospectIds, :mailboxIds, :ownerIds, :machines, :data)
                   AS e(type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                        prospect_id, mailbox_id, owner_id, machine, data)
            """;

    // A fact about a sent message takes its enrollment, step, variant, prospect, mailbox and owner from it.
    private static final String APPEND_FOR_MESSAGE = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, mailbox_id, owner_id, machine, data)
            SELECT :type, :at, m.id, m.enrollment_id, e.sequence_id, m.step_id, m.variant_id,
                   m.prospect_id, m.mailbox_id, e.owner_id, :machine, CAST(:data AS jsonb)
            FROM message m JOIN enrollment e ON e.id = m.enrollment_id
            WHERE m.id = :messageId
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    EventLog(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(NewEvent event) {
        jdbc.sql(APPEND).param("type", event.type().name()).param("at", Timestamps.of(event.occurredAt()))
                .param("messageId", event.messageId()).param("enrollmentId", event.enrollmentId())
                .param("sequenceId", event.sequenceId()).param("stepId", event.stepId())
                .param("variantId", event.variantId()).param("prospectId", event.prospectId())
                .param("mailboxId", event.mailboxId()).param("ownerId", event.ownerId())
                .param("machine", event.machine()).param("data", json.write(event.data())).update();
    }

    /** Appends many facts in one statement. */
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql(APPEND_ALL).param("types", SqlArrays.texts(events.stream().map(e -> e.type().name()).toList()))
                .param("ats", SqlArrays.timestamps(events.stream().map(NewEvent::occurredAt).toList()))
                .param("messageIds", SqlArrays.bigints(events.stream().map(NewEvent::messageId).toList()))
                .param("enrollmentIds", SqlArrays.bigints(events.stream().map(NewEvent::enrollmentId).toList()))
                .param("sequenceIds", SqlArrays.bigints(events.stream().map(NewEvent::sequenceId).toList()))
                .param("stepIds", SqlArrays.bigints(events.stream().map(NewEvent::stepId).toList()))
                .param("variantIds", SqlArrays.bigints(events.stream().map(NewEvent::variantId).toList()))
                .param("prospectIds", SqlArrays.bigints(events.stream().map(NewEvent::prospectId).toList()))
                .param("mailboxIds", SqlArrays.bigints(events.stream().map(NewEvent::mailboxId).toList()))
                .param("ownerIds", SqlArrays.bigints(events.stream().map(NewEvent::ownerId).toList()))
                .param("machines", SqlArrays.booleans(events.stream().map(NewEvent::machine).toList()))
                .param("data", SqlArrays.texts(events.stream().map(e -> json.write(e.data())).toList())).update();
    }

    /** Appends a fact about one sent message, attributed to its enrollment, step, variant, prospect, mailbox and owner. */
    public void appendForMessage(EventType type, long messageId, Instant at, Boolean machine, Map<String, ?> data) {
        jdbc.sql(APPEND_FOR_MESSAGE).param("type", type.name()).param("at", Timestamps.of(at))
                .param("messageId", messageId).param("machine", machine).param("data", json.write(data)).update();
    }
}
