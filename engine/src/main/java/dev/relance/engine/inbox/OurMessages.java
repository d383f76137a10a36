package dev.relance.engine.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the message of ours an inbound message answers, bounces or reports. */
@Repository
class OurMessages {

    private static final String COLUMNS = """
            SELECT m.id, m.message_id_header, m.subject, m.enrollment_id, m.step_id, m.prospect_id, m.mailbox_id,
                   p.email AS prospect_email, p.account_id, p.time_zone AS prospect_zone,
                   e.sequence_id, e.owner_id, s.stop_on_reply, s.stop_account_on_reply, mb.time_zone AS mailbox_zone
              FROM message m
              JOIN enrollment e ON e.id = m.enrollment_id
              JOIN sequence s ON s.id = e.sequence_id
              JOIN prospect p ON p.id = m.prospect_id
              JOIN mailbox mb ON mb.id = m.mailbox_id
            """;

    private static final String BY_MESSAGE_ID_HEADERS = COLUMNS + """
             WHERE m.message_id_header IN (:headers)
            """;

    // The newest messages of a mailbox to an address, for bounces without the original attached and
    // replies whose threading headers a mail client dropped.
    private static final String LATEST_TO_ADDRESS = COLUMNS + """
             WHERE p.email = CAST(:email AS citext) AND m.mailbox_id = :mailboxId
               AND m.state IN ('SENDING', 'SENT', 'UNKNOWN')
             ORDER BY m.id DESC
             LIMIT :limit
            """;

    private static final String OF_STEP = COLUMNS + """
             WHERE m.enrollment_id = :enrollmentId AND m.step_id = :stepId
            """;

    private static final String ANY_WITH_HEADER = """
            SELECT EXISTS (SELECT 1 FROM message WHERE message_id_header = :header)
            """;

    private final JdbcClient jdbc;

    OurMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OurMessage> withHeaders(Collection<String> messageIdHeaders) {
        if (messageIdHeaders.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BY_MESSAGE_ID_HEADERS).param("headers", messageIdHeaders).query(OurMessages::row).list();
    }

    List<OurMessage> latestTo(String email, long mailboxId, int limit) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return jdbc.sql(LATEST_TO_ADDRESS).param("email", email).param("mailboxId", mailboxId).param("limit", limit)
                .query(OurMessages::row).list();
    }

    Optional<OurMessage> latestTo(String email, long mailboxId) {
        return latestTo(email, mailboxId, 1).stream().findFirst();
    }

    Optional<OurMessage> ofStep(long enrollmentId, long stepId) {
        return jdbc.sql(OF_STEP).param("enrollmentId", enrollmentId).param("stepId", stepId).query(OurMessages::row)
                .optional();
    }

    boolean isOurs(String messageIdHeader) {
        return messageIdHeader != null
                && Boolean.TRUE.equals(jdbc.sql(ANY_WITH_HEADER).param("header", messageIdHeader).query(Boolean.class).single());
    }

    private static OurMessage row(ResultSet rs, int row) throws SQLException {
        return new OurMessage(rs.getLong("id"), rs.getString("message_id_header"), rs.getString("subject"),
                rs.getLong("enrollment_id"), rs.getLong("step_id"), rs.getLong("prospect_id"),
                rs.getString("prospect_email"), rs.getObject("account_id", Long.class), rs.getLong("sequence_id"),
                rs.getLong("owner_id"), rs.getLong("mailbox_id"), rs.getBoolean("stop_on_reply"),
                rs.getBoolean("stop_account_on_reply"), rs.getString("prospect_zone"), rs.getString("mailbox_zone"));
    }
}
