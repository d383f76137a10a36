package dev.relance.engine.enrollment.bulk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.enrollment.ChunkEnrollment;
import dev.relance.engine.enrollment.ChunkEnrollment.Outcome;
import dev.relance.engine.prospect.ProspectCriteria;
import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/** The enrollment_job and enrollment_job_item tables. */
@Repository
class EnrollmentJobRepository {

    private static final String INSERT = """
            INSERT INTO enrollment_job (sequence_id, mailbox_id, mailbox_pool, owner_id, own_prospects_only, source,
                                        created_by, created_at)
            VALUES (:sequenceId, :mailboxId, :mailboxPool, :ownerId, :ownProspectsOnly, CAST(:source AS jsonb),
                    :createdBy, :now)
            RETURNING id
            """;

    private static final String FIND = """
            SELECT * FROM enrollment_job WHERE id = :id
            """;

    private static final String COUNT_SELECTED = """
            UPDATE enrollment_job
               SET selected = (SELECT count(*) FROM enrollment_job_item WHERE job_id = :jobId)
             WHERE id = :jobId
            """;

    // Last statement of a chunk's transaction: the job's row stays locked only until the commit, so
    // that partitions hardly wait on each other.
    private static final String COUNT_OUTCOMES = """
            UPDATE enrollment_job SET enrolled = enrolled + :enrolled, skipped = skipped + :skipped WHERE id = :jobId
            """;

    private static final String SELECT_BY_FILTER = """
            INSERT INTO enrollment_job_item (job_id, prospect_id)
            SELECT :jobId, p.id FROM prospect p
             WHERE p.erased_at IS NULL
               AND (CAST(:ownerId AS bigint) IS NULL OR p.owner_id = :ownerId)
               AND (CAST(:accountId AS bigint) IS NULL OR p.account_id = :accountId)
               AND (CAST(:customField AS text) IS NULL OR p.custom_fields ->> CAST(:customField AS text) = :customValue)
               AND (CAST(:createdFrom AS timestamptz) IS NULL OR p.created_at >= :createdFrom)
               AND (CAST(:createdTo AS timestamptz) IS NULL OR p.created_at < :createdTo)
            ON CONFLICT DO NOTHING
            """;

    private static final String SELECT_BY_IMPORT = """
            INSERT INTO enrollment_job_item (job_id, prospect_id)
            SELECT :jobId, m.prospect_id
              FROM prospect_import_member m JOIN prospect p ON p.id = m.prospect_id
             WHERE m.import_id = :importId AND p.erased_at IS NULL
            ON CONFLICT DO NOTHING
            """;

    private static final String SELECT_BY_LIST = """
            INSERT INTO enrollment_job_item (job_id, prospect_id)
            SELECT :jobId, x FROM unnest(:prospectIds) AS x
            ON CONFLICT DO NOTHING
            """;

    // The reader's page: prospects whose outcome is not recorded yet. A restarted job thus takes
    // exactly the prospects of the chunks that did not commit.
    private static final String PENDING = """
            SELECT prospect_id FROM enrollment_job_item
             WHERE job_id = :jobId AND outcome IS NULL AND prospect_id > :after AND prospect_id <= :upTo
             ORDER BY prospect_id
             LIMIT :limit
            """;

    private static final String PARTITION_BOUNDS = """
            SELECT percentile_disc(CAST(:fractions AS float8[])) WITHIN GROUP (ORDER BY prospect_id)
              FROM enrollment_job_item WHERE job_id = :jobId
            """;

    private static final String RECORD = """
            UPDATE enrollment_job_item i
               SET outcome = o.outcome, code = o.code, reason = o.reason, enrollment_id = o.enrollment_id
              FROM unnest(:prospectIds, :outcomes, :codes, :reasons, :enrollmentIds)
                   AS o(prospect_id, outcome, code, reason, enrollment_id)
             WHERE i.job_id = :jobId AND i.prospect_id = o.prospect_id
            """;

    private static final String SKIPPED = """
            SELECT i.prospect_id, p.email, i.code, i.reason
              FROM enrollment_job_item i LEFT JOIN prospect p ON p.id = i.prospect_id
             WHERE i.job_id = :jobId AND i.outcome = 'SKIPPED'
             ORDER BY i.prospect_id
            """;

    // Takes the job for one process to run: a job not running, or running but silent since
    // :staleBefore. Of two instances (or a user and the recovery job) asking at once, one update wins.
    private static final String CLAIM = """
            UPDATE enrollment_job SET run_state = 'RUNNING', heartbeat_at = :now
             WHERE id = :id AND (run_state <> 'RUNNING' OR COALESCE(heartbeat_at, created_at) < :staleBefore)
            RETURNING id
            """;

    // At a clean shutdown, the jobs this process was running: resumable at once by any instance.
    private static final String RELEASE = """
            UPDATE enrollment_job SET run_state = 'RUNNING', heartbeat_at = '-infinity' WHERE id = ANY(:ids)
            """;

    private static final String MARK_ENDED = """
            UPDATE enrollment_job SET run_state = 'ENDED', heartbeat_at = :now WHERE id = :id
            """;

    private static final String BEAT = """
            UPDATE enrollment_job SET heartbeat_at = :now WHERE id = ANY(:ids) AND run_state = 'RUNNING'
            """;

    // Queued (accepted but never started) or running, and silent since :before: its process died.
    private static final String ABANDONED = """
            SELECT id FROM enrollment_job
             WHERE run_state <> 'ENDED' AND COALESCE(heartbeat_at, created_at) < :before
             ORDER BY id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    EnrollmentJobRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(ChunkEnrollment target, EnrollmentSource source, Instant now) {
        return jdbc.sql(INSERT).param("sequenceId", target.sequenceId()).param("mailboxId", target.mailboxId())
                .param("mailboxPool", SqlArrays.bigints(target.mailboxPool())).param("ownerId", target.ownerId())
                .param("ownProspectsOnly", target.ownProspectsOnly()).param("source", json.write(write(source)))
                .param("createdBy", target.createdBy()).param("now", Timestamps.of(now)).query(Long.class).single();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(this::stored).optional();
    }

    /** Takes the job's selection once, and counts it. */
    void select(long jobId, EnrollmentSource source) {
        switch (source) {
            case EnrollmentSource.ByFilter(ProspectCriteria f) -> jdbc.sql(SELECT_BY_FILTER).param("jobId", jobId)
                    .param("ownerId", f.ownerId()).param("accountId", f.accountId())
                    .param("customField", f.customField()).param("customValue", f.customValue())
                    .param("createdFrom", Timestamps.of(f.createdFrom())).param("createdTo", Timestamps.of(f.createdTo()))
                    .update();
            case EnrollmentSource.ByImport i -> jdbc.sql(SELECT_BY_IMPORT).param("jobId", jobId)
                    .param("importId", i.importId()).update();
            case EnrollmentSource.ByList l -> jdbc.sql(SELECT_BY_LIST).param("jobId", jobId)
                    .param("prospectIds", SqlArrays.bigints(l.prospectIds())).update();
        }
        jdbc.sql(COUNT_SELECTED).param("jobId", jobId).update();
    }

    List<Long> pending(long jobId, long after, long upTo, int limit) {
        return jdbc.sql(PENDING).param("jobId", jobId).param("after", after).param("upTo", upTo).param("limit", limit)
                .query(Long.class).list();
    }

    /** The prospect ids that cut the job's selection into {@code parts} ranges of about as many prospects. */
    List<Long> partitionBounds(long jobId, int parts) {
        if (parts < 2) {
            return List.of();
        }
        List<Double> fractions = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            fractions.add((double) i / parts);
        }
        Long[] bounds = jdbc.sql(PARTITION_BOUNDS).param("jobId", jobId)
                .param("fractions", SqlArrays.doubles(fractions)).query((rs, n) -> {
                    Array array = rs.getArray(1);
                    return array == null ? null : (Long[]) array.getArray();
                }).single();
        if (bounds == null) {
            return Collections.nCopies(parts - 1, Long.MAX_VALUE);
        }
        return Arrays.stream(bounds).map(b -> b == null ? Long.MAX_VALUE : b).toList();
    }

    void record(long jobId, List<Outcome> outcomes) {
        jdbc.sql(RECORD).param("jobId", jobId)
                .param("prospectIds", SqlArrays.bigints(outcomes.stream().map(Outcome::prospectId).toList()))
                .param("outcomes", SqlArrays.texts(outcomes.stream().map(o -> o.enrolled() ? "ENROLLED" : "SKIPPED").toList()))
                .param("codes", SqlArrays.texts(outcomes.stream().map(Outcome::code).toList()))
                .param("reasons", SqlArrays.texts(outcomes.stream().map(Outcome::reason).toList()))
                .param("enrollmentIds", SqlArrays.bigints(outcomes.stream().map(Outcome::enrollmentId).toList()))
                .update();
        long enrolled = outcomes.stream().filter(Outcome::enrolled).count();
        jdbc.sql(COUNT_OUTCOMES).param("jobId", jobId).param("enrolled", enrolled)
                .param("skipped", outcomes.size() - enrolled).update();
    }

    List<SkippedProspect> skipped(long jobId) {
        return jdbc.sql(SKIPPED).param("jobId", jobId).query((rs, n) -> new SkippedProspect(rs.getLong("prospect_id"),
                rs.getString("email"), rs.getString("code"), rs.getString("reason"))).list();
    }

    boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql(CLAIM).param("id", id).param("now", Timestamps.of(now))
                .param("staleBefore", Timestamps.of(staleBefore)).query(Long.class).optional().isPresent();
    }

    void release(List<Long> ids) {
        jdbc.sql(RELEASE).param("ids", SqlArrays.bigints(ids)).update();
    }

    void markEnded(long id, Instant now) {
        jdbc.sql(MARK_ENDED).param("id", id).param("now", Timestamps.of(now)).update();
    }

    void beat(List<Long> ids, Instant now) {
        jdbc.sql(BEAT).param("ids", SqlArrays.bigints(ids)).param("now", Timestamps.of(now)).update();
    }

    List<Long> abandoned(Instant before) {
        return jdbc.sql(ABANDONED).param("before", Timestamps.of(before)).query(Long.class).list();
    }

    /** A job as stored, with its counts. */
    record Stored(long id, ChunkEnrollment target, EnrollmentSource source, Instant createdAt, int total, int enrolled,
            int skipped, String runState, Instant heartbeatAt) {
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        Long[] pool = (Long[]) rs.getArray("mailbox_pool").getArray();
        ChunkEnrollment target = new ChunkEnrollment(rs.getLong("sequence_id"), rs.getObject("mailbox_id", Long.class),
                List.of(pool), rs.getLong("owner_id"), rs.getObject("created_by", Long.class),
                rs.getBoolean("own_prospects_only"));
        return new Stored(rs.getLong("id"), target, read(json.read(rs.getString("source"))),
                Timestamps.instant(rs, "created_at"), rs.getInt("selected"), rs.getInt("enrolled"), rs.getInt("skipped"),
                rs.getString("run_state"), Timestamps.instant(rs, "heartbeat_at"));
    }

    private static Map<String, Object> write(EnrollmentSource source) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (source) {
            case EnrollmentSource.ByFilter(ProspectCriteria f) -> {
                out.put("kind", "filter");
                out.put("ownerId", f.ownerId());
                out.put("accountId", f.accountId());
                out.put("customField", f.customField());
                out.put("customValue", f.customValue());
                out.put("createdFrom", f.createdFrom() == null ? null : f.createdFrom().toString());
                out.put("createdTo", f.createdTo() == null ? null : f.createdTo().toString());
            }
            case EnrollmentSource.ByImport i -> {
                out.put("kind", "import");
                out.put("importId", i.importId());
            }
            case EnrollmentSource.ByList l -> {
                out.put("kind", "list");
                out.put("prospectIds", l.prospectIds());
            }
        }
        return out;
    }

    private static EnrollmentSource read(Map<String, Object> in) {
        if ("import".equals(in.get("kind"))) {
            return new EnrollmentSource.ByImport(number(in.get("importId")));
        }
        if ("list".equals(in.get("kind"))) {
            return new EnrollmentSource.ByList(((List<?>) in.get("prospectIds")).stream()
                    .map(id -> ((Number) id).longValue()).toList());
        }
        return new EnrollmentSource.ByFilter(new ProspectCriteria(number(in.get("ownerId")), number(in.get("accountId")),
                (String) in.get("customField"), (String) in.get("customValue"), instant(in.get("createdFrom")),
                instant(in.get("createdTo"))));
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }
}
