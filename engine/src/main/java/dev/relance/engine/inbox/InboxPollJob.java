package dev.relance.engine.inbox;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job that reads one mailbox. Not concurrent: in the cluster, one node at a time reads a
 * given mailbox; the checkpoint in the database is where the next node starts.
 */
@DisallowConcurrentExecution
class InboxPollJob extends QuartzJobBean {

    static final String MAILBOX_ID = "mailboxId";

    private final InboxPoller poller;

    InboxPollJob(InboxPoller poller) {
        this.poller = poller;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        poller.poll(context.getMergedJobDataMap().getLong(MAILBOX_ID));
    }
}
