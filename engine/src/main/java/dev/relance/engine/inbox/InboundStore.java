package dev.relance.engine.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

/** The inbound_message table: every message read, with its verdict and effects. */
@Repository
class InboundStore {

    // Unique on the folder position: a poller that read a message, crashed before its checkpoint and
    // reads it again inserts nothing and applies nothing twice.
    private static final String INSERT = """
            INSERT INTO inbound_message (mailbox_id, folder, uid_validity, uid, message_id_header, from_address,
                                         subject, received_at, kind, status, matched_message_id, prospect_id,
                                         enrollment_id, match_method, verdict, effects, raw, created_at)
            VALUES (:mailboxId, :folder, :uidValidity, :uid, :messageIdHeader, :fromAddress, :subject, :receivedAt,
                    :kind, :status, :matchedMessageId, :prospectId, :enrollmentId, :matchMethod,
                    CAST(:verdict AS jsonb), CAST(:effects AS jsonb), :raw, :now)
            ON CONFLICT (mailbox_id, folder, uid_validity, uid) DO NOTHING
            RETURNING id
            """;

    private static final String ALREADY_READ = """
            SELECT EXISTS (SELECT 1 FROM inbound_message
                            WHERE mailbox_id = :mailboxId AND message_id_header = :messageIdHeader
                              AND status <> 'IGNORED')
            """;

    private static final String COLUMNS = """
            SELECT i.id, i.mailbox_id, mb.owner_id AS mailbox_owner_id, i.folder, i.message_id_header, i.from_address,
                   i.subject, i.received_at, i.kind, i.status, i.matched_message_id, i.prospect_id, i.enrollment_id,
                   i.match_method, i.verdict, i.effects, i.created_at
              FROM inbound_message i JOIN mailbox mb ON mb.id = i.mailbox_id
            """;

    private static final String GET = COLUMNS + " WHERE i.id = :id";

    // Newest first; the review list is the UNMATCHED and UNREADABLE ones (a partial index serves it).
    private static final String LIST = COLUMNS + """
             WHERE (CAST(:status AS text) IS NULL OR i.status = :status)
               AND (CAST(:mailboxId AS bigint) IS NULL OR i.mailbox_id = :mailboxId)
               AND (CAST(:ownerId AS bigint) IS NULL OR mb.owner_id = :ownerId)
               AND (CAST(:after AS bigint) IS NULL OR i.id < :after)
             ORDER BY i.id DESC
             LIMIT :limit
            """;

    private static final String RAW = "SELECT raw FROM inbound_message WHERE id = :id";

    private static final String SET_EFFECTS = "UPDATE inbound_message SET effects = CAST(:effects AS jsonb) WHERE id = :id";

    private static final String MARK_REVIEWED = """
            UPDATE inbound_message SET status = 'REVIEWED' WHERE id = :id AND status IN ('UNMATCHED', 'UNREADABLE')
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    InboundStore(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns the new row's id, or empty when this folder position was already recorded. */
    Optional<Long> insert(NewInbound row, Instant now) {
        return jdbc.sql(INSERT).param("mailboxId", row.mailboxId()).param("folder", row.folder())
                .param("uidValidity", row.uidValidity()).param("uid", row.uid())
                .param("messageIdHeader", row.messageIdHeader()).param("fromAddress", row.fromAddress())
                .param("subject", row.subject()).param("receivedAt", Timestamps.of(row.receivedAt()))
                .param("kind", row.kind()).param("status", row.status().name())
                .param("matchedMessageId", row.matchedMessageId()).param("prospectId", row.prospectId())
                .param("enrollmentId", row.enrollmentId()).param("matchMethod", row.matchMethod())
                .param("verdict", json.writeObject(row.verdict())).param("effects", json.writeObject(row.effects()))
                .param("raw", row.raw()).param("now", Timestamps.of(now)).query(Long.class).optional();
    }

    boolean alreadyRead(long mailboxId, String messageIdHeader) {
        return messageIdHeader != null && Boolean.TRUE.equals(jdbc.sql(ALREADY_READ).param("mailboxId", mailboxId)
                .param("messageIdHeader", messageIdHeader).query(Boolean.class).single());
    }

    Optional<InboundMessage> get(long id) {
        return jdbc.sql(GET).param("id", id).query(this::row).optional();
    }

    List<InboundMessage> list(PageRequest page, InboundFilter filter) {
        return jdbc.sql(LIST).param("status", filter.status() == null ? null : filter.status().name())
                .param("mailboxId", filter.mailboxId()).param("ownerId", filter.mailboxOwnerId())
                .param("after", page.beforeId()).param("limit", page.fetchSize()).query(this::row).list();
    }

    Optional<byte[]> raw(long id) {
        return jdbc.sql(RAW).param("id", id).query((rs, row) -> rs.getBytes("raw")).optional();
    }

    void setEffects(long id, List<String> effects) {
        jdbc.sql(SET_EFFECTS).param("id", id).param("effects", json.writeObject(effects)).update();
    }

    boolean markReviewed(long id) {
        return jdbc.sql(MARK_REVIEWED).param("id", id).update() == 1;
    }

    private InboundMessage row(ResultSet rs, int row) throws SQLException {
        return new InboundMessage(rs.getLong("id"), rs.getLong("mailbox_id"),
                rs.getObject("mailbox_owner_id", Long.class), rs.getString("folder"),
                rs.getString("message_id_header"), rs.getString("from_address"), rs.getString("subject"),
                Timestamps.instant(rs, "received_at"), rs.getString("kind"), InboundStatus.valueOf(rs.getString("status")),
                rs.getObject("matched_message_id", Long.class), rs.getObject("prospect_id", Long.class),
                rs.getObject("enrollment_id", Long.class), rs.getString("match_method"), json.read(rs.getString("verdict")),
                json.readStrings(rs.getString("effects")), Timestamps.instant(rs, "created_at"));
    }
}
