package dev.relance.engine.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/**
 * The scrubbing statements of an erasure. Rows are kept and emptied of personal fields, so that
 * counts (events, messages, enrollments) stay as they were. {@code :needle} is the lower-cased
 * address: rows that are not linked to the prospect but carry the address (an unmatched bounce, a
 * stored idempotent answer) are found with {@code strpos}, which needs no LIKE escaping.
 */
@Repository
class ErasureRepository {

    private static final String ERASED_AT = """
            SELECT erased_at FROM prospect WHERE id = :prospectId
            """;

    private static final String ANONYMISE_PROSPECT = """
            UPDATE prospect
               SET email = 'erased-' || id || '@erased.invalid', first_name = NULL, last_name = NULL, title = NULL,
                   phone = NULL, linkedin_url = NULL, time_zone = NULL, locale = NULL, country = NULL, city = NULL,
                   custom_fields = '{}'::jsonb, erased_at = :now, updated_at = :now, version = version + 1
             WHERE id = :prospectId AND erased_at IS NULL
            """;

    private static final String SCRUB_ENROLLMENT_REASONS = """
            UPDATE enrollment SET state_reason = 'erased'
             WHERE prospect_id = :prospectId AND state_reason IS DISTINCT FROM 'erased'
            """;

    private static final String SCRUB_MESSAGES = """
            UPDATE message
               SET subject = NULL, body_html = NULL, body_text = NULL, in_reply_to = NULL, references_header = NULL,
                   last_error = NULL
             WHERE prospect_id = :prospectId
               AND (subject IS NOT NULL OR body_html IS NOT NULL OR body_text IS NOT NULL OR in_reply_to IS NOT NULL
                    OR references_header IS NOT NULL OR last_error IS NOT NULL)
            """;

    // Rows stay (counts by type, sequence, step, variant are unchanged); the keys that describe the
    // person go, a clicked URL loses its query string, and any value naming the address goes.
    private static final String SCRUB_EVENTS = """
            UPDATE event e
               SET data = (SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb)
                             FROM (SELECT k.key,
                                          CASE WHEN k.key = 'url' AND jsonb_typeof(k.value) = 'string'
                                               THEN to_jsonb(split_part(k.value #>> '{}', '?', 1))
                                               ELSE k.value END AS value
                                     FROM jsonb_each(e.data) k) d
                            WHERE d.key <> ALL (:personalKeys)
                              AND strpos(lower(d.value::text), :needle) = 0)
             WHERE (e.prospect_id = :prospectId AND e.data <> '{}'::jsonb)
                OR strpos(lower(e.data::text), :needle) > 0
            """;

    private static final String SCRUB_INBOUND = """
            UPDATE inbound_message i
               SET raw = NULL, from_address = NULL, subject = NULL, effects = '[]'::jsonb,
                   verdict = jsonb_build_object('kind', i.verdict -> 'kind', 'erased', true)
             WHERE (i.prospect_id = :prospectId
                    OR i.matched_message_id IN (SELECT id FROM message WHERE prospect_id = :prospectId)
                    OR lower(i.from_address) = :needle
                    OR strpos(lower(i.subject), :needle) > 0
                    OR strpos(lower(i.verdict::text), :needle) > 0
                    OR strpos(lower(i.effects::text), :needle) > 0
                    OR strpos(lower(encode(i.raw, 'escape')), :needle) > 0)
               AND i.verdict -> 'erased' IS NULL
            """;

    private static final String SCRUB_TASKS = """
            UPDATE task
               SET title = 'Erased prospect', note = NULL, outcome = NULL, draft_subject = NULL, draft_body_text = NULL,
                   draft_body_html = NULL
             WHERE (prospect_id = :prospectId
                    OR enrollment_id IN (SELECT id FROM enrollment WHERE prospect_id = :prospectId))
               AND (title <> 'Erased prospect' OR note IS NOT NULL OR outcome IS NOT NULL OR draft_subject IS NOT NULL
                    OR draft_body_text IS NOT NULL OR draft_body_html IS NOT NULL)
            """;

    // The opportunity is the account's deal and stays; only its link to the person goes, and a name
    // that names them.
    private static final String UNLINK_OPPORTUNITIES = """
            UPDATE opportunity
               SET prospect_id = NULL,
                   name = CASE WHEN EXISTS (SELECT 1 FROM unnest(CAST(:names AS text[])) n
                                             WHERE strpos(lower(name), lower(n)) > 0)
                               THEN 'Opportunity ' || id ELSE name END,
                   updated_at = :now, version = version + 1
             WHERE prospect_id = :prospectId
            """;

    // A creating POST's stored answer (see IdempotencyService) may be the prospect itself.
    private static final String DELETE_IDEMPOTENCY_RECORDS = """
            DELETE FROM idempotency_record WHERE strpos(lower(encode(response_body, 'escape')), :needle) > 0
            """;

    private static final String SCRUB_BULK_REPORTS = """
            UPDATE enrollment_job_item SET reason = NULL WHERE prospect_id = :prospectId AND reason IS NOT NULL
            """;

    private static final String SCRUB_SUPPRESSION_SOURCES = """
            UPDATE suppression SET source = NULL WHERE strpos(lower(source), :needle) > 0
            """;

    private static final String INSERT = """
            INSERT INTO erasure (address_hash, prospect_id, erased_by, erased_at, counts)
            VALUES (:hash, :prospectId, :erasedBy, :now, CAST(:counts AS jsonb))
            RETURNING *
            """;

    private static final String LATEST = """
            SELECT * FROM erasure
             WHERE address_hash = :hash OR prospect_id = :prospectId
             ORDER BY id DESC
             LIMIT 1
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM erasure WHERE id = :id
            """;

    /** Keys of event data that describe the person rather than the fact. */
    private static final List<String> PERSONAL_KEYS = List.of("recipient", "userAgent", "ip", "from", "to", "email",
            "address", "diagnostic", "subject", "replyText", "name", "firstName", "lastName", "phone");

    private final JdbcClient jdbc;
    private final JsonColumns json;

    ErasureRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Instant> erasedAt(long prospectId) {
        return jdbc.sql(ERASED_AT).param("prospectId", prospectId)
                .query((rs, n) -> Optional.ofNullable(Timestamps.instant(rs, "erased_at"))).single();
    }

    /**
     * Scrubs every trace of the person and returns the rows changed per kind.
     *
     * @param prospectId the prospect, or null for an address in no prospect
     * @param needle the lower-cased address
     * @param names the person's names, to recognise them in opportunity names
     */
    Map<String, Integer> scrub(Long prospectId, String needle, List<String> names, Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // inbound first: it finds replies through the prospect's messages
        counts.put("inbound", jdbc.sql(SCRUB_INBOUND).param("prospectId", prospectId).param("needle", needle).update());
        counts.put("messages", jdbc.sql(SCRUB_MESSAGES).param("prospectId", prospectId).update());
        counts.put("events", jdbc.sql(SCRUB_EVENTS).param("prospectId", prospectId).param("needle", needle)
                .param("personalKeys", SqlArrays.texts(PERSONAL_KEYS)).update());
        counts.put("tasks", jdbc.sql(SCRUB_TASKS).param("prospectId", prospectId).update());
        counts.put("opportunities", jdbc.sql(UNLINK_OPPORTUNITIES).param("prospectId", prospectId)
                .param("names", SqlArrays.texts(names)).param("now", Timestamps.of(now)).update());
        counts.put("idempotencyRecords", jdbc.sql(DELETE_IDEMPOTENCY_RECORDS).param("needle", needle).update());
        counts.put("bulkReports", jdbc.sql(SCRUB_BULK_REPORTS).param("prospectId", prospectId).update());
        counts.put("suppressionSources", jdbc.sql(SCRUB_SUPPRESSION_SOURCES).param("needle", needle).update());
        counts.put("enrollmentReasons", jdbc.sql(SCRUB_ENROLLMENT_REASONS).param("prospectId", prospectId).update());
        counts.put("prospect", jdbc.sql(ANONYMISE_PROSPECT).param("prospectId", prospectId)
                .param("now", Timestamps.of(now)).update());
        return counts;
    }

    Erasure insert(String hash, Long prospectId, Long erasedBy, Map<String, Integer> counts, Instant now) {
        return jdbc.sql(INSERT).param("hash", hash).param("prospectId", prospectId).param("erasedBy", erasedBy)
                .param("now", Timestamps.of(now)).param("counts", json.write(counts)).query(this::erasure).single();
    }

    Optional<Erasure> latest(String hash, Long prospectId) {
        return jdbc.sql(LATEST).param("hash", hash).param("prospectId", prospectId).query(this::erasure).optional();
    }

    Optional<Erasure> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::erasure).optional();
    }

    private Erasure erasure(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        json.read(rs.getString("counts")).forEach((key, value) -> counts.put(key, ((Number) value).intValue()));
        return new Erasure(rs.getLong("id"), rs.getString("address_hash"), rs.getObject("prospect_id", Long.class),
                rs.getObject("erased_by", Long.class), Timestamps.instant(rs, "erased_at"), counts, false);
    }
}
