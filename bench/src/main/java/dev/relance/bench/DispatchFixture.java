package dev.relance.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.enrollment.BulkEnrollmentRequest;
import dev.relance.engine.enrollment.BulkEnrollmentResult;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.ScheduleDraft;
import dev.relance.engine.sequence.SendWindow;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.TimeZonePolicy;
import dev.relance.engine.sequence.VariantDraft;
import dev.relance.engine.support.Timestamps;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/**
 * The rows the dispatch benchmark sends from, written through the engine's own services (so they
 * are exactly what the engine writes): one SDR, M mailboxes on the sink with caps out of the way,
 * a one-step cold email sequence open all week, and groups of prospects enrolled in it, prospect
 * {@code i} on mailbox {@code i % M}. Only {@code next_run_at} is then set by SQL, to make a whole
 * group due at once ({@link #makeDue}) or not yet ({@link #postpone}).
 */
final class DispatchFixture {

    static final String SUBJECT = "Quick question for {{ company | default: \"your team\" }}";
    /** About 100 words of plain text with a few variables, as an SDR writes a first touch. */
    static final String BODY = """
            Hi {{ first_name | default: "there" }},

            I noticed {{ company | default: "your team" }} is hiring SDRs{% if city %} in {{ city }}{% endif %}. Most \
            sales teams we talk to lose hours every week chasing replies by hand, and the follow-ups that matter slip \
            through the cracks while reps copy and paste between tabs.

            Relance sends each step from your own mailbox at the right time in each prospect's time zone, stops the \
            moment someone replies, and shows which sequences actually book meetings, so the team spends its time on \
            conversations instead of spreadsheets.

            Would a short call later this week make sense?

            {{ sender.first_name }}
            """;

    private static final String[] FIRST = {"Ann", "Bruno", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hugo"};
    private static final String[] CITY = {"Paris", "Lyon", "Boston", "Austin", "Berlin", "Montréal", null};
    private static final String[] ZONE = {"Europe/Paris", "America/New_York", "America/Chicago", "Europe/Berlin"};
    // The prospects of one company are 500 apart, so the setup threads never race to create one account.
    private static final int COMPANIES = 500;
    private static final int SETUP_THREADS = 8;
    private static final int MOST_PER_BULK_REQUEST = 1_000;

    // Every group's rows get the same instant, with a microsecond apart in round-robin order of their
    // mailboxes: the claim (ORDER BY next_run_at) then takes the mailboxes in turn, as due work from
    // many reps interleaves in real life, instead of one mailbox's thousand steps in a row.
    private static final String MAKE_DUE = """
            UPDATE enrollment e
               SET next_run_at = CAST(:dueBy AS timestamptz) - make_interval(secs => (:count - o.rank) / 1e6)
              FROM (SELECT id, (row_number() OVER (PARTITION BY mailbox_id ORDER BY id) - 1) * :mailboxes
                               + dense_rank() OVER (ORDER BY mailbox_id) - 1 AS rank
                      FROM enrollment WHERE id BETWEEN :first AND :last) o
             WHERE e.id = o.id
            """;

    private static final String POSTPONE = """
            UPDATE enrollment SET next_run_at = :at WHERE id BETWEEN :first AND :last
            """;

    // Setup leaves dead row versions and no statistics behind; a running system has neither.
    private static final String VACUUM = """
            VACUUM ANALYZE
            """;

    private static final String CHECKPOINT = """
            CHECKPOINT
            """;

    private final JdbcClient jdbc;
    private final ProspectService prospects;
    private final EnrollmentService enrollments;
    private final long ownerId;
    private final long sequenceId;
    private final List<Long> mailboxIds;
    private int prospectsMade;

    private DispatchFixture(ApplicationContext context, long ownerId, long sequenceId, List<Long> mailboxIds) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.prospects = context.getBean(ProspectService.class);
        this.enrollments = context.getBean(EnrollmentService.class);
        this.ownerId = ownerId;
        this.sequenceId = sequenceId;
        this.mailboxIds = mailboxIds;
    }

    /** The SDR, her {@code mailboxes} mailboxes on the sink at {@code smtpPort}, and the sequence. */
    static DispatchFixture create(ApplicationContext context, int smtpPort, int mailboxes) {
        long owner = context.getBean(UserService.class)
                .create(new UserDraft("bench", "bench@relance.example", "Sam Seller", Role.SDR, "a-long-password", true)).id();
        MailboxService mailboxService = context.getBean(MailboxService.class);
        List<Long> mailboxIds = new ArrayList<>();
        for (int m = 0; m < mailboxes; m++) {
            ServerDraft smtp = new ServerDraft("127.0.0.1", smtpPort, TransportSecurity.NONE, "sender" + m, "secret-" + m);
            mailboxIds.add(mailboxService.create(new MailboxDraft("sender" + m + "@relance.example", "Sam Seller",
                    null, owner, smtp, null, 10_000_000, 10_000_000, 0, 0, "UTC", "1 rue de la Paix, 75002 Paris")).id());
        }
        List<SendWindow> allWeek = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            allWeek.add(new SendWindow(day, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59)));
        }
        StepDraft firstTouch = new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES),
                ThreadMode.NEW_THREAD, null, List.of(new VariantDraft(null, "A", 1, SUBJECT, null, BODY)));
        long sequence = context.getBean(SequenceService.class).create(new SequenceDraft("Bench cold outreach", null,
                SequenceStatus.ACTIVE, owner, SequenceRules.defaults(),
                new ScheduleDraft(TimeZonePolicy.FIXED, "UTC", null, allWeek), List.of(firstTouch)), owner).id();
        return new DispatchFixture(context, owner, sequence, mailboxIds);
    }

    /** The ids of a group of enrolled prospects: consecutive, from {@code first} to {@code last}. */
    record Group(long first, long last, int count) {
    }

    /**
     * Creates {@code count} prospects and enrolls them (bulk enrollment, one request per mailbox);
     * the group is due right away until {@link #postpone}d or {@link #makeDue made due} at a chosen instant.
     */
    Group enroll(int count) throws InterruptedException {
        int from = prospectsMade;
        prospectsMade += count;
        List<Long> ids = inParallel(count, i -> prospects.create(prospect(from + i)).id());
        List<List<Long>> perMailbox = new ArrayList<>();
        mailboxIds.forEach(m -> perMailbox.add(new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            perMailbox.get((from + i) % mailboxIds.size()).add(ids.get(i));
        }
        List<Request> requests = new ArrayList<>();
        for (int m = 0; m < mailboxIds.size(); m++) {
            List<Long> all = perMailbox.get(m);
            for (int start = 0; start < all.size(); start += MOST_PER_BULK_REQUEST) {
                int end = Math.min(all.size(), start + MOST_PER_BULK_REQUEST);
                requests.add(new Request(mailboxIds.get(m), all.subList(start, end)));
            }
        }
        List<BulkEnrollmentResult> results = inParallel(requests.size(), r -> enrollments.enrollAll(
                new BulkEnrollmentRequest(sequenceId, requests.get(r).prospectIds(), requests.get(r).mailboxId(), null),
                ownerId, ownerId));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int enrolled = 0;
        for (BulkEnrollmentResult result : results) {
            if (!result.skipped().isEmpty()) {
                throw new IllegalStateException("enrollment refused: " + result.skipped().getFirst());
            }
            for (Enrollment e : result.enrolled()) {
                first = Math.min(first, e.id());
                last = Math.max(last, e.id());
                enrolled++;
            }
        }
        if (enrolled != count || last - first + 1 != count) {
            throw new IllegalStateException("expected " + count + " consecutive enrollments, got " + enrolled);
        }
        return new Group(first, last, count);
    }

    /** Makes every enrollment of the group due by {@code dueBy}, mailboxes interleaved. */
    void makeDue(Group group, Instant dueBy) {
        jdbc.sql(MAKE_DUE).param("dueBy", Timestamps.of(dueBy)).param("count", group.count())
                .param("mailboxes", mailboxIds.size()).param("first", group.first()).param("last", group.last()).update();
    }

    /** Keeps the group out of dispatch runs until {@code at}. */
    void postpone(Group group, Instant at) {
        jdbc.sql(POSTPONE).param("at", Timestamps.of(at)).param("first", group.first())
                .param("last", group.last()).update();
    }

    /** Fresh planner statistics and visibility maps, and no checkpoint owed: what a settled database has. */
    void settle() {
        jdbc.sql(VACUUM).update();
        jdbc.sql(CHECKPOINT).update();
    }

    int mailboxes() {
        return mailboxIds.size();
    }

    private ProspectDraft prospect(int n) {
        int company = n % COMPANIES;
        return new ProspectDraft("p" + n + "@company" + company + ".example", FIRST[n % FIRST.length] + n, "Doe" + n,
                n % 3 == 0 ? null : "Head of Sales", null, null, ZONE[n % ZONE.length], n % 4 == 0 ? "fr-FR" : "en-US",
                n % 4 == 0 ? "FR" : "US", CITY[n % CITY.length], Map.of(), ownerId, null, "Company " + company);
    }

    private record Request(long mailboxId, List<Long> prospectIds) {
    }

    /** Setup only (not measured): {@code count} calls on a few threads, results in index order. */
    private static <T> List<T> inParallel(int count, IntFunction<T> call) throws InterruptedException {
        try (ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS)) {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> call.apply(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup failed", e.getCause());
        }
    }
}
