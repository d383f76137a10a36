package dev.relance.engine.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** The message rows: one per enrollment step, written SENDING before the SMTP transaction starts. */
@Repository
class MessageLog {

    private static final String FOR_STEP = """
            SELECT * FROM message WHERE enrollment_id = :enrollmentId AND step_id = :stepId
            """;

    private static final String INSERT_SENDING = """
            INSERT INTO message (enrollment_id, step_id, variant_id, template_version_id, mailbox_id, prospect_id,
                                 message_id_header, in_reply_to, references_header, subject, body_html, body_text,
                                 state, attempts, thread_root_id, created_at, updated_at)
            VALUES (:enrollmentId, :stepId, :variantId, :templateVersionId, :mailboxId, :prospectId,
                    :messageIdHeader, :inReplyTo, :references, :subject, :bodyHtml, :bodyText,
                    'SENDING', 1, :threadRootId, :now, :now)
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


    private static final String LAST_TO_PROSPECT_FROM_OTHERS = """
            SELECT max(created_at) FROM message
             WHERE prospect_id = :prospectId AND enrollment_id <> :enrollmentId
               AND state IN ('SENDING', 'SENT', 'UNKNOWN') AND created_at > :since
            """;

    private static final String STALE_SENDING = """
            SELECT * FROM message WHERE state = 'SENDING' AND updated_at < :before ORDER BY id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageRecord> forStep(long enrollmentId, long stepId) {
        return jdbc.sql(FOR_STEP).param("enrollmentId", enrollmentId).param("stepId", stepId).query(MessageLog::record)
                .optional();
    }

    MessageRecord insertSending(NewMessage m, Instant now) {
        return jdbc.sql(INSERT_SENDING).param("enrollmentId", m.enrollmentId()).param("stepId", m.stepId())
                .param("variantId", m.variantId()).param("templateVersionId", m.templateVersionId())
                .param("mailboxId", m.mailboxId()).param("prospectId", m.prospectId())
                .param("messageIdHeader", m.messageIdHeader()).param("inReplyTo", m.inReplyTo())
                .param("references", m.references()).param("subject", m.subject()).param("bodyHtml", m.bodyHtml())
                .param("bodyText", m.bodyText()).param("threadRootId", m.threadRootId()).param("now", Timestamps.of(now))
                .query(MessageLog::record).single();
    }

    Optional<MessageRecord> retryAsSending(long id, Instant now) {
        return jdbc.sql(RETRY_AS_SENDING).param("id", id).param("now", Timestamps.of(now)).query(MessageLog::record)
                .optional();
    }

    boolean markSent(long id, Instant now) {
        return mark(id, "SENT", null, null, now, now);
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


    Optional<Instant> lastToProspectFromOthers(long prospectId, long enrollmentId, Instant since) {
        return jdbc.sql(LAST_TO_PROSPECT_FROM_OTHERS).param("prospectId", prospectId).param("enrollmentId", enrollmentId)
                .param("since", Timestamps.of(since)).query((rs, row) -> Timestamps.instant(rs, "max")).optional()
                .filter(java.util.Objects::nonNull);
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
