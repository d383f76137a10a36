package dev.relance.engine.tracking;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** What the tracking endpoints read: the message of an enrollment step, and recent clicks on it. */
@Repository
class TrackedMessages {

    /** A message that may be opened or clicked, as tracking reads it. */
    record Tracked(long id, long prospectId, String bodyHtml, Instant sentAt) {
    }

    /** Whom an unsubscribe link of an enrollment step speaks for. */
    record Recipient(long prospectId, String email, Long messageId) {
    }

    // SENT, or UNKNOWN (a crash left it unconfirmed): an open or click of it shows it did arrive.
    private static final String DELIVERED = """
            SELECT id, prospect_id, body_html, COALESCE(sent_at, created_at) AS sent_at
              FROM message
             WHERE enrollment_id = :enrollmentId AND step_id = :stepId AND state IN ('SENT', 'UNKNOWN')
            """;

    private static final String RECIPIENT = """
            SELECT e.prospect_id, p.email, m.id AS message_id
              FROM enrollment e
              JOIN prospect p ON p.id = e.prospect_id
              LEFT JOIN message m ON m.enrollment_id = e.id AND m.step_id = :stepId
             WHERE e.id = :enrollmentId
            """;

    // Serialises the clicks of one message, so that a scanner's simultaneous requests see each other.
    private static final String LOCK_CLICKS = """
            SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lockSpace, CAST(:messageId % 2147483647 AS integer))) AS locked
            """;

    private static final String OTHER_LINK_CLICKED = """
            SELECT EXISTS (SELECT 1 FROM event
                            WHERE message_id = :messageId AND type = 'CLICKED'
                              AND occurred_at > :since AND occurred_at <= :at
                              AND data ->> 'link' IS DISTINCT FROM :link)
            """;

    private static final int CLICK_LOCK_SPACE = 0x52_4c_43_4b; // "RLCK"

    private final JdbcClient jdbc;

    TrackedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Tracked> delivered(long enrollmentId, long stepId) {
        return jdbc.sql(DELIVERED).param("enrollmentId", enrollmentId).param("stepId", stepId)
                .query((rs, n) -> new Tracked(rs.getLong("id"), rs.getLong("prospect_id"), rs.getString("body_html"),
                        Timestamps.instant(rs, "sent_at")))
                .optional();
    }

    Optional<Recipient> recipient(long enrollmentId, long stepId) {
        return jdbc.sql(RECIPIENT).param("enrollmentId", enrollmentId).param("stepId", stepId)
                .query((rs, n) -> new Recipient(rs.getLong("prospect_id"), rs.getString("email"),
                        rs.getObject("message_id", Long.class)))
                .optional();
    }

    /** Holds, until the transaction ends, the lock that serialises the clicks of this message. */
    void lockClicks(long messageId) {
        jdbc.sql(LOCK_CLICKS).param("lockSpace", CLICK_LOCK_SPACE).param("messageId", messageId).query(Integer.class)
                .single();
    }

    /** Whether a link of this message other than {@code linkIndex} was clicked in ({@code since}, {@code at}]. */
    boolean otherLinkClicked(long messageId, int linkIndex, Instant since, Instant at) {
        return jdbc.sql(OTHER_LINK_CLICKED).param("messageId", messageId).param("since", Timestamps.of(since))
                .param("at", Timestamps.of(at)).param("link", String.valueOf(linkIndex)).query(Boolean.class).single();
    }
}
