package dev.relance.engine.report;

import static dev.relance.engine.event.EventType.AUTO_REPLIED;
import static dev.relance.engine.event.EventType.BOUNCED;
import static dev.relance.engine.event.EventType.CLICKED;
import static dev.relance.engine.event.EventType.COMPLAINED;
import static dev.relance.engine.event.EventType.OPENED;
import static dev.relance.engine.event.EventType.REPLIED;
import static dev.relance.engine.event.EventType.SENT;
import static dev.relance.engine.event.EventType.UNSUBSCRIBED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.report.RepActivityReport.Bucket;
import dev.relance.engine.report.RepActivityReport.Granularity;
import dev.relance.engine.report.RepActivityReport.Rep;
import dev.relance.engine.report.SequenceReport.AbTest;
import dev.relance.engine.report.SequenceReport.Money;
import dev.relance.engine.report.SequenceReport.StepReport;
import dev.relance.engine.report.SequenceReport.VariantReport;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.task.NewTask;
import dev.relance.engine.task.OutcomeCode;
import dev.relance.engine.task.Task;
import dev.relance.engine.task.TaskCompletion;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskType;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

/**
 * A small fixed dataset with every figure worked out by hand. Day 1 is Tuesday 2026-03-03, day 2 the
 * Wednesday after. Alice (SDR) enrolls 11 prospects p1..p11 and Bob (SDR) one, p12.
 *
 * <pre>
 * Step 1, variant A (Alice), messages m101..m107 to p1..p7's slot p1..p6 and p11:
 *   SENT m101..m106                                   sent 6
 *   BOUNCED m106 hard, DSN                            hard 1, after send 1
 *   BOUNCED m105 soft, DSN; m105 "delayed" (ignored)  soft 1, after send 2
 *   BOUNCED m107 hard at RCPT (SMTP, never sent)      at send 1, hard 2
 *     attempted = 6 + 1 = 7; delivered = 6 - 2 = 4; bounced = 1 + 2 = 3
 *   OPENED m101 machine, m101 human x2, m102 machine, m103 human; day 2: m102 human
 *     day 1: opens human 3, opened human 2 (m101, m103); opens machine 2, opened machine 2 (m101, m102)
 *     days 1-2: opens human 4, opened human 3
 *   CLICKED m101 human, m102 machine x2               clicked human 1, clicks machine 2, clicked machine 1
 *   REPLIED m101 INTERESTED, m101 NEUTRAL, m103 NOT_INTERESTED   replied 2 (messages), interested 1
 *   AUTO_REPLIED m104, UNSUBSCRIBED m102, COMPLAINED m104        1 each
 * Step 1, variant B: SENT m201..m204 (Alice, p7..p10), m205 (Bob, p12)   sent 5, delivered 5
 *   OPENED m201 human; REPLIED m201 INTERESTED, m202 INTERESTED           opened 1, replied 2, interested 2
 * Step 1, variant C: nothing (weight 0)
 * Step 2 (call), Alice's tasks: CONNECTED (p1), MEETING_BOOKED (p2), VOICEMAIL (p3)
 * No step: a meeting booked through the API for p9 (stops e9), REPLY tasks of p1, p7, p8
 * </pre>
 */
@EngineTest
class SequenceReportTest {

    static final Instant DAY1 = Instant.parse("2026-03-03T00:00:00Z");
    static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    static final LocalDate D0 = LocalDate.parse("2026-03-02");
    static final LocalDate D1 = LocalDate.parse("2026-03-03");
    static final LocalDate D2 = LocalDate.parse("2026-03-04");

    @Autowired
    ReportRollups rollups;
    @Autowired
    SequenceReports reports;
    @Autowired
    RepReports reps;
    @Autowired
    TaskService tasks;
    @Autowired
    MutableClock clock;
    @Autowired
    UserService users;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    SequenceService sequences;
    @Autowired
    ProspectService prospects;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    EventLog events;
    @Autowired
    JdbcClient jdbc;

    ReportFixture f;
    User alice;
    User bob;
    List<Enrollment> e;
    long base;

    @BeforeEach
    void theDataset() {
        clock.set(DAY1.plus(Duration.ofHours(8)));
        f = new ReportFixture(users, mailboxes, sequences, prospects, enrollments, events, jdbc);
        alice = f.sdr("Alice");
        bob = f.sdr("Bob");
        f.abSequence(alice.id());
        e = new java.util.ArrayList<>(f.enroll(alice, 11));
        e.addAll(f.enroll(bob, 1));
        // message ids: unique per dataset, as the contexts' database is shared by the tests of the class
        base = e.getFirst().id() * 1000;
        long a = f.variantA;
        long b = f.variantB;
        Instant nine = at(DAY1, 9, 0);
        for (int i = 0; i < 6; i++) {
            f.message(SENT, nine, m(101 + i), e.get(i), a, null, Map.of());
        }
        f.message(BOUNCED, at(DAY1, 10, 0), m(106), e.get(5), a, null, Map.of("hard", true, "phase", "DSN"));
        f.message(BOUNCED, at(DAY1, 10, 5), m(105), e.get(4), a, null, Map.of("hard", false, "phase", "DSN"));
        f.message(BOUNCED, at(DAY1, 10, 6), m(105), e.get(4), a, null,
                Map.of("hard", false, "delayed", true, "phase", "DSN"));
        f.message(BOUNCED, nine, m(107), e.get(10), a, null, Map.of("hard", true, "phase", "SMTP"));
        f.message(OPENED, at(DAY1, 9, 1), m(101), e.get(0), a, true, Map.of());
        f.message(OPENED, at(DAY1, 10, 0), m(101), e.get(0), a, false, Map.of());
        f.message(OPENED, at(DAY1, 11, 0), m(101), e.get(0), a, false, Map.of());
        f.message(OPENED, at(DAY1, 9, 2), m(102), e.get(1), a, true, Map.of());
        f.message(OPENED, at(DAY1, 11, 30), m(103), e.get(2), a, false, Map.of());
        f.message(CLICKED, at(DAY1, 10, 1), m(101), e.get(0), a, false, Map.of());
        f.message(CLICKED, at(DAY1, 9, 2), m(102), e.get(1), a, true, Map.of());
        f.message(CLICKED, at(DAY1, 9, 3), m(102), e.get(1), a, true, Map.of());
        f.message(REPLIED, at(DAY1, 12, 0), m(101), e.get(0), a, null, Map.of("intent", "INTERESTED"));
        f.message(REPLIED, at(DAY1, 13, 0), m(101), e.get(0), a, null, Map.of("intent", "NEUTRAL"));
        f.message(REPLIED, at(DAY1, 12, 5), m(103), e.get(2), a, null, Map.of("intent", "NOT_INTERESTED"));
        f.message(AUTO_REPLIED, at(DAY1, 9, 30), m(104), e.get(3), a, null, Map.of());
        f.message(UNSUBSCRIBED, at(DAY1, 14, 0), m(102), e.get(1), a, null, Map.of());
        f.message(COMPLAINED, at(DAY1, 14, 0), m(104), e.get(3), a, null, Map.of());
        for (int i = 0; i < 4; i++) {
            f.message(SENT, nine, m(201 + i), e.get(6 + i), b, null, Map.of());
        }
        f.message(SENT, nine, m(205), e.get(11), b, null, Map.of());
        f.message(OPENED, at(DAY1, 9, 40), m(201), e.get(6), b, false, Map.of());
        f.message(REPLIED, at(DAY1, 12, 10), m(201), e.get(6), b, null, Map.of("intent", "INTERESTED"));
        f.message(REPLIED, at(DAY1, 12, 20), m(202), e.get(7), b, null, Map.of("intent", "INTERESTED"));

        // Tasks (their TASK_DONE / TASK_SKIPPED events come from TaskService). Call tasks carry no enrollment,
        // so that closing them leaves the enrollments as they are.
        callTask(e.get(0), OutcomeCode.CONNECTED, at(DAY1, 14, 0));
        callTask(e.get(1), OutcomeCode.MEETING_BOOKED, at(DAY1, 15, 0));
        callTask(e.get(2), OutcomeCode.VOICEMAIL, at(DAY1, 15, 30));
        doneTask(task(TaskType.LINKEDIN, null, null, at(DAY1, 9, 0)), OutcomeCode.DONE, at(DAY1, 16, 0));
        // REPLY tasks are made when the reply is recorded; answered 30 min, 60 min and 120 min later
        doneTask(task(TaskType.REPLY, e.get(0), null, at(DAY1, 12, 0)), OutcomeCode.SENT, at(DAY1, 12, 30));
        doneTask(task(TaskType.REPLY, e.get(6), null, at(DAY1, 12, 10)), OutcomeCode.SENT, at(DAY1, 13, 10));
        doneTask(task(TaskType.REPLY, e.get(7), null, at(DAY1, 12, 20)), OutcomeCode.SENT, at(DAY1, 14, 20));
        Task skipped = task(TaskType.TASK, null, null, at(DAY1, 9, 0));
        clock.set(at(DAY1, 16, 10));
        tasks.skip(skipped.id(), "not needed");
        task(TaskType.CALL, null, null, at(DAY1, 9, 0)); // stays open: overdue
        clock.set(at(DAY1, 16, 30));
        enrollments.meetingBooked(e.get(8).prospectId());

        f.opportunity(e.get(0).prospectId(), a, alice.id(), "SQL", "1000.00", at(DAY1, 17, 0), "INQUIRY", "SAL", "SQL");
        f.opportunity(e.get(6).prospectId(), b, alice.id(), "CLOSED_WON", "5000.00", at(DAY1, 17, 0));
        f.opportunity(e.get(7).prospectId(), b, alice.id(), "CLOSED_LOST", null, at(DAY1, 17, 0), "SAL", "SQL",
                "OPPORTUNITY", "CLOSED_LOST");

        rollups.foldNow();
        f.message(OPENED, at(DAY2, 9, 0), m(102), e.get(1), a, false, Map.of());
        clock.set(at(DAY2, 18, 0));
        rollups.foldNow();
    }

    @Test
    void every_figure_of_the_sequence_over_both_days() {
        SequenceReport report = reports.report(f.sequence.id(), new ReportPeriod(D1, D2), null);

        // 12 enrollments, e9 stopped by the booked meeting, the other 11 live at step 1
        assertThat(report.enrollments().enrolled()).isEqualTo(12);
        assertThat(report.enrollments().active()).isEqualTo(11);
        assertThat(report.enrollments().finished()).isZero();
        assertThat(report.enrollments().byState()).isEqualTo(Map.of("ACTIVE", 11L, "STOPPED", 1L));

        // sent 6 + 5 = 11; attempted 11 + 1 = 12; delivered 11 - 2 = 9; opened human 3 + 1 = 4; opens human 4 + 1 = 5
        // replied 2 + 2 = 4; interested 1 + 2 = 3; meetings: the MEETING_BOOKED call + the API = 2
        Counts total = report.metrics().counts();
        assertThat(total).isEqualTo(new Counts(11, 12, 9, 3, 2, 1, 1, 2, 4, 5, 2, 2, 1, 1, 1, 2, 4, 3, 1, 1, 1, 2));
        assertThat(rate(report.metrics(), "replyRate")).isEqualTo(Rate.of(4, "replied", 9, "delivered"));
        assertThat(rate(report.metrics(), "replyRate").value()).isEqualTo(0.444444); // 4 / 9
        assertThat(rate(report.metrics(), "openRate").value()).isEqualTo(0.444444); // 4 / 9, people only
        assertThat(rate(report.metrics(), "bounceRate").value()).isEqualTo(0.25); // 3 / 12
        assertThat(rate(report.metrics(), "deliveryRate").value()).isEqualTo(0.75); // 9 / 12
        assertThat(rate(report.metrics(), "meetingRate").value()).isEqualTo(0.222222); // 2 / 9

        StepReport email = report.steps().get(0);
        assertThat(email.stepId()).isEqualTo(f.emailStep);
        assertThat(email.activeHere()).isEqualTo(11);
        VariantReport a = variant(email, "A");
        // A: sent 6, attempted 7, delivered 4, bounced 3 (hard 2: m106 and m107; soft 1: m105)
        assertThat(a.metrics().counts()).isEqualTo(new Counts(6, 7, 4, 3, 2, 1, 1, 2, 3, 4, 2, 2, 1, 1, 1, 2, 2, 1,
                1, 1, 1, 0));
        assertThat(rate(a.metrics(), "openRate").value()).isEqualTo(0.75); // 3 / 4
        assertThat(rate(a.metrics(), "clickRate").value()).isEqualTo(0.25); // 1 / 4
        assertThat(rate(a.metrics(), "clickToOpenRate").value()).isEqualTo(0.333333); // 1 / 3
        assertThat(rate(a.metrics(), "replyRate").value()).isEqualTo(0.5); // 2 / 4
        assertThat(rate(a.metrics(), "interestedRate").value()).isEqualTo(0.25); // 1 / 4
        assertThat(rate(a.metrics(), "interestedShareOfReplies").value()).isEqualTo(0.5); // 1 / 2
        assertThat(rate(a.metrics(), "bounceRate").value()).isEqualTo(0.428571); // 3 / 7
        assertThat(rate(a.metrics(), "hardBounceRate").value()).isEqualTo(0.285714); // 2 / 7
        assertThat(rate(a.metrics(), "unsubscribeRate").value()).isEqualTo(0.25); // 1 / 4
        assertThat(rate(a.metrics(), "complaintRate").value()).isEqualTo(0.25); // 1 / 4
        assertThat(rate(a.metrics(), "outOfOfficeRate").value()).isEqualTo(0.25); // 1 / 4
        VariantReport b = variant(email, "B");
        assertThat(b.metrics().counts()).isEqualTo(new Counts(5, 5, 5, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 2, 2,
                0, 0, 0, 0));
        VariantReport c = variant(email, "C");
        assertThat(c.metrics().counts().sent()).isZero();
        assertThat(c.metrics().rates().values()).allSatisfy(r -> assertThat(r.value()).isNull());

        // A/B, C left out (nothing delivered). Reply rate: A 2/4 = 0.5 leads B 2/5 = 0.4; pooled 4/9,
        // se = sqrt(4/9 * 5/9 * (1/4 + 1/5)) = 1/3, z = 0.1 / (1/3) = 0.3, p = erfc(0.3 / sqrt 2) = 0.764177
        AbTest replies = email.abTests().get(0);
        assertThat(replies.metric()).isEqualTo("replyRate");
        assertThat(replies.denominator()).isEqualTo("delivered");
        assertThat(replies.verdict()).isEqualTo("NO_WINNER_YET");
        assertThat(replies.comparisons()).singleElement().satisfies(cmp -> {
            assertThat(cmp.leaderVariantId()).isEqualTo(f.variantA);
            assertThat(cmp.otherVariantId()).isEqualTo(f.variantB);
            assertThat(cmp.z()).isCloseTo(0.3, within(1e-6));
            assertThat(cmp.pValue()).isCloseTo(0.764177, within(1e-5));
        });
        // Interested rate: B 2/5 = 0.4 leads A 1/4 = 0.25; pooled 3/9, se = sqrt(1/3 * 2/3 * 0.45) = sqrt(0.1),
        // z = 0.15 / 0.316228 = 0.474342, p = 0.635256
        AbTest interested = email.abTests().get(1);
        assertThat(interested.comparisons()).singleElement().satisfies(cmp -> {
            assertThat(cmp.leaderVariantId()).isEqualTo(f.variantB);
            assertThat(cmp.z()).isCloseTo(0.474342, within(1e-6));
            assertThat(cmp.pValue()).isCloseTo(0.635256, within(1e-5));
        });

        StepReport call = report.steps().get(1);
        assertThat(call.stepId()).isEqualTo(f.callStep);
        assertThat(call.metrics().counts().meetings()).isEqualTo(1);
        assertThat(call.abTests()).isEmpty();
        StepReport noStep = report.steps().get(2);
        assertThat(noStep.stepId()).isNull();
        assertThat(noStep.metrics().counts().meetings()).isEqualTo(1); // booked through the API

        // opportunities: SQL 1000 EUR (A), won 5000 EUR (B), lost (B)
        assertThat(report.attribution().opportunities()).isEqualTo(3);
        assertThat(report.attribution().open()).isEqualTo(1);
        assertThat(report.attribution().won()).isEqualTo(1);
        assertThat(report.attribution().lost()).isEqualTo(1);
        assertThat(report.attribution().openPipeline()).containsExactly(new Money("EUR", "1000.00"));
        assertThat(report.attribution().wonRevenue()).containsExactly(new Money("EUR", "5000.00"));
        assertThat(b.attribution().won()).isEqualTo(1);
        assertThat(a.attribution().open()).isEqualTo(1);
    }

    @Test
    void day_one_alone_leaves_out_the_second_day_open_and_an_sdr_sees_only_their_own() {
        SequenceReport dayOne = reports.report(f.sequence.id(), new ReportPeriod(D1, D1), null);
        Counts a = variant(dayOne.steps().getFirst(), "A").metrics().counts();
        assertThat(a.openedHuman()).isEqualTo(2); // m101, m103; m102's first human open is on day 2
        assertThat(a.opensHuman()).isEqualTo(3);

        SequenceReport bobs = reports.report(f.sequence.id(), new ReportPeriod(D1, D2), bob.id());
        assertThat(bobs.metrics().counts().sent()).isEqualTo(1); // m205
        assertThat(bobs.enrollments().enrolled()).isEqualTo(1);
        assertThat(bobs.attribution().opportunities()).isZero();
    }

    @Test
    void an_empty_period_has_zero_counts_and_no_rates() {
        SequenceReport empty = reports.report(f.sequence.id(), new ReportPeriod(D0, D0), null);
        assertThat(empty.metrics().counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0));
        assertThat(empty.metrics().rates().values()).allSatisfy(r -> assertThat(r.value()).isNull());
        assertThat(empty.enrollments().enrolled()).as("enrollments are counted as they stand now").isEqualTo(12);
        assertThat(empty.attribution().opportunities()).isZero();
        RepActivityReport activity = reps.activity(new ReportPeriod(D0, D0), Granularity.DAY, alice.id());
        assertThat(activity.reps()).singleElement().satisfies(rep -> assertThat(rep.total().activity().calls()).isZero());
    }

    @Test
    void the_list_has_the_sequence_totals() {
        SequenceLine line = reports.list(new ReportPeriod(D1, D2), null).stream()
                .filter(l -> l.sequenceId() == f.sequence.id()).findFirst().orElseThrow();
        assertThat(line.metrics().counts().sent()).isEqualTo(11);
        assertThat(line.metrics().counts().delivered()).isEqualTo(9);
        assertThat(line.enrollments().enrolled()).isEqualTo(12);
        assertThat(line.attribution().won()).isEqualTo(1);
    }

    @Test
    void the_funnel_from_touched_to_won() {
        SequenceFunnel funnel = reports.funnel(f.sequence.id(), null);
        // touched: SENT to p1..p10 and p12 = 11 (p11's only email was refused at RCPT)
        // replied p1, p3, p7, p8 = 4; interested p1, p7, p8 = 3
        // SAL: p1 (reached SQL), p7 (won), p8 (reached OPPORTUNITY, then lost) = 3; SQL 3; OPPORTUNITY p7, p8 = 2; won p7
        assertThat(funnel.steps()).extracting(SequenceFunnel.Step::key, SequenceFunnel.Step::prospects).containsExactly(
                org.assertj.core.groups.Tuple.tuple("touched", 11L), org.assertj.core.groups.Tuple.tuple("replied", 4L),
                org.assertj.core.groups.Tuple.tuple("interested", 3L), org.assertj.core.groups.Tuple.tuple("sal", 3L),
                org.assertj.core.groups.Tuple.tuple("sql", 3L), org.assertj.core.groups.Tuple.tuple("opportunity", 2L),
                org.assertj.core.groups.Tuple.tuple("won", 1L));
        assertThat(funnel.steps().get(1).fromPrevious().value()).isEqualTo(0.363636); // 4 / 11
        assertThat(funnel.steps().get(5).fromPrevious().value()).isEqualTo(0.666667); // 2 / 3
        assertThat(funnel.steps().get(6).fromTouched()).isEqualTo(Rate.of(1, "won", 11, "touched"));
        assertThat(reports.funnel(f.sequence.id(), bob.id()).steps().getFirst().prospects()).isEqualTo(1);
    }

    @Test
    void rep_activity_per_day_against_targets() {
        reps.setTarget(alice.id(), new TargetDraft(4, 20, 2, null), null);

        RepActivityReport report = reps.activity(new ReportPeriod(D1, D2), Granularity.DAY, null);

        Rep a = report.reps().stream().filter(r -> r.userId() == alice.id()).findFirst().orElseThrow();
        assertThat(a.overdueTasksNow()).isEqualTo(1);
        assertThat(a.buckets()).extracting(Bucket::start).containsExactly(D1, D2);
        RepActivityReport.Activity day1 = a.buckets().get(0).activity();
        // emails: A 6 + B 4 (m205 is Bob's); calls 3, connected: CONNECTED + MEETING_BOOKED = 2; LinkedIn 1;
        // completed: 3 calls + LinkedIn + 3 replies = 7; skipped 1; meetings: call + API = 2;
        // answers to interested replies: 1800 s, 3600 s, 7200 s: median 3600 s
        assertThat(day1).isEqualTo(new RepActivityReport.Activity(10, 0, 10, 3, 2, 1, 7, 1, 3, 2, 3, 3600.0));
        // Tuesday, one weekday: calls 3 / 4 = 75 %, emails 10 / 20 = 50 %, LinkedIn 1 / 2 = 50 %, no task target
        assertThat(a.buckets().get(0).attainment()).isEqualTo(new RepActivityReport.Attainment(75.0, 50.0, 50.0, null));
        assertThat(a.buckets().get(1).activity().calls()).isZero();
        // both days, two weekdays: calls 3 / 8 = 37.5 %, emails 10 / 40 = 25 %, LinkedIn 1 / 4 = 25 %
        assertThat(a.total().attainment()).isEqualTo(new RepActivityReport.Attainment(37.5, 25.0, 25.0, null));

        Rep b = report.reps().stream().filter(r -> r.userId() == bob.id()).findFirst().orElseThrow();
        assertThat(b.total().activity().autoEmails()).isEqualTo(1);
        assertThat(b.target()).isNull();

        RepActivityReport weekly = reps.activity(new ReportPeriod(D1, D2), Granularity.WEEK, alice.id());
        assertThat(weekly.reps()).singleElement().satisfies(rep -> {
            assertThat(rep.buckets()).singleElement().satisfies(week -> {
                assertThat(week.start()).isEqualTo(D1);
                assertThat(week.end()).isEqualTo(D2);
                assertThat(week.weekdays()).isEqualTo(2);
                assertThat(week.activity().calls()).isEqualTo(3);
            });
        });
    }

    @Test
    void folding_again_without_new_events_changes_nothing() {
        Counts before = reports.report(f.sequence.id(), new ReportPeriod(D1, D2), null).metrics().counts();
        assertThat(rollups.foldNow().events()).isZero();
        assertThat(reports.report(f.sequence.id(), new ReportPeriod(D1, D2), null).metrics().counts()).isEqualTo(before);
    }

    private void callTask(Enrollment of, OutcomeCode outcome, Instant doneAt) {
        clock.set(at(DAY1, 9, 0));
        Task task = tasks.create(new NewTask(null, f.callStep, of.prospectId(), alice.id(), f.sequence.id(),
                TaskType.CALL, "Call", null, at(DAY1, 9, 0), null, null, null));
        doneTask(task, outcome, doneAt);
    }

    private Task task(TaskType type, Enrollment of, Long stepId, Instant createdAt) {
        clock.set(createdAt);
        return tasks.create(new NewTask(null, stepId, of == null ? null : of.prospectId(), alice.id(),
                of == null ? null : f.sequence.id(), type, "Task", null, createdAt, null, null, null));
    }

    private void doneTask(Task task, OutcomeCode outcome, Instant doneAt) {
        clock.set(doneAt);
        tasks.complete(task.id(), new TaskCompletion(outcome, null, null, null, null));
    }

    private long m(long number) {
        return base + number;
    }

    private static VariantReport variant(StepReport step, String label) {
        return step.variants().stream().filter(v -> label.equals(v.label())).findFirst().orElseThrow();
    }

    private static Rate rate(Metrics metrics, String name) {
        return metrics.rates().get(name);
    }

    private static Instant at(Instant day, int hour, int minute) {
        return day.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }
}
