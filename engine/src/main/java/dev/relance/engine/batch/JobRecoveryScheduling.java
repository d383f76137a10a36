package dev.relance.engine.batch;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ResumeAbandonedJobs} with Quartz: one durable job whose trigger fires at startup, then every interval. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relance.batch.recovery-enabled", havingValue = "true", matchIfMissing = true)
class JobRecoveryScheduling {

    @Bean
    JobDetail resumeAbandonedJobsJob() {
        return JobBuilder.newJob(ResumeAbandonedJobs.class).withIdentity("resume-abandoned-jobs", "relance")
                .storeDurably().withDescription("Resumes imports and bulk enrollments whose process died").build();
    }

    @Bean
    Trigger resumeAbandonedJobsTrigger(JobDetail resumeAbandonedJobsJob, BatchProperties properties) {
        return TriggerBuilder.newTrigger().forJob(resumeAbandonedJobsJob).withIdentity("resume-abandoned-jobs", "relance")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.recoveryInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
