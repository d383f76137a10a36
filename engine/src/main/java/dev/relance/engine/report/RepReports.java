package dev.relance.engine.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.report.RepActivityReport.Activity;
import dev.relance.engine.report.RepActivityReport.Attainment;
import dev.relance.engine.report.RepActivityReport.Bucket;
import dev.relance.engine.report.RepActivityReport.Granularity;
import dev.relance.engine.report.RepActivityReport.Rep;
import dev.relance.engine.report.RepActivityReport.Target;
import dev.relance.engine.report.RepRollupReader.Answer;
import dev.relance.engine.report.RepRollupReader.DayRow;
import dev.relance.engine.report.RepRollupReader.Person;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.task.TaskService;

/**
 * Rep activity from the rollups, against activity targets. Overdue tasks are counted live (open tasks
 * past due now, per owner, from the task_open_by_owner index): "overdue" has no meaning for a past day.
 */
@Service
public class RepReports {

    private final RepRollupReader reader;
    private final TaskService tasks;
    private final Clock clock;

    RepReports(RepRollupReader reader, TaskService tasks, Clock clock) {
        this.reader = reader;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** @param ownerId one rep, or null for every rep (SDRs, and anyone with activity in the period) */
    @Transactional(readOnly = true)
    public RepActivityReport activity(ReportPeriod period, Granularity granularity, Long ownerId) {
        return activity(period, granularity, ownerId, null);
    }

    /** @param teamId only the reps of this team, when given */
    @Transactional(readOnly = true)
    public RepActivityReport activity(ReportPeriod period, Granularity granularity, Long ownerId, Long teamId) {
        List<DayRow> days = reader.days(period, ownerId);
        List<Answer> answers = reader.interestedAnswers(period, ownerId);
        Map<Long, Target> targets = reader.targets(ownerId).stream()
                .collect(Collectors.toMap(Target::userId, Function.identity()));
        Map<Long, Long> overdue = tasks.overdueCountByOwner();
        List<Rep> reps = new ArrayList<>();
        for (Person person : reader.people(period, ownerId, teamId)) {
            long id = person.id();
            Target target = targets.get(id);
            List<DayRow> mine = days.stream().filter(d -> d.ownerId() == id).toList();
            List<Answer> myAnswers = answers.stream().filter(a -> a.ownerId() == id).toList();
            List<Bucket> buckets = new ArrayList<>();
            for (LocalDate start = period.from(); !start.isAfter(period.to()); start = next(start, granularity)) {
                LocalDate end = min(next(start, granularity).minusDays(1), period.to());
                buckets.add(bucket(start, end, mine, myAnswers, target));
            }
            reps.add(new Rep(id, person.name(), overdue.getOrDefault(id, 0L), target,
                    bucket(period.from(), period.to(), mine, myAnswers, target), buckets));
        }
        return new RepActivityReport(period.from(), period.to(), granularity, reps);
    }

    /** Sets a rep's daily targets (a missing value keeps the current one, or 0 for a new target). */
    @Transactional
    public Target setTarget(long userId, TargetDraft draft, Long setBy) {
        if (!reader.userExists(userId)) {
            throw new NotFoundException("user", userId);
        }
        Target current = reader.target(userId).orElse(new Target(userId, 0, 0, 0, 0, null));
        int calls = valid("dailyCalls", draft.dailyCalls(), current.dailyCalls());
        int emails = valid("dailyEmails", draft.dailyEmails(), current.dailyEmails());
        int linkedin = valid("dailyLinkedin", draft.dailyLinkedin(), current.dailyLinkedin());
        int taskCount = valid("dailyTasks", draft.dailyTasks(), current.dailyTasks());
        reader.upsertTarget(userId, calls, emails, linkedin, taskCount, setBy, clock.instant());
        return reader.target(userId).orElseThrow();
    }

    private static Bucket bucket(LocalDate start, LocalDate end, List<DayRow> days, List<Answer> answers,
            Target target) {
        long[] sum = new long[10];
        for (DayRow d : days) {
            if (!d.day().isBefore(start) && !d.day().isAfter(end)) {
                long[] v = {d.autoEmails(), d.manualEmails(), d.calls(), d.callsConnected(), d.linkedinDone(),
                    d.tasksCompleted(), d.tasksSkipped(), d.repliesHandled(), d.meetings()};
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
        }
        long[] seconds = answers.stream().filter(a -> !a.day().isBefore(start) && !a.day().isAfter(end))
                .mapToLong(Answer::answerSeconds).sorted().toArray();
        Activity activity = new Activity(sum[0], sum[1], sum[0] + sum[1], sum[2], sum[3], sum[4], sum[5], sum[6],
                sum[7], sum[8], seconds.length, median(seconds));
        int weekdays = weekdays(start, end);
        Attainment attainment = target == null ? new Attainment(null, null, null, null)
                : new Attainment(percent(activity.calls(), target.dailyCalls(), weekdays),
                        percent(activity.emails(), target.dailyEmails(), weekdays),
                        percent(activity.linkedinDone(), target.dailyLinkedin(), weekdays),
                        percent(activity.tasksCompleted(), target.dailyTasks(), weekdays));
        return new Bucket(start, end, weekdays, activity, attainment);
    }

    static Double median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? (double) sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static Double percent(long actual, int dailyTarget, int weekdays) {
        long goal = (long) dailyTarget * weekdays;
        return goal == 0 ? null : Math.round(actual * 1000.0 / goal) / 10.0;
    }

    static int weekdays(LocalDate start, LocalDate end) {
        int count = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    private static LocalDate next(LocalDate start, Granularity granularity) {
        return granularity == Granularity.DAY ? start.plusDays(1)
                : start.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static int valid(String field, Integer given, int current) {
        if (given == null) {
            return current;
        }
        if (given < 0 || given > 10_000) {
            throw new InvalidInputException(field, "must be between 0 and 10000");
        }
        return given;
    }
}
