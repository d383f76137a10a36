package dev.relance.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.EngineTest;

/** A stored recurring trigger takes the interval of the configuration, as Spring alone would not. */
@EngineTest
class RecurringTriggersTest {

    /** Never fires in this test: the scheduler is on standby. */
    public static class Idle implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    @Autowired
    Scheduler scheduler;

    @Test
    void a_stored_trigger_with_another_interval_is_rescheduled_and_one_already_right_is_left_alone() throws Exception {
        scheduler.standby();
        JobDetail job = JobBuilder.newJob(Idle.class).withIdentity("recurring-test", "test").storeDurably().build();
        scheduler.addJob(job, true);
        scheduler.scheduleJob(every(job, "stale", 60_000));
        scheduler.scheduleJob(every(job, "right", 30_000));
        Trigger rightBefore = scheduler.getTrigger(every(job, "right", 30_000).getKey());

        RecurringTriggers.reconcile(scheduler, List.of(every(job, "stale", 5_000), every(job, "right", 30_000),
                every(job, "not-stored", 1_000)));

        assertThat(((SimpleTrigger) scheduler.getTrigger(every(job, "stale", 0).getKey())).getRepeatInterval())
                .isEqualTo(5_000);
        assertThat(scheduler.getTrigger(every(job, "right", 0).getKey()).getStartTime())
                .as("not rescheduled").isEqualTo(rightBefore.getStartTime());
        assertThat(scheduler.getTrigger(every(job, "not-stored", 0).getKey())).as("Spring registers new ones").isNull();
        scheduler.deleteJob(job.getKey());
    }

    private static Trigger every(JobDetail job, String name, long millis) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, "test")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(Math.max(millis, 1))
                        .repeatForever())
                .build();
    }
}
