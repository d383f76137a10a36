package dev.relance.engine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.EngineTest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.testing.Drafts;

/** One Quartz poll job per mailbox with IMAP, kept in step with the mailboxes. */
@EngineTest
class InboxSchedulingTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    InboxProperties properties;

    @Test
    void a_mailbox_with_imap_gets_its_own_poll_job_and_loses_it_when_disabled() throws Exception {
        MailboxDraft smtpOnly = Drafts.aMailbox(null);
        Mailbox withImap = mailboxes.create(new MailboxDraft(smtpOnly.emailAddress(), smtpOnly.displayName(), null, null,
                smtpOnly.smtp(), new ServerDraft("127.0.0.1", 1, TransportSecurity.NONE, "user", "secret"), null, null,
                null, null, "Europe/Paris", smtpOnly.postalAddress()));
        Mailbox withoutImap = mailboxes.create(Drafts.aMailbox(null));
        scheduler.standby(); // the test checks the schedule, not the polls it would run

        InboxScheduling.reconcile(scheduler, mailboxes, properties);
        InboxScheduling.reconcile(scheduler, mailboxes, properties); // a second node, or the next firing

        JobKey job = JobKey.jobKey("inbox-poll-" + withImap.id(), InboxScheduling.GROUP);
        assertThat(scheduler.checkExists(job)).isTrue();
        assertThat(scheduler.getTriggersOfJob(job)).hasSize(1)
                .allSatisfy(trigger -> assertThat(trigger.getKey()).isEqualTo(TriggerKey.triggerKey(job.getName(),
                        InboxScheduling.GROUP)));
        assertThat(scheduler.getJobDetail(job).getJobDataMap().getLong(InboxPollJob.MAILBOX_ID)).isEqualTo(withImap.id());
        assertThat(scheduler.checkExists(JobKey.jobKey("inbox-poll-" + withoutImap.id(), InboxScheduling.GROUP)))
                .isFalse();

        mailboxes.changeStatus(withImap.id(), MailboxStatus.DISABLED, "test");
        InboxScheduling.reconcile(scheduler, mailboxes, properties);

        assertThat(scheduler.checkExists(job)).isFalse();
    }
}
