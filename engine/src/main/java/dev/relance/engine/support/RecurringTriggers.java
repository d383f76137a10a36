package dev.relance.engine.support;

import java.util.List;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies a changed interval of a recurring job (dispatch, inbox, report fold, job recovery) to the
 * trigger Quartz has stored. Clustering needs {@code spring.quartz.overwrite-existing-jobs=false}, so
 * Spring registers a trigger only when none is stored: without this, a new interval in the
 * configuration would never reach a database that already has the trigger.
 */
@Component
public class RecurringTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(RecurringTriggers.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<Trigger> triggers;

    RecurringTriggers(ObjectProvider<Scheduler> scheduler, ObjectProvider<Trigger> triggers) {
        this.scheduler = scheduler;
        this.triggers = triggers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredIntervals() throws SchedulerException {
        Scheduler quartz = scheduler.getIfAvailable();
        if (quartz != null) {
            reconcile(quartz, triggers.orderedStream().toList());
        }
    }

    /** Reschedules each stored simple trigger whose interval differs from the configured one. */
    public static void reconcile(Scheduler scheduler, List<Trigger> configured) throws SchedulerException {
        for (Trigger wanted : configured) {
            if (wanted instanceof SimpleTrigger simple && scheduler.getTrigger(wanted.getKey()) instanceof SimpleTrigger stored
                    && stored.getRepeatInterval() != simple.getRepeatInterval()) {
                LOG.info("Trigger {}: interval {} ms, was {} ms", wanted.getKey(), simple.getRepeatInterval(),
                        stored.getRepeatInterval());
                scheduler.rescheduleJob(wanted.getKey(), wanted);
            }
        }
    }
}
