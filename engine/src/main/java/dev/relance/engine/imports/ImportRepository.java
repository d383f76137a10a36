package dev.relance.engine.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class ImportRepository {

    private static final String INSERT = """
            INSERT INTO prospect_import (status, file_name, file_path, file_size, charset, delimiter, options, owner_id,
                                         created_by, created_at)
            VALUES ('RUNNING', :fileName, :filePath, :fileSize, :charset, :delimiter, CAST(:options AS jsonb), :ownerId,
                    :createdBy, :now)
            RETURNING id
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM prospect_import WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM prospect_import
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:createdBy AS bigint) IS NULL OR created_by = :createdBy)
             ORDER BY id DESC
             LIMIT :limit
            """;

    private static final String STARTED = """
            UPDATE prospect_import
               SET status = 'RUNNING', job_execution_id = :executionId, started_at = COALESCE(started_at, :now),
                   heartbeat_at = :now, finished_at = NULL, failure_reason = NULL
             WHERE id = :id
            """;

    // Takes a FAILED import, or a RUNNING one silent since :staleBefore, for one process to resume: of
    // two instances (or a user and the recovery job) asking at once, one row update wins.
    private static final String CLAIM = """
            UPDATE prospect_import SET status = 'RUNNING', heartbeat_at = :now, finished_at = NULL
             WHERE id = :id
               AND (status = 'FAILED' OR (status = 'RUNNING' AND COALESCE(heartbeat_at, created_at) < :staleBefore))
            RETURNING id
            """;

    // At a clean shutdown, the imports this process was running: resumable at once by any instance.
    private static final String RELEASE = """
            UPDATE prospect_import SET status = 'RUNNING', heartbeat_at = '-infinity', finished_at = NULL
             WHERE id = ANY(:ids) AND status <> 'COMPLETED'
            """;

    // Runs in the chunk's transaction: counters move with the rows they count, exactly once.
    private static final String CHUNK_DONE = """
            UPDATE prospect_import
               SET rows_read = rows_read + :read, rows_created = rows_created + :created,
                   rows_updated = rows_updated + :updated, rows_unchanged = rows_unchanged + :unchanged,
                   rows_skipped = rows_skipped + :skipped, rows_failed = rows_failed + :failed,
                   rows_suppressed = rows_suppressed + :suppressed, bytes_read = GREATEST(bytes_read, :bytesRead),
                   heartbeat_at = :now
             WHERE id = :id
            """;

    private static final String INSERT_PROBLEMS = """
            INSERT INTO prospect_import_problem (import_id, line, column_name, value, problem, action)
            SELECT :importId, u.line, u.column_name, u.value, u.problem, u.action
              FROM unnest(:lines, :columns, :values, :problems, :actions) AS u(line, column_name, value, problem, action)
            """;

    private static final String FINISHED = """
            UPDATE prospect_import
               SET status = :status, failure_reason = :reason, finished_at = :now,
                   bytes_read = CASE WHEN :status = 'COMPLETED' THEN file_size ELSE bytes_read END
             WHERE id = :id
            """;

    private static final String PROBLEMS = """
            SELECT line, column_name, value, problem, action FROM prospect_import_problem
             WHERE import_id = :importId
             ORDER BY line, id
            """;

    // The prospects a chunk's valid rows landed on. A prospect met again in a later chunk gets a second
    // row: cheaper than a unique check on every row, and the enrollment job's selection is distinct.
    private static final String ADD_MEMBERS = """
            INSERT INTO prospect_import_member (import_id, prospect_id)
            SELECT :importId, id FROM unnest(:prospectIds) AS id
            """;

    private static final String BEAT = """
            UPDATE prospect_import SET heartbeat_at = :now WHERE id = ANY(:ids) AND status = 'RUNNING'
            """;

    private static final String STALE = """
            SELECT id FROM prospect_import
             WHERE status = 'RUNNING' AND COALESCE(heartbeat_at, created_at) < :before
             ORDER BY id
            """;

    private static final String OWNERS = """
            SELECT id, lower(email) AS email, lower(username) AS username FROM app_user
             WHERE email = ANY(CAST(:names AS citext[])) OR username = ANY(CAST(:names AS citext[]))
            """;

    // A chunk's commit need not wait for the disk: if the server crashes, the chunk and Spring Batch's
    // restart point (same transaction) are lost together, and a restart reads those rows again.
    private static final String RELAXED_COMMIT = """
            SET LOCAL synchronous_commit = off
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    ImportRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(String fileName, String filePath, long fileSize, FileFormat format, Map<String, Object> options,
            Long ownerId, long createdBy, Instant now) {
        return jdbc.sql(INSERT).param("fileName", fileName).param("filePath", filePath).param("fileSize", fileSize)
                .param("charset", format.charset().name()).param("delimiter", String.valueOf(format.delimiter()))
                .param("options", json.write(options)).param("ownerId", ownerId).param("createdBy", createdBy)
                .param("now", Timestamps.of(now)).query(Long.class).single();
    }

    Optional<Row> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::row).optional();
    }

    List<Row> list(PageRequest page, Long createdBy) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("createdBy", createdBy)
                .param("limit", page.fetchSize())
                .query(this::row).list();
    }

    void started(long id, long executionId, Instant now) {
        jdbc.sql(STARTED).param("id", id).param("executionId", executionId).param("now", Timestamps.of(now)).update();
    }

    void relaxCommit() {
        jdbc.sql(RELAXED_COMMIT).update();
    }

    void chunkDone(long id, Counts counts, long bytesRead, Instant now) {
        jdbc.sql(CHUNK_DONE).param("id", id).param("read", counts.read).param("created", counts.created)
                .param("updated", counts.updated).param("unchanged", counts.unchanged).param("skipped", counts.skipped)
                .param("failed", counts.failed).param("suppressed", counts.suppressed).param("bytesRead", bytesRead)
                .param("now", Timestamps.of(now)).update();
    }

    void insertProblems(long importId, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_PROBLEMS).param("importId", importId)
                .param("lines", SqlArrays.bigints(problems.stream().map(RowProblem::line).toList()))
                .param("columns", SqlArrays.texts(problems.stream().map(RowProblem::column).toList()))
                .param("values", SqlArrays.texts(problems.stream().map(p -> truncate(p.value())).toList()))
                .param("problems", SqlArrays.texts(problems.stream().map(RowProblem::problem).toList()))
                .param("actions", SqlArrays.texts(problems.stream().map(p -> p.action().name()).toList()))
                .update();
    }

    boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql(CLAIM).param("id", id).param("now", Timestamps.of(now))
                .param("staleBefore", Timestamps.of(staleBefore)).query(Long.class).optional().isPresent();
    }

    void release(List<Long> ids) {
        jdbc.sql(RELEASE).param("ids", SqlArrays.bigints(ids)).update();
    }

    void finished(long id, ImportStatus status, String reason, Instant now) {
        jdbc.sql(FINISHED).param("id", id).param("status", status.name()).param("reason", reason)
                .param("now", Timestamps.of(now)).update();
    }

    void forEachProblem(long importId, Consumer<RowProblem> consumer) {
        jdbc.sql(PROBLEMS).param("importId", importId).query(rs -> {
            consumer.accept(new RowProblem(rs.getLong("line"), rs.getString("column_name"), rs.getString("value"),
                    rs.getString("problem"), RowProblem.Action.valueOf(rs.getString("action"))));
        });
    }

    void addMembers(long importId, List<Long> prospectIds) {
        if (!prospectIds.isEmpty()) {
            jdbc.sql(ADD_MEMBERS).param("importId", importId).param("prospectIds", SqlArrays.bigints(prospectIds)).update();
        }
    }

    void beat(List<Long> ids, Instant now) {
        jdbc.sql(BEAT).param("ids", SqlArrays.bigints(ids)).param("now", Timestamps.of(now)).update();
    }

    List<Long> stale(Instant before) {
        return jdbc.sql(STALE).param("before", Timestamps.of(before)).query(Long.class).list();
    }

    /** User ids by lower-cased email and username, for owner columns. */
    Map<String, Long> owners(List<String> names) {
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql(OWNERS).param("names", SqlArrays.texts(names)).query(rs -> {
            ids.put(rs.getString("email"), rs.getLong("id"));
            ids.put(rs.getString("username"), rs.getLong("id"));
        });
        return ids;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500) + "...";
    }

    private Row row(ResultSet rs, int rowNumber) throws SQLException {
        Map<String, Object> options = json.read(rs.getString("options"));
        return new Row(rs.getLong("id"), ImportStatus.valueOf(rs.getString("status")), rs.getString("file_name"),
                rs.getString("file_path"), rs.getLong("file_size"), rs.getString("charset"), rs.getString("delimiter"),
                options, rs.getObject("owner_id", Long.class), rs.getObject("created_by", Long.class),
                rs.getLong("bytes_read"), rs.getLong("rows_read"), rs.getLong("rows_created"), rs.getLong("rows_updated"),
                rs.getLong("rows_unchanged"), rs.getLong("rows_skipped"), rs.getLong("rows_failed"),
                rs.getLong("rows_suppressed"), rs.getString("failure_reason"), rs.getObject("job_execution_id", Long.class),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "started_at"),
                Timestamps.instant(rs, "heartbeat_at"), Timestamps.instant(rs, "finished_at"));
    }

    /** A stored import as read. */
    record Row(long id, ImportStatus status, String fileName, String filePath, long fileSize, String charset,
            String delimiter, Map<String, Object> options, Long ownerId, Long createdBy, long bytesRead, long rowsRead,
            long created, long updated, long unchanged, long skipped, long failed, long suppressed, String failureReason,
            Long jobExecutionId, Instant createdAt, Instant startedAt, Instant heartbeatAt, Instant finishedAt) {

        DuplicatePolicy policy() {
            return DuplicatePolicy.valueOf((String) options.get("duplicatePolicy"));
        }
    }

    /** Per-chunk counter deltas. */
    static final class Counts {
        long read;
        long created;
        long updated;
        long unchanged;
        long skipped;
        long failed;
        long suppressed;
    }
}
