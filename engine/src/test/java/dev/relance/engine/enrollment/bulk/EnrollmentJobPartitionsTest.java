package dev.relance.engine.enrollment.bulk;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;
import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.relance.engine.EngineTest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

@EngineTest
@TestPropertySource(properties = {"relance.enrollment-jobs.chunk-size=2", "relance.enrollment-jobs.partitions=2"})
class EnrollmentJobPartitionsTest {

    @Autowired
    EnrollmentJobService jobs;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void two_partitions_enroll_each_prospect_once_and_share_the_mailbox_pool_evenly() {
        User sdr = users.create(aUser(Role.SDR, "Sam"));
        Mailbox first = mailboxes.create(aMailbox(sdr.id()));
        Mailbox second = mailboxes.create(aMailbox(sdr.id()));
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(prospects.create(aProspect().ownedBy(sdr.id()).build()).id());
        }

        EnrollmentJob done = jobs.run(jobs.create(new EnrollmentJobRequest(sequence.id(), null,
                List.of(first.id(), second.id()), null, null, null, ids, null), sdr.id(), sdr.id(), true).id());

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.enrolled()).isEqualTo(10);
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT prospect_id) || '/' || count(*) FROM enrollment WHERE sequence_id = :s
                """).param("s", sequence.id()).query(String.class).single()).isEqualTo("10/10");
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE sequence_id = :s AND mailbox_id = :m")
                .param("s", sequence.id()).param("m", second.id()).query(Integer.class).single()).isEqualTo(5);
    }
}
