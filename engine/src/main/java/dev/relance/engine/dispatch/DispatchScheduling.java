package dev.relance.engine.dispatch;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the dispatch job with Quartz (JDBC store, clustered): one durable job and one repeating
 * trigger shared by every instance. No trigger per enrollment: the enrollment rows say what is due.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relance.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class DispatchScheduling {

    @Bean
    JobDetail dispatchJob() {
        return JobBuilder.newJob(DispatchJob.class).withIdentity("dispatch", "relance").storeDurably()
                .withDescription("Sends the steps that are due").build();
    }

    @Bean
    Trigger dispatchTrigger(JobDetail dispatchJob, DispatchProperties properties) {
        return TriggerBuilder.newTrigger().forJob(dispatchJob).withIdentity("dispatch", "relance")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.pollInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
