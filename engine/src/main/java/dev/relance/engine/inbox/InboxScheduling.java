package dev.relance.engine.inbox;

import java.util.HashSet;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.relance.engine.mailbox.MailboxService;

/**
 * One Quartz job per mailbox polls its IMAP folders (JDBC store, clustered: each mailbox is read by
 * one node at a time, and the mailboxes spread over the nodes). A durable "inbox-jobs" job keeps the
 * set of poll jobs equal to the set of mailboxes with IMAP, so adding or disabling a mailbox needs
 * no restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relance.inbox.enabled", havingValue = "true", matchIfMissing = true)
class InboxScheduling {

    static final String GROUP = "relance-inbox";
    private static final Logger log = LoggerFactory.getLogger(InboxScheduling.class);

    @Bean
    JobDetail inboxJobsJob() {
        return JobBuilder.newJob(InboxJobsJob.class).withIdentity("inbox-jobs", "relance").storeDurably()
                .withDescription("Keeps one inbox poll job per mailbox with IMAP").build();
    }

    @Bean
    Trigger inboxJobsTrigger(JobDetail inboxJobsJob, InboxProperties properties) {
        return TriggerBuilder.newTrigger().forJob(inboxJobsJob).withIdentity("inbox-jobs", "relance")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.pollInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Adds the poll jobs of new mailboxes and removes those of mailboxes gone or disabled. */
    static void reconcile(Scheduler scheduler, MailboxService mailboxes, InboxProperties properties)
            throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (long mailboxId : mailboxes.idsWithImap()) {
            JobKey key = JobKey.jobKey("inbox-poll-" + mailboxId, GROUP);
            wanted.add(key);
            if (!scheduler.checkExists(key)) {
                JobDetail job = JobBuilder.newJob(InboxPollJob.class).withIdentity(key)
                        .usingJobData(InboxPollJob.MAILBOX_ID, mailboxId)
                        .withDescription("Reads the incoming mail of mailbox " + mailboxId).build();
                Trigger trigger = TriggerBuilder.newTrigger().forJob(job).withIdentity(key.getName(), GROUP)
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(properties.pollInterval().toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build();
                try {
                    scheduler.scheduleJob(job, trigger);
                    log.info("inbox polling scheduled for mailbox {}", mailboxId);
                } catch (org.quartz.ObjectAlreadyExistsException raced) {
                    // another node of the cluster created it first
                }
            }
        }
        for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(existing)) {
                scheduler.deleteJob(existing);
            }
        }
    }
}
