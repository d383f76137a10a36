package dev.relance.engine.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What each rep did, per day or ISO week (Monday first), against their daily targets.
 *
 * @param granularity DAY or WEEK
 */
public record RepActivityReport(LocalDate from, LocalDate to, Granularity granularity, List<Rep> reps) {

    public enum Granularity {
        DAY, WEEK
    }

    /**
     * @param overdueTasksNow open tasks of the rep past due at the time of the report (not bound to the period)
     * @param target null when none is set
     * @param total the whole period
     */
    public record Rep(long userId, String name, long overdueTasksNow, Target target, Bucket total,
            List<Bucket> buckets) {
    }

    /**
     * One day or week of the period (a week is clipped to the period's bounds).
     *
     * @param weekdays Monday to Friday days in the bucket: targets are per weekday
     */
    public record Bucket(LocalDate start, LocalDate end, int weekdays, Activity activity, Attainment attainment) {
    }

    /**
     * @param emails autoEmails + manualEmails
     * @param callsConnected calls whose outcome is CONNECTED or MEETING_BOOKED
     * @param tasksCompleted tasks of every type completed (TASK_DONE)
     * @param repliesHandled REPLY tasks completed
     * @param interestedRepliesAnswered REPLY tasks completed whose reply was classified INTERESTED
     * @param medianInterestedAnswerSeconds median time from an interested reply to the completion of its
     *     REPLY task, over those completed in the bucket; null when none
     */
    public record Activity(long autoEmails, long manualEmails, long emails, long calls, long callsConnected,
            long linkedinDone, long tasksCompleted, long tasksSkipped, long repliesHandled, long meetings,
            long interestedRepliesAnswered, Double medianInterestedAnswerSeconds) {
    }

    /** Percent of target (actual ÷ (daily target × weekdays) × 100); null without a target or weekdays. */
    public record Attainment(Double calls, Double emails, Double linkedin, Double tasks) {
    }

    /** Daily activity goals of a rep, per weekday. */
    public record Target(long userId, int dailyCalls, int dailyEmails, int dailyLinkedin, int dailyTasks,
            Instant updatedAt) {
    }
}
