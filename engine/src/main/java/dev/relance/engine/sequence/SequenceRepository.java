package dev.relance.engine.sequence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

/** The sequence rows, their schedule and send windows. Steps live in {@link StepRepository}. */
@Repository
class SequenceRepository {

    private static final String INSERT = """
            INSERT INTO sequence (name, description, status, owner_id, stop_on_reply, stop_account_on_reply, exclusive,
                                  track_opens, track_clicks, created_at, updated_at)
            VALUES (:name, :description, :status, :ownerId, :stopOnReply, :stopAccountOnReply, :exclusive,
                    :trackOpens, :trackClicks, :now, :now)
            RETURNING id
            """;

    private static final String UPDATE = """
            UPDATE sequence
               SET name = :name, description = :description, status = :status, owner_id = :ownerId,
                   stop_on_reply = :stopOnReply, stop_account_on_reply = :stopAccountOnReply, exclusive = :exclusive,
                   track_opens = :trackOpens, track_clicks = :trackClicks, updated_at = :now, version = version + 1
             WHERE id = :id
            """;

    // Waits for the sends in flight, which hold this row FOR SHARE: once it returns, none goes out.
    private static final String SET_STATUS = """
            UPDATE sequence SET status = :status, updated_at = :now, version = version + 1 WHERE id = :id
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM sequence WHERE id = :id
            """;

    // A replace diffs the stored steps against the draft: two replaces of one sequence must not interleave.
    private static final String FIND_BY_ID_FOR_UPDATE = """
            SELECT * FROM sequence WHERE id = :id FOR UPDATE
            """;

    private static final String STATUS_OF = """
            SELECT status FROM sequence WHERE id = :id
            """;

    private static final String STEP_COUNT = """
            SELECT (SELECT count(*) FROM sequence_step st WHERE st.sequence_id = s.id) FROM sequence s WHERE s.id = :id
            """;

    private static final String LIST = """
            SELECT s.*, (SELECT count(*) FROM sequence_step st WHERE st.sequence_id = s.id) AS step_count
              FROM sequence s
             WHERE (CAST(:beforeId AS bigint) IS NULL OR s.id < :beforeId)
               AND (CAST(:status AS text) IS NULL OR s.status = :status)
               AND (CAST(:ownerId AS bigint) IS NULL OR s.owner_id = :ownerId)
             ORDER BY s.id DESC
             LIMIT :limit
            """;

    private static final String DELETE = """
            DELETE FROM sequence WHERE id = :id
            """;

    private static final String UPSERT_SCHEDULE = """
            INSERT INTO sequence_schedule (sequence_id, time_zone_policy, fixed_time_zone, holiday_calendar)
            VALUES (:sequenceId, :timeZonePolicy, :fixedTimeZone, :holidayCalendar)
            ON CONFLICT (sequence_id) DO UPDATE
               SET time_zone_policy = EXCLUDED.time_zone_policy, fixed_time_zone = EXCLUDED.fixed_time_zone,
                   holiday_calendar = EXCLUDED.holiday_calendar
            """;

    private static final String DELETE_WINDOWS = """
            DELETE FROM send_window WHERE sequence_id = :sequenceId
            """;

    private static final String INSERT_WINDOW = """
            INSERT INTO send_window (sequence_id, day_of_week, start_time, end_time)
            VALUES (:sequenceId, :dayOfWeek, :start, :end)
            """;

    private static final String FIND_SCHEDULE = """
            SELECT time_zone_policy, fixed_time_zone, holiday_calendar FROM sequence_schedule WHERE sequence_id = :sequenceId
            """;

    private static final String FIND_WINDOWS = """
            SELECT day_of_week, start_time, end_time
              FROM send_window
             WHERE sequence_id = :sequenceId
             ORDER BY day_of_week, start_time
            """;

    private static final RowMapper<SequenceRow> SEQUENCE = (rs, row) -> new SequenceRow(rs.getLong("id"),
            rs.getString("name"), rs.getString("description"), SequenceStatus.valueOf(rs.getString("status")),
            rs.getObject("owner_id", Long.class), rules(rs), Timestamps.instant(rs, "created_at"),
            Timestamps.instant(rs, "updated_at"));

    private static final RowMapper<SequenceSummary> SUMMARY = (rs, row) -> new SequenceSummary(rs.getLong("id"),
            rs.getString("name"), rs.getString("description"), SequenceStatus.valueOf(rs.getString("status")),
            rs.getObject("owner_id", Long.class), rs.getInt("step_count"), Timestamps.instant(rs, "created_at"),
            Timestamps.instant(rs, "updated_at"));

    private static final RowMapper<SendWindow> WINDOW = (rs, row) -> new SendWindow(DayOfWeek.of(rs.getInt("day_of_week")),
            rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class));

    private final JdbcClient jdbc;

    SequenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SequenceDraft draft, SequenceStatus status, Long ownerId, SequenceRules rules, Instant now) {
        return bind(jdbc.sql(INSERT), draft, status, ownerId, rules, now).query(Long.class).single();
    }

    void update(long id, SequenceDraft draft, SequenceStatus status, Long ownerId, SequenceRules rules, Instant now) {
        bind(jdbc.sql(UPDATE), draft, status, ownerId, rules, now).param("id", id).update();
    }

    boolean setStatus(long id, SequenceStatus status, Instant now) {
        return jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).param("now", Timestamps.of(now))
                .update() == 1;
    }

    Optional<SequenceRow> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(SEQUENCE).optional();
    }

    Optional<SequenceRow> findByIdForUpdate(long id) {
        return jdbc.sql(FIND_BY_ID_FOR_UPDATE).param("id", id).query(SEQUENCE).optional();
    }

    Optional<SequenceStatus> statusOf(long id) {
        return jdbc.sql(STATUS_OF).param("id", id).query(String.class).optional().map(SequenceStatus::valueOf);
    }

    Optional<Integer> stepCount(long id) {
        return jdbc.sql(STEP_COUNT).param("id", id).query(Integer.class).optional();
    }

    List<SequenceSummary> list(PageRequest page, SequenceStatus status, Long ownerId) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("status", status == null ? null : status.name())
                .param("ownerId", ownerId).param("limit", page.fetchSize()).query(SUMMARY).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    /** Writes the schedule of a sequence, replacing its windows. */
    void writeSchedule(long sequenceId, Schedule schedule) {
        jdbc.sql(UPSERT_SCHEDULE).param("sequenceId", sequenceId)
                .param("timeZonePolicy", schedule.timeZonePolicy().name())
                .param("fixedTimeZone", schedule.fixedTimeZone())
                .param("holidayCalendar", schedule.holidayCalendar() == null ? null : schedule.holidayCalendar().name())
                .update();
        jdbc.sql(DELETE_WINDOWS).param("sequenceId", sequenceId).update();
        for (SendWindow window : schedule.windows()) {
            jdbc.sql(INSERT_WINDOW).param("sequenceId", sequenceId).param("dayOfWeek", window.dayOfWeek().getValue())
                    .param("start", window.start()).param("end", window.end()).update();
        }
    }

    // Every sequence written here has a schedule row; one inserted by plain SQL sends on the defaults.
    Schedule findSchedule(long sequenceId) {
        List<SendWindow> windows = jdbc.sql(FIND_WINDOWS).param("sequenceId", sequenceId).query(WINDOW).list();
        return jdbc.sql(FIND_SCHEDULE).param("sequenceId", sequenceId)
                .query((rs, row) -> new Schedule(TimeZonePolicy.valueOf(rs.getString("time_zone_policy")),
                        rs.getString("fixed_time_zone"), holidayCalendar(rs.getString("holiday_calendar")), windows))
                .optional()
                .orElseGet(Schedule::defaults);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SequenceDraft draft, SequenceStatus status,
            Long ownerId, SequenceRules rules, Instant now) {
        return spec.param("name", draft.name()).param("description", draft.description())
                .param("status", status.name()).param("ownerId", ownerId)
                .param("stopOnReply", rules.stopOnReply()).param("stopAccountOnReply", rules.stopAccountOnReply())
                .param("exclusive", rules.exclusive()).param("trackOpens", rules.trackOpens())
                .param("trackClicks", rules.trackClicks()).param("now", Timestamps.of(now));
    }

    private static SequenceRules rules(ResultSet rs) throws SQLException {
        return new SequenceRules(rs.getBoolean("stop_on_reply"), rs.getBoolean("stop_account_on_reply"),
                rs.getBoolean("exclusive"), rs.getBoolean("track_opens"), rs.getBoolean("track_clicks"));
    }

    private static HolidayCalendar holidayCalendar(String value) {
        return value == null ? null : HolidayCalendar.valueOf(value);
    }
}
