package dev.relance.engine.report;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the rollup job with Quartz (JDBC store, clustered): one durable job, one repeating trigger. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relance.reports.enabled", havingValue = "true", matchIfMissing = true)
class ReportScheduling {

    @Bean
    JobDetail reportRollupJob() {
        return JobBuilder.newJob(RollupJob.class).withIdentity("report-rollup", "relance").storeDurably()
                .withDescription("Folds new events into the report rollups").build();
    }

    @Bean
    Trigger reportRollupTrigger(JobDetail reportRollupJob, ReportProperties properties) {
        return TriggerBuilder.newTrigger().forJob(reportRollupJob).withIdentity("report-rollup", "relance")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.rollupInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
