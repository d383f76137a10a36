package dev.relance.engine.dispatch;

import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

/**
 * What every dispatch test needs: a GreenMail server (SMTP and IMAP), the engine's services, a
 * fresh SDR, and no other enrollment due (test classes of one context share its database).
 */
public abstract class DispatchTestBase {

    private static final String WAITING_FOR_A_LOCK = """
            SELECT count(*) FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND datname = current_database() AND query NOT ILIKE '%qrtz%'
            """;

    @RegisterExtension
    protected static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("sam@relance.test", Cadences.GREENMAIL_LOGIN, Cadences.GREENMAIL_PASSWORD))
            .withPerMethodLifecycle(false);

    @Autowired
    protected Dispatcher dispatcher;
    @Autowired
    protected EnrollmentService enrollments;
    @Autowired
    protected SequenceService sequences;
    @Autowired
    protected ProspectService prospects;
    @Autowired
    protected MailboxService mailboxes;
    @Autowired
    protected UserService users;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;

    protected User sdr;

    @BeforeEach
    void anSdrAndNothingElseDue() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        jdbc.sql("UPDATE enrollment SET state = 'STOPPED' WHERE state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK')").update();
        sdr = users.create(aUser(Role.SDR, "Sam Seller"));
    }

    /** A mailbox of the SDR sending through GreenMail. */
    protected Mailbox mailbox(int dailyCap, int hourlyCap, int spacingSeconds, boolean withImap) {
        return mailboxes.create(Cadences.greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(),
                withImap ? greenMail.getImap().getPort() : null, dailyCap, hourlyCap, spacingSeconds));
    }

    /** A prospect of the SDR in Paris, named Pat unless told otherwise. */
    protected Prospect prospect(String email) {
        return prospect(email, "Pat", "Europe/Paris");
    }

    protected Prospect prospect(String email, String firstName, String zone) {
        return prospects.create(new ProspectDraft(email, firstName, null, null, null, null, zone, "fr-FR", "FR", null,
                Map.of(), sdr.id(), null, null));
    }

    protected Enrollment enroll(Sequence sequence, Prospect prospect, Mailbox from) {
        return enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), from.id(), null), sdr.id(), sdr.id());
    }

    /**
     * Waits until a statement of this test's database waits for a row lock: the change a test makes
     * while an email is held in flight. Quartz's own lock table is left out (a second engine
     * instance of another test may still be running against this database).
     */
    protected void awaitAChangeWaitingForALock(String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql(WAITING_FOR_A_LOCK).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    protected String messageState(Enrollment enrollment) {
        return jdbc.sql("SELECT state FROM message WHERE enrollment_id = :e").param("e", enrollment.id())
                .query(String.class).single();
    }
}
