package dev.relance.engine.enrollment.bulk;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;
import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.relance.engine.EngineTest;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportOptions;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectCriteria;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

@EngineTest
@TestPropertySource(properties = "relance.enrollment-jobs.chunk-size=3")
class EnrollmentJobTest {

    @Autowired
    EnrollmentJobService jobs;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    SuppressionService suppressions;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcClient jdbc;

    User sdr;
    Mailbox mailbox;
    Sequence sequence;
    String segment;

    @BeforeEach
    void anSdrWithAMailboxAndASequence() {
        clock.set(TestClockConfiguration.START);
        sdr = anSdr();
        mailbox = mailboxes.create(aMailbox(sdr.id()));
        sequence = sequences.create(aSequence().build(), sdr.id());
        segment = "fintech-" + System.nanoTime();
    }

    @Test
    void a_filter_job_enrolls_the_eligible_and_reports_each_skipped_prospect_with_its_reason() {
        List<Prospect> matching = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            matching.add(prospects.create(aProspect().ownedBy(sdr.id()).withCustomFields(Map.of("segment", segment)).build()));
        }
        prospects.create(aProspect().ownedBy(sdr.id()).withCustomFields(Map.of("segment", "retail")).build());
        prospects.create(aProspect().ownedBy(anSdr().id()).withCustomFields(Map.of("segment", segment)).build());
        enrollments.enroll(new EnrollmentRequest(sequence.id(), matching.get(0).id(), mailbox.id(), null), sdr.id(), sdr.id());
        enrollments.enroll(new EnrollmentRequest(sequence.id(), matching.get(1).id(), mailbox.id(), null), sdr.id(), sdr.id());
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, matching.get(2).email(), SuppressionReason.MANUAL,
                null), sdr.id());
        suppressions.create(new SuppressionDraft(SuppressionKind.DOMAIN, matching.get(3).email().split("@")[1],
                SuppressionReason.COMPLAINT, null), sdr.id());
        Sequence exclusive = sequences.create(aSequence().exclusive().build(), sdr.id());
        enrollments.enroll(new EnrollmentRequest(exclusive.id(), matching.get(4).id(), mailbox.id(), null), sdr.id(), sdr.id());

        EnrollmentJob created = jobs.create(new EnrollmentJobRequest(sequence.id(), mailbox.id(), null, null, null, null, null,
                new ProspectCriteria(null, null, "segment", segment, null, null)), sdr.id(), sdr.id(), true);
        assertThat(created.status()).isEqualTo("QUEUED");
        EnrollmentJob done = jobs.run(created.id());

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.total()).isEqualTo(10);
        assertThat(done.read()).isEqualTo(10);
        assertThat(done.enrolled()).isEqualTo(5);
        assertThat(done.skipped()).isEqualTo(5);
        assertThat(done.percentage()).isEqualTo(100);
        assertThat(jobs.skipped(created.id())).extracting(SkippedProspect::prospectId, SkippedProspect::code).containsExactly(
                tuple(matching.get(0).id(), "already-enrolled"), tuple(matching.get(1).id(), "already-enrolled"),
                tuple(matching.get(2).id(), "suppressed"), tuple(matching.get(3).id(), "suppressed"),
                tuple(matching.get(4).id(), "exclusive"));
        assertThat(liveEnrollmentsIn(sequence)).isEqualTo(7);
    }

    @Test
    void a_job_interrupted_after_two_chunks_and_restarted_enrolls_each_prospect_exactly_once() {
        Mailbox second = mailboxes.create(aMailbox(sdr.id()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(prospects.create(aProspect().ownedBy(sdr.id()).build()).id());
        }
        // The third chunk (prospects 7 to 9, chunks of 3) fails: its enrollments and outcomes roll back.
        jdbc.sql("CREATE TABLE test_interrupt (prospect_id bigint)").update();
        jdbc.sql("INSERT INTO test_interrupt VALUES (:id)").param("id", ids.get(7)).update();
        jdbc.sql("""
                CREATE FUNCTION test_interrupt() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_interrupt t WHERE t.prospect_id = NEW.prospect_id) THEN
                        RAISE EXCEPTION 'interrupted by the test';
                    END IF;
                    RETURN NEW;
                END $$
                """).update();
        jdbc.sql("CREATE TRIGGER test_interrupt BEFORE INSERT ON enrollment FOR EACH ROW EXECUTE FUNCTION test_interrupt()")
                .update();
        EnrollmentJob created = jobs.create(new EnrollmentJobRequest(sequence.id(), null, List.of(mailbox.id(), second.id()),
                null, null, null, ids, null), sdr.id(), sdr.id(), true);

        EnrollmentJob interrupted = jobs.run(created.id());

        assertThat(interrupted.status()).isEqualTo("FAILED");
        assertThat(interrupted.enrolled()).isEqualTo(6);
        assertThat(interrupted.percentage()).isEqualTo(60);
        assertThat(liveEnrollmentsIn(sequence)).isEqualTo(6);

        jdbc.sql("DROP TRIGGER test_interrupt ON enrollment").update();
        EnrollmentJob restarted = jobs.run(created.id());

        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.enrolled()).isEqualTo(10);
        assertThat(restarted.skipped()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT prospect_id) || '/' || count(*) FROM enrollment WHERE sequence_id = :s
                """).param("s", sequence.id()).query(String.class).single()).isEqualTo("10/10");
        // the pool's rotation went on where the first run stopped
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE sequence_id = :s AND mailbox_id = :m")
                .param("s", sequence.id()).param("m", second.id()).query(Integer.class).single()).isEqualTo(5);
        assertThat(jobs.run(created.id()).enrolled()).as("a completed job does not run again").isEqualTo(10);
    }

    @Test
    void jobs_left_unfinished_by_a_dead_process_are_resumed_once_their_heartbeat_is_stale_and_live_ones_are_left_alone()
            throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(prospects.create(aProspect().ownedBy(sdr.id()).build()).id());
        }
        EnrollmentJob crashed = jobs.create(new EnrollmentJobRequest(sequence.id(), mailbox.id(), null, null, null, null,
                ids.subList(0, 7), null), sdr.id(), sdr.id(), true);
        EnrollmentJob neverStarted = jobs.create(new EnrollmentJobRequest(sequence.id(), mailbox.id(), null, null, null, null,
                ids.subList(7, 10), null), sdr.id(), sdr.id(), true);
        interruptAfterTwoChunks(crashed.id());
        // What a killed process leaves behind: the job RUNNING with its last heartbeat, its Batch execution STARTED.
        jdbc.sql("UPDATE enrollment_job SET run_state = 'RUNNING', heartbeat_at = :now WHERE id = :id")
                .param("id", crashed.id()).param("now", java.sql.Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                UPDATE batch_job_execution e SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL
                  FROM batch_job_execution_params p
                 WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'enrollmentJobId'
                   AND p.parameter_value = :id
                """).param("id", String.valueOf(crashed.id())).update();
        assertThat(jobs.get(crashed.id()).status()).isEqualTo("STARTED");

        assertThat(jobs.resumeAbandoned(clock.instant().minus(Duration.ofMinutes(2)))).as("not stale yet: left alone")
                .doesNotContain(crashed.id(), neverStarted.id());
        assertThat(jobs.get(crashed.id()).enrolled()).isEqualTo(6);
        assertThat(jobs.get(neverStarted.id()).status()).isEqualTo("QUEUED");

        clock.advance(Duration.ofMinutes(3));
        assertThat(jobs.resumeAbandoned(clock.instant().minus(Duration.ofMinutes(2))))
                .contains(crashed.id(), neverStarted.id());
        jobs.awaitRun(crashed.id(), Duration.ofMinutes(1));
        jobs.awaitRun(neverStarted.id(), Duration.ofMinutes(1));

        assertThat(jobs.get(crashed.id())).satisfies(job -> {
            assertThat(job.status()).isEqualTo("COMPLETED");
            assertThat(job.enrolled()).isEqualTo(7);
        });
        assertThat(jobs.get(neverStarted.id())).satisfies(job -> {
            assertThat(job.status()).isEqualTo("COMPLETED");
            assertThat(job.enrolled()).isEqualTo(3);
        });
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT prospect_id) || '/' || count(*) FROM enrollment WHERE sequence_id = :s
                """).param("s", sequence.id()).query(String.class).single()).isEqualTo("10/10");
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment_job WHERE id IN (:a, :b) AND run_state = 'ENDED'")
                .param("a", crashed.id()).param("b", neverStarted.id()).query(Integer.class).single()).isEqualTo(2);
    }

    // Runs the job with its third chunk failing, so that two chunks (six prospects) commit.
    private void interruptAfterTwoChunks(long jobId) {
        jdbc.sql("CREATE TABLE test_interrupt_resume (n int)").update();
        jdbc.sql("""
                CREATE FUNCTION test_interrupt_resume() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE test_interrupt_resume SET n = n + 1;
                    IF (SELECT n FROM test_interrupt_resume) > 6 THEN
                        RAISE EXCEPTION 'interrupted by the test';
                    END IF;
                    RETURN NEW;
                END $$
                """).update();
        jdbc.sql("INSERT INTO test_interrupt_resume VALUES (0)").update();
        jdbc.sql("""
                CREATE TRIGGER test_interrupt_resume BEFORE INSERT ON enrollment FOR EACH ROW
                EXECUTE FUNCTION test_interrupt_resume()
                """).update();
        try {
            assertThat(jobs.run(jobId).enrolled()).isEqualTo(6);
        } finally {
            jdbc.sql("DROP TRIGGER test_interrupt_resume ON enrollment").update();
            jdbc.sql("DROP FUNCTION test_interrupt_resume()").update();
            jdbc.sql("DROP TABLE test_interrupt_resume").update();
        }
    }


    @Test
    void an_import_job_enrolls_every_prospect_the_imports_valid_rows_landed_on_and_only_its_creator_may_use_it()
            throws Exception {
        Prospect existing = prospects.create(aProspect().ownedBy(sdr.id()).build());
        Prospect notInTheFile = prospects.create(aProspect().ownedBy(sdr.id()).build());
        String domain = segment + ".example";
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "blocked@" + domain, SuppressionReason.MANUAL,
                null), sdr.id());
        String csv = "email,first name\n" + "ann@" + domain + ",Ann\n" + "not an email,Bad\n" + existing.email() + ",\n"
                + "blocked@" + domain + ",Blocked\n" + "bob@" + domain + ",Bob\n";
        Import imported = imports.start(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "list.csv", new ImportOptions(null, null, null, null, null), sdr.id(), false);
        imports.awaitRun(imported.id(), Duration.ofMinutes(1));

        EnrollmentJob done = jobs.run(jobs.create(new EnrollmentJobRequest(sequence.id(), mailbox.id(), null, null,
                imported.id(), null, null, null), sdr.id(), sdr.id(), true).id());

        assertThat(done.total()).as("four valid rows, one invalid").isEqualTo(4);
        assertThat(done.enrolled()).isEqualTo(3);
        assertThat(jobs.skipped(done.id())).extracting(SkippedProspect::email, SkippedProspect::code)
                .containsExactly(tuple("blocked@" + domain, "suppressed"));
        assertThat(jdbc.sql("SELECT p.email FROM enrollment e JOIN prospect p ON p.id = e.prospect_id WHERE e.sequence_id = :s")
                .param("s", sequence.id()).query(String.class).list())
                .containsExactlyInAnyOrder("ann@" + domain, "bob@" + domain, existing.email())
                .doesNotContain(notInTheFile.email());
        User other = anSdr();
        Sequence theirs = sequences.create(aSequence().build(), other.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.create(new EnrollmentJobRequest(theirs.id(),
                mailboxes.create(aMailbox(other.id())).id(), null, null, imported.id(), null, null, null), other.id(), other.id(), true))
                .isInstanceOf(dev.relance.engine.support.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.create(new EnrollmentJobRequest(sequence.id(),
                mailbox.id(), null, null, imported.id(), null, List.of(existing.id()), null), sdr.id(), sdr.id(), true))
                .hasMessageContaining("exactly one of");
    }

    @Test
    void an_sdrs_list_job_skips_prospects_of_other_owners() {
        Prospect mine = prospects.create(aProspect().ownedBy(sdr.id()).build());
        Prospect theirs = prospects.create(aProspect().ownedBy(anSdr().id()).build());

        EnrollmentJob done = jobs.run(jobs.create(new EnrollmentJobRequest(sequence.id(), null, null, null, null, null,
                List.of(mine.id(), theirs.id(), 999_999L), null), sdr.id(), sdr.id(), true).id());

        assertThat(done.enrolled()).isEqualTo(1);
        assertThat(jobs.skipped(done.id())).extracting(SkippedProspect::code).containsExactly("not-owned", "not-found");
    }

    private int liveEnrollmentsIn(Sequence s) {
        return jdbc.sql("SELECT count(*) FROM enrollment WHERE sequence_id = :s AND state = 'ACTIVE'")
                .param("s", s.id()).query(Integer.class).single();
    }

    private User anSdr() {
        return users.create(aUser(Role.SDR, "Sam"));
    }
}
