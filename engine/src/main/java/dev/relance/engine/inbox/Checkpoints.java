package dev.relance.engine.inbox;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** Where the poller of each mailbox folder stands: UIDVALIDITY and the last UID read. */
@Repository
class Checkpoints {

    private static final String FIND = """
            SELECT uid_validity, last_uid FROM inbox_checkpoint WHERE mailbox_id = :mailboxId AND folder = :folder
            """;

    // Never moves back under the same UIDVALIDITY: two pollers racing on a folder cannot undo each other.
    private static final String SAVE = """
            INSERT INTO inbox_checkpoint (mailbox_id, folder, uid_validity, last_uid, updated_at)
            VALUES (:mailboxId, :folder, :uidValidity, :lastUid, :now)
            ON CONFLICT (mailbox_id, folder) DO UPDATE
               SET uid_validity = EXCLUDED.uid_validity,
                   last_uid = CASE WHEN inbox_checkpoint.uid_validity = EXCLUDED.uid_validity
                                   THEN GREATEST(inbox_checkpoint.last_uid, EXCLUDED.last_uid)
                                   ELSE EXCLUDED.last_uid END,
                   updated_at = EXCLUDED.updated_at
            """;

    private final JdbcClient jdbc;

    Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> find(long mailboxId, String folder) {
        return jdbc.sql(FIND).param("mailboxId", mailboxId).param("folder", folder)
                .query((rs, row) -> new Checkpoint(rs.getLong("uid_validity"), rs.getLong("last_uid"))).optional();
    }

    void save(long mailboxId, String folder, long uidValidity, long lastUid, Instant now) {
        jdbc.sql(SAVE).param("mailboxId", mailboxId).param("folder", folder).param("uidValidity", uidValidity)
                .param("lastUid", lastUid).param("now", Timestamps.of(now)).update();
    }

    record Checkpoint(long uidValidity, long lastUid) {
    }
}
