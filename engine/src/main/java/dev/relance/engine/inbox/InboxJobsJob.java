package dev.relance.engine.inbox;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

import dev.relance.engine.mailbox.MailboxService;

/** The Quartz job that keeps one poll job per mailbox with IMAP. */
@DisallowConcurrentExecution
class InboxJobsJob extends QuartzJobBean {

    private final MailboxService mailboxes;
    private final InboxProperties properties;

    InboxJobsJob(MailboxService mailboxes, InboxProperties properties) {
        this.mailboxes = mailboxes;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        try {
            InboxScheduling.reconcile(context.getScheduler(), mailboxes, properties);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }
}
