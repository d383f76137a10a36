package dev.relance.engine.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class OpportunityRepository {

    private static final String FIND_BY_ID = """
            SELECT o.*, s.key AS stage_key, s.category AS stage_category, s.position AS stage_position
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE o.id = :id
            """;

    // Moves lock the row: two moves of one opportunity are recorded one after the other.
    private static final String LOCK = """
            SELECT o.*, s.key AS stage_key, s.category AS stage_category, s.position AS stage_position
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE o.id = :id
            FOR UPDATE OF o
            """;

    private static final String LIST = """
            SELECT o.*, s.key AS stage_key, s.category AS stage_category, s.position AS stage_position
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE (CAST(:beforeId AS bigint) IS NULL OR o.id < :beforeId)
              AND (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
              AND (CAST(:accountId AS bigint) IS NULL OR o.account_id = :accountId)
              AND (CAST(:prospectId AS bigint) IS NULL OR o.prospect_id = :prospectId)
              AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId)
              AND (CAST(:stage AS text) IS NULL OR s.key = :stage)
              AND (CAST(:open AS boolean) IS NULL OR (s.category = 'OPEN') = :open)
            ORDER BY o.id DESC
            LIMIT :limit
            """;

    // The open opportunity a qualified reply advances: the account's (or, without an account, the
    // prospect's own), the most advanced first. Callers hold the key's advisory lock.
    private static final String OPEN_FOR = """
            SELECT o.*, s.key AS stage_key, s.category AS stage_category, s.position AS stage_position
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category = 'OPEN'
              AND ((CAST(:accountId AS bigint) IS NOT NULL AND o.account_id = :accountId)
                   OR (CAST(:accountId AS bigint) IS NULL AND o.account_id IS NULL AND o.prospect_id = :prospectId))
            ORDER BY s.position DESC, o.id DESC
            LIMIT 1
            FOR UPDATE OF o
            """;

    // Serialises "find the open opportunity or create one" per account (or per prospect without one),
    // so that two interested replies at once never make two opportunities. Released at commit.
    private static final String LOCK_KEY = """
            SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))
            """;

    // The pipeline rollups' lock (the V16 migration), which their triggers take before changing a
    // rollup row. Every change of opportunities takes it first, before any row lock: a transaction that
    // holds it never waits for an opportunity that a transaction waiting for it has locked.
    private static final String LOCK_ROLLUPS = """
            SELECT pg_advisory_xact_lock(hashtextextended('pipeline-rollups', 0))
            """;

    // The reply's opportunity: the one it created, else the latest it moved.
    private static final String OF_REPLY = """
            SELECT o.*, s.key AS stage_key, s.category AS stage_category, s.position AS stage_position
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE o.source_message_id = :messageId
               OR o.id IN (SELECT opportunity_id FROM stage_transition WHERE message_id = :messageId)
            ORDER BY (o.source_message_id = :messageId) DESC, o.id DESC
            LIMIT 1
            FOR UPDATE OF o
            """;

    // Attribution of an answered message: its sequence, step, variant, mailbox and enrollment owner,
    // and the name an opportunity gets (the account's, else the prospect's address).
    private static final String ATTRIBUTION_OF_MESSAGE = """
            SELECT m.id AS message_id, p.id AS prospect_id, p.account_id, e.sequence_id, m.step_id, m.variant_id,
                   m.mailbox_id, e.owner_id, COALESCE(a.name, p.email) AS name
            FROM message m
            JOIN enrollment e ON e.id = m.enrollment_id
            JOIN prospect p ON p.id = m.prospect_id
            LEFT JOIN account a ON a.id = p.account_id
            WHERE m.id = :messageId
            """;

    private static final String ATTRIBUTION_OF_PROSPECT = """
            SELECT NULL AS message_id, p.id AS prospect_id, p.account_id, NULL AS sequence_id, NULL AS step_id,
                   NULL AS variant_id, NULL AS mailbox_id, p.owner_id, COALESCE(a.name, p.email) AS name
            FROM prospect p LEFT JOIN account a ON a.id = p.account_id
            WHERE p.id = :prospectId
            """;

    private static final String ACCOUNT_OF_PROSPECT = """
            SELECT account_id FROM prospect WHERE id = :prospectId
            """;

    private static final String INSERT = """
            INSERT INTO opportunity (account_id, prospect_id, stage_id, name, amount, currency, expected_close_date,
                                     owner_id, demand_unit, source_sequence_id, source_step_id, source_variant_id,
                                     source_mailbox_id, source_owner_id, source_message_id, created_at, updated_at,
                                     closed_at, first_touch_at)
            VALUES (:accountId, :prospectId, :stageId, :name, :amount, :currency, :expectedCloseDate, :ownerId,
                    :demandUnit, :sequenceId, :stepId, :variantId, :mailboxId, :sourceOwnerId, :messageId, :now, :now,
                    :closedAt,
                    CASE WHEN CAST(:closedAt AS timestamptz) IS NOT NULL THEN
                        (SELECT min(ev.occurred_at) FROM event ev
                          WHERE ev.type = 'SENT' AND ev.occurred_at <= :closedAt
                            AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                    WHERE p.id = :prospectId OR p.account_id = :accountId)) END)
            RETURNING id
            """;

    private static final String REPLACE = """
            UPDATE opportunity
               SET account_id = :accountId, prospect_id = :prospectId, name = :name, amount = :amount,
                   currency = :currency, expected_close_date = :expectedCloseDate, owner_id = :ownerId,
                   demand_unit = :demandUnit, source_sequence_id = :sequenceId, source_step_id = :stepId,
                   source_variant_id = :variantId, source_mailbox_id = :mailboxId, source_owner_id = :sourceOwnerId,
                   updated_at = :now, version = version + 1,
                   first_touch_at = CASE WHEN closed_at IS NOT NULL THEN
                       (SELECT min(ev.occurred_at) FROM event ev
                         WHERE ev.type = 'SENT' AND ev.occurred_at <= opportunity.closed_at
                           AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                   WHERE p.id = :prospectId OR p.account_id = :accountId)) END
             WHERE id = :id
            """;

    // Closing notes the first touch (the sales cycle's start, see MetricsRepository); reopening clears it.
    private static final String SET_STAGE = """
            UPDATE opportunity SET stage_id = :stageId, closed_at = :closedAt, updated_at = :now, version = version + 1,
                   first_touch_at = CASE WHEN CAST(:closedAt AS timestamptz) IS NOT NULL THEN
                       (SELECT min(ev.occurred_at) FROM event ev
                         WHERE ev.type = 'SENT' AND ev.occurred_at <= :closedAt
                           AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                   WHERE p.id = opportunity.prospect_id
                                                      OR p.account_id = opportunity.account_id)) END
             WHERE id = :id
            """;

    private final JdbcClient jdbc;

    OpportunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An opportunity with the position of its stage, for "never move backwards". */
    record Current(Opportunity opportunity, int position) {
    }

    /** Who and what an answered message (or a prospect alone) credits. */
    record Attribution(Long messageId, long prospectId, Long accountId, Long sequenceId, Long stepId, Long variantId,
            Long mailboxId, Long ownerId, String name) {
        OpportunitySource source() {
            return new OpportunitySource(sequenceId, stepId, variantId, mailboxId, ownerId, messageId);
        }
    }

    Optional<Opportunity> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query((rs, row) -> opportunity(rs)).optional();
    }

    Optional<Current> lock(long id) {
        return jdbc.sql(LOCK).param("id", id).query((rs, row) -> current(rs)).optional();
    }

    List<Opportunity> list(PageRequest page, OpportunityFilter filter) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("ownerId", filter.ownerId())
                .param("accountId", filter.accountId()).param("prospectId", filter.prospectId())
                .param("sequenceId", filter.sourceSequenceId()).param("stage", filter.stage())
                .param("open", filter.open()).param("limit", page.fetchSize())
                .query((rs, row) -> opportunity(rs)).list();
    }

    void lockKey(Long accountId, long prospectId) {
        String key = accountId != null ? "opportunity:account:" + accountId : "opportunity:prospect:" + prospectId;
        jdbc.sql(LOCK_KEY).param("key", key).query((rs, row) -> 1).list();
    }

    void lockRollups() {
        jdbc.sql(LOCK_ROLLUPS).query((rs, row) -> 1).list();
    }

    Optional<Current> openFor(Long accountId, long prospectId) {
        return jdbc.sql(OPEN_FOR).param("accountId", accountId).param("prospectId", prospectId)
                .query((rs, row) -> current(rs)).optional();
    }

    Optional<Current> ofReply(long messageId) {
        return jdbc.sql(OF_REPLY).param("messageId", messageId).query((rs, row) -> current(rs)).optional();
    }

    Optional<Attribution> attributionOfMessage(long messageId) {
        return jdbc.sql(ATTRIBUTION_OF_MESSAGE).param("messageId", messageId).query((rs, row) -> attribution(rs))
                .optional();
    }

    Optional<Attribution> attributionOfProspect(long prospectId) {
        return jdbc.sql(ATTRIBUTION_OF_PROSPECT).param("prospectId", prospectId).query((rs, row) -> attribution(rs))
                .optional();
    }

    Optional<Long> accountOfProspect(long prospectId) {
        return jdbc.sql(ACCOUNT_OF_PROSPECT).param("prospectId", prospectId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("account_id", Long.class))).optional()
                .flatMap(account -> account);
    }

    long insert(String name, Long accountId, Long prospectId, Stage stage, Money money, LocalDate expectedCloseDate,
            Long ownerId, String demandUnit, OpportunitySource source, Instant now) {
        return jdbc.sql(INSERT).param("accountId", accountId).param("prospectId", prospectId)
                .param("stageId", stage.id()).param("name", name).param("amount", money == null ? null : money.amount())
                .param("currency", money == null ? null : money.currency())
                .param("expectedCloseDate", expectedCloseDate).param("ownerId", ownerId)
                .param("demandUnit", demandUnit).param("sequenceId", source.sequenceId())
                .param("stepId", source.stepId()).param("variantId", source.variantId())
                .param("mailboxId", source.mailboxId()).param("sourceOwnerId", source.ownerId())
                .param("messageId", source.messageId()).param("now", Timestamps.of(now))
                .param("closedAt", stage.category().closes() ? Timestamps.of(now) : null)
                .query(Long.class).single();
    }

    void replace(long id, String name, Long accountId, Long prospectId, Money money, LocalDate expectedCloseDate,
            Long ownerId, String demandUnit, OpportunitySource source, Instant now) {
        jdbc.sql(REPLACE).param("id", id).param("accountId", accountId).param("prospectId", prospectId)
                .param("name", name).param("amount", money == null ? null : money.amount())
                .param("currency", money == null ? null : money.currency())
                .param("expectedCloseDate", expectedCloseDate).param("ownerId", ownerId)
                .param("demandUnit", demandUnit).param("sequenceId", source.sequenceId())
                .param("stepId", source.stepId()).param("variantId", source.variantId())
                .param("mailboxId", source.mailboxId()).param("sourceOwnerId", source.ownerId())
                .param("now", Timestamps.of(now)).update();
    }

    void setStage(long id, Stage stage, Instant now) {
        jdbc.sql(SET_STAGE).param("id", id).param("stageId", stage.id())
                .param("closedAt", stage.category().closes() ? Timestamps.of(now) : null)
                .param("now", Timestamps.of(now)).update();
    }

    private static Current current(ResultSet rs) throws SQLException {
        return new Current(opportunity(rs), rs.getInt("stage_position"));
    }

    private static Attribution attribution(ResultSet rs) throws SQLException {
        return new Attribution(rs.getObject("message_id", Long.class), rs.getLong("prospect_id"),
                rs.getObject("account_id", Long.class), rs.getObject("sequence_id", Long.class),
                rs.getObject("step_id", Long.class), rs.getObject("variant_id", Long.class),
                rs.getObject("mailbox_id", Long.class), rs.getObject("owner_id", Long.class), rs.getString("name"));
    }

    private static Opportunity opportunity(ResultSet rs) throws SQLException {
        return new Opportunity(rs.getLong("id"), rs.getString("name"), rs.getObject("account_id", Long.class),
                rs.getObject("prospect_id", Long.class), rs.getLong("stage_id"), rs.getString("stage_key"),
                StageCategory.valueOf(rs.getString("stage_category")), Money.format(rs.getBigDecimal("amount")),
                rs.getString("currency"), rs.getObject("expected_close_date", LocalDate.class),
                rs.getObject("owner_id", Long.class), rs.getString("demand_unit"),
                new OpportunitySource(rs.getObject("source_sequence_id", Long.class),
                        rs.getObject("source_step_id", Long.class), rs.getObject("source_variant_id", Long.class),
                        rs.getObject("source_mailbox_id", Long.class), rs.getObject("source_owner_id", Long.class),
                        rs.getObject("source_message_id", Long.class)),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"),
                Timestamps.instant(rs, "closed_at"));
    }
}
