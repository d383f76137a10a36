package dev.relance.engine.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.testing.OpenTransactions;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

/**
 * What the rollup consistency tests start from: an A/B sequence ({@link ReportFixture}) with
 * enrollments of two owners, and transactions to hold open across the test's steps.
 */
abstract class TwoOwnersSequenceTestBase {

    @Autowired
    protected ReportRollups rollups;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private UserService users;
    @Autowired
    private MailboxService mailboxes;
    @Autowired
    private SequenceService sequences;
    @Autowired
    private ProspectService prospects;
    @Autowired
    private EnrollmentService enrollments;
    @Autowired
    private EventLog events;

    protected ReportFixture f;
    protected List<User> owners;
    protected List<Enrollment> enrolled;
    protected OpenTransactions transactions;

    /** Enrollments of each of the two owners. */
    protected abstract int enrollmentsPerOwner();

    @BeforeEach
    void aSequenceWithEnrollmentsOfTwoOwners() {
        f = new ReportFixture(users, mailboxes, sequences, prospects, enrollments, events, jdbc);
        owners = List.of(f.sdr("Ann"), f.sdr("Ben"));
        f.abSequence(owners.getFirst().id());
        enrolled = new ArrayList<>(f.enroll(owners.get(0), enrollmentsPerOwner()));
        enrolled.addAll(f.enroll(owners.get(1), enrollmentsPerOwner()));
        transactions = new OpenTransactions(dataSource);
    }

    @AfterEach
    void rollBackWhatIsStillOpen() throws SQLException {
        transactions.rollbackAll();
    }
}
