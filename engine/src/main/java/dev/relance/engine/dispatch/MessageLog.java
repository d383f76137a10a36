package dev.relance.engine.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/** The message rows: one per enrollment step, written SENDING before the SMTP transaction starts. */
@Repository
class MessageLog {

    private static final String FOR_STEPS = """
            SELECT m.* FROM message m
              JOIN unnest(:enrollmentIds, :stepIds) AS s(enrollment_id, step_id)
                ON s.enrollment_id = m.enrollment_id AND s.step_id = m.step_id
            """;

    // A chunk's messages in one statement, one array per column.
    private static final String INSERT_ALL_SENDING = """
            INSERT INTO message (enrollment_id, step_id, variant_id, template_version_id, mailbox_id, prospect_id,
                                 message_id_header, in_reply_to, references_header, subject, body_html, body_text,
                                 state, attempts, thread_root_id, created_at, updated_at)
            SELECT n.enrollment_id, n.step_id, n.variant_id, n.template_version_id, n.mailbox_id, n.prospect_id,
                   n.message_id_header, n.in_reply_to, n.references_header, n.subject, n.body_html, n.body_text,
                   'SENDING', 1, n.thread_root_id, :now, :now
              FROM unnest(:enrollmentIds, :stepIds, :variantIds, :templateVersionIds, :mailboxIds, :prospectIds,
                          :messageIdHeaders, :inReplyTos, :references, :subjects, :bodyHtmls, :bodyTexts, :threadRootIds)
                   AS n(enrollment_id, step_id, variant_id, template_version_id, mailbox_id, prospect_id,
                        message_id_header, in_reply_to, references_header, subject, body_html, body_text, thread_root_id)
            RETURNING *
            """;

    // A retry keeps its Message-ID: if an earlier attempt did arrive, mail clients see one message.
    // UNKNOWN is only retried when a person resumed the enrollment knowingly: flagged as a possible
    // duplicate. FAILED (too many temporary failures) starts a new series of attempts.
    private static final String RETRY_AS_SENDING = """
            UPDATE message
               SET possible_duplicate = possible_duplicate OR state = 'UNKNOWN',
                   attempts = CASE WHEN state = 'FAILED' THEN 1 ELSE attempts + 1 END,
                   state = 'SENDING', updated_at = :now, version = version + 1
             WHERE id = :id AND state IN ('RETRY', 'UNKNOWN', 'FAILED')
            RETURNING *
            """;

    private static final String MARK = """
            UPDATE message SET state = :state, last_error = :error, next_attempt_at = :nextAttemptAt,
                               sent_at = :sentAt, updated_at = :now, version = version + 1
             WHERE id = :id AND state = 'SENDING'
            """;

    // MARK to SENT for many messages, each with the instant the server accepted it.
    private static final String MARK_ALL_SENT = """
            UPDATE message m SET state = 'SENT', last_error = NULL, next_attempt_at = NULL, sent_at = s.sent_at,
                                 updated_at = s.sent_at, version = m.version + 1
              FROM unnest(:ids, :sentAts) AS s(id, sent_at)
             WHERE m.id = s.id AND m.state = 'SENDING'
            """;

    private static final String MARK_POSSIBLE_DUPLICATE = """
            UPDATE message SET possible_duplicate = true, state = 'RETRY', updated_at = :now, version = version + 1
             WHERE id = :id AND state = 'SENDING'
            """;

    // The emails of an enrollment's current thread, oldest first: the follow-up answers the last one
    // and references them all.
    private static final String THREAD = """
            SELECT * FROM message
             WHERE enrollment_id = :enrollmentId AND state = 'SENT'
               AND COALESCE(thread_root_id, id) = (SELECT COALESCE(thread_root_id, id) FROM message
                                                    WHERE enrollment_id = :enrollmentId AND state = 'SENT'
                                                    ORDER BY sent_at DESC, id DESC LIMIT 1)
             ORDER BY sent_at, id
            """;


    // For each (prospect, enrollment) pair: the last attempt to the prospect from its other enrollments.
    private static final String LAST_TO_PROSPECTS_FROM_OTHERS = """
            SELECT c.prospect_id, max(m.created_at) AS last
              FROM unnest(:prospectIds, :enrollmentIds) AS c(prospect_id, enrollment_id)
              JOIN message m ON m.prospect_id = c.prospect_id AND m.enrollment_id <> c.enrollment_id
             WHERE m.state IN ('SENDING', 'SENT', 'UNKNOWN') AND m.created_at > :since
             GROUP BY c.prospect_id
            """;

    private static final String STALE_SENDING = """
            SELECT * FROM message WHERE state = 'SENDING' AND updated_at < :before ORDER BY id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The messages already recorded for these (enrollment, step) pairs, by enrollment id. */
    Map<Long, MessageRecord> forSteps(List<Long> enrollmentIds, List<Long> stepIds) {
        if (enrollmentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(FOR_STEPS).param("enrollmentIds", SqlArrays.bigints(enrollmentIds))
                .param("stepIds", SqlArrays.bigints(stepIds)).query(MessageLog::record).list().stream()
                .collect(Collectors.toMap(MessageRecord::enrollmentId, m -> m));
    }

    /** Records a chunk's messages as SENDING; the answer is in no particular order. */
    List<MessageRecord> insertAllSending(List<NewMessage> all, Instant now) {
        if (all.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(INSERT_ALL_SENDING)
                .param("enrollmentIds", SqlArrays.bigints(all.stream().map(NewMessage::enrollmentId).toList()))
                .param("stepIds", SqlArrays.bigints(all.stream().map(NewMessage::stepId).toList()))
                .param("variantIds", SqlArrays.bigints(all.stream().map(NewMessage::variantId).toList()))
                .param("templateVersionIds", SqlArrays.bigints(all.stream().map(NewMessage::templateVersionId).toList()))
                .param("mailboxIds", SqlArrays.bigints(all.stream().map(NewMessage::mailboxId).toList()))
                .param("prospectIds", SqlArrays.bigints(all.stream().map(NewMessage::prospectId).toList()))
                .param("messageIdHeaders", SqlArrays.texts(all.stream().map(NewMessage::messageIdHeader).toList()))
                .param("inReplyTos", SqlArrays.texts(all.stream().map(NewMessage::inReplyTo).toList()))
                .param("references", SqlArrays.texts(all.stream().map(NewMessage::references).toList()))
                .param("subjects", SqlArrays.texts(all.stream().map(NewMessage::subject).toList()))
                .param("bodyHtmls", SqlArrays.texts(all.stream().map(NewMessage::bodyHtml).toList()))
                .param("bodyTexts", SqlArrays.texts(all.stream().map(NewMessage::bodyText).toList()))
                .param("threadRootIds", SqlArrays.bigints(all.stream().map(NewMessage::threadRootId).toList()))
                .param("now", Timestamps.of(now)).query(MessageLog::record).list();
    }

    Optional<MessageRecord> retryAsSending(long id, Instant now) {
        return jdbc.sql(RETRY_AS_SENDING).param("id", id).param("now", Timestamps.of(now)).query(MessageLog::record)
                .optional();
    }

    /** Marks SENT every message still SENDING among {@code sentAt}'s keys, each at its own instant. */
    int markAllSent(Map<Long, Instant> sentAt) {
        if (sentAt.isEmpty()) {
            return 0;
        }
        List<Long> ids = List.copyOf(sentAt.keySet());
        return jdbc.sql(MARK_ALL_SENT).param("ids", SqlArrays.bigints(ids))
                .param("sentAts", SqlArrays.timestamps(ids.stream().map(sentAt::get).toList())).update();
    }

    boolean markRetry(long id, String error, Instant nextAttemptAt, Instant now) {
        return mark(id, "RETRY", error, nextAttemptAt, null, now);
    }

    boolean markFailed(long id, String error, Instant now) {
        return mark(id, "FAILED", error, null, null, now);
    }

    boolean markUnknown(long id, String error, Instant now) {
        return mark(id, "UNKNOWN", error, null, null, now);
    }

    boolean markPossibleDuplicate(long id, Instant now) {
        return jdbc.sql(MARK_POSSIBLE_DUPLICATE).param("id", id).param("now", Timestamps.of(now)).update() == 1;
    }

    List<MessageRecord> thread(long enrollmentId) {
        return jdbc.sql(THREAD).param("enrollmentId", enrollmentId).query(MessageLog::record).list();
    }


    /** The last attempt to each prospect from another enrollment than its pair's, since {@code since}. */
    Map<Long, Instant> lastToProspectsFromOthers(List<Long> prospectIds, List<Long> enrollmentIds, Instant since) {
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql(LAST_TO_PROSPECTS_FROM_OTHERS).param("prospectIds", SqlArrays.bigints(prospectIds))
                .param("enrollmentIds", SqlArrays.bigints(enrollmentIds)).param("since", Timestamps.of(since))
                .query((rs, row) -> last.put(rs.getLong("prospect_id"), Timestamps.instant(rs, "last"))).list();
        return last;
    }

    List<MessageRecord> staleSending(Instant before, int limit) {
        return jdbc.sql(STALE_SENDING).param("before", Timestamps.of(before)).param("limit", limit)
                .query(MessageLog::record).list();
    }

    private boolean mark(long id, String state, String error, Instant nextAttemptAt, Instant sentAt, Instant now) {
        return jdbc.sql(MARK).param("id", id).param("state", state).param("error", error)
                .param("nextAttemptAt", Timestamps.of(nextAttemptAt)).param("sentAt", Timestamps.of(sentAt))
                .param("now", Timestamps.of(now)).update() == 1;
    }

    private static MessageRecord record(ResultSet rs, int row) throws SQLException {
        return new MessageRecord(rs.getLong("id"), rs.getLong("enrollment_id"), rs.getLong("step_id"),
                rs.getObject("variant_id", Long.class), rs.getLong("mailbox_id"), rs.getLong("prospect_id"), rs.getString("message_id_header"),
                rs.getString("in_reply_to"), rs.getString("references_header"), rs.getString("subject"),
                rs.getString("body_html"), rs.getString("body_text"), rs.getString("state"), rs.getInt("attempts"),
                rs.getObject("thread_root_id", Long.class), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
