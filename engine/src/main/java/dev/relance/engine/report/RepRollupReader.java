package dev.relance.engine.report;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.report.RepActivityReport.Target;
import dev.relance.engine.support.Timestamps;

/** The reads and writes of rep activity: report_owner_daily, report_reply_answer, activity_target, users. */
@Repository
class RepRollupReader {

    record Person(long id, String name) {
    }

    record DayRow(long ownerId, LocalDate day, long autoEmails, long manualEmails, long calls, long callsConnected,
            long linkedinDone, long tasksCompleted, long tasksSkipped, long repliesHandled, long meetings) {
    }

    /** One completed REPLY task of an interested reply: its day and answer time. */
    record Answer(long ownerId, LocalDate day, long answerSeconds) {
    }

    // The reps of the report: every enabled SDR, and anyone else with activity in the period; of one
    // team when asked.
    private static final String PEOPLE = """
            SELECT u.id, u.display_name AS name FROM app_user u
            WHERE (CAST(:ownerId AS bigint) IS NULL OR u.id = CAST(:ownerId AS bigint))
              AND (CAST(:teamId AS bigint) IS NULL OR u.team_id = CAST(:teamId AS bigint))
              AND (u.role = 'SDR' AND u.enabled
                   OR EXISTS (SELECT 1 FROM report_owner_daily d
                              WHERE d.owner_id = u.id AND d.day BETWEEN :from AND :to))
            ORDER BY u.id
            """;

    private static final String DAYS = """
            SELECT owner_id, day, auto_emails, manual_emails, calls, calls_connected, linkedin_done, tasks_completed,
                   tasks_skipped, replies_handled, meetings
            FROM report_owner_daily
            WHERE day BETWEEN :from AND :to
              AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint))
            """;

    private static final String INTERESTED_ANSWERS = """
            SELECT owner_id, day, answer_seconds FROM report_reply_answer
            WHERE day BETWEEN :from AND :to AND intent = 'INTERESTED'
              AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint))
            """;

    private static final String TARGETS = """
            SELECT user_id, daily_calls, daily_emails, daily_linkedin, daily_tasks, updated_at FROM activity_target
            WHERE CAST(:ownerId AS bigint) IS NULL OR user_id = CAST(:ownerId AS bigint)
            """;

    private static final String UPSERT_TARGET = """
            INSERT INTO activity_target (user_id, daily_calls, daily_emails, daily_linkedin, daily_tasks, updated_by,
                                         updated_at)
            VALUES (:userId, :calls, :emails, :linkedin, :tasks, :by, :now)
            ON CONFLICT (user_id) DO UPDATE SET daily_calls = EXCLUDED.daily_calls,
                daily_emails = EXCLUDED.daily_emails, daily_linkedin = EXCLUDED.daily_linkedin,
                daily_tasks = EXCLUDED.daily_tasks, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            """;

    private static final String USER_EXISTS = """
            SELECT count(*) FROM app_user WHERE id = :id
            """;

    private final JdbcClient jdbc;

    RepRollupReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Person> people(ReportPeriod period, Long ownerId, Long teamId) {
        return jdbc.sql(PEOPLE).param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("ownerId", ownerId).param("teamId", teamId).query(Person.class).list();
    }

    List<DayRow> days(ReportPeriod period, Long ownerId) {
        return jdbc.sql(DAYS).param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("ownerId", ownerId)
                .query((rs, n) -> new DayRow(rs.getLong("owner_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("auto_emails"), rs.getLong("manual_emails"), rs.getLong("calls"),
                        rs.getLong("calls_connected"), rs.getLong("linkedin_done"), rs.getLong("tasks_completed"),
                        rs.getLong("tasks_skipped"), rs.getLong("replies_handled"), rs.getLong("meetings")))
                .list();
    }

    List<Answer> interestedAnswers(ReportPeriod period, Long ownerId) {
        return jdbc.sql(INTERESTED_ANSWERS).param("from", Date.valueOf(period.from()))
                .param("to", Date.valueOf(period.to())).param("ownerId", ownerId)
                .query((rs, n) -> new Answer(rs.getLong("owner_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("answer_seconds")))
                .list();
    }

    List<Target> targets(Long ownerId) {
        return jdbc.sql(TARGETS).param("ownerId", ownerId)
                .query((rs, n) -> new Target(rs.getLong("user_id"), rs.getInt("daily_calls"), rs.getInt("daily_emails"),
                        rs.getInt("daily_linkedin"), rs.getInt("daily_tasks"), Timestamps.instant(rs, "updated_at")))
                .list();
    }

    Optional<Target> target(long userId) {
        return targets(userId).stream().findFirst();
    }

    boolean userExists(long id) {
        return jdbc.sql(USER_EXISTS).param("id", id).query(Long.class).single() > 0;
    }

    void upsertTarget(long userId, int calls, int emails, int linkedin, int tasks, Long by, Instant now) {
        jdbc.sql(UPSERT_TARGET).param("userId", userId).param("calls", calls).param("emails", emails)
                .param("linkedin", linkedin).param("tasks", tasks).param("by", by).param("now", Timestamps.of(now))
                .update();
    }
}
