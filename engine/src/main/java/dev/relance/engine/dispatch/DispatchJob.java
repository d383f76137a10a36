package dev.relance.engine.dispatch;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job that sends due steps. Not marked non-concurrent: while a long run drains a
 * backlog on one node, the next firings start on other nodes of the cluster, and SKIP LOCKED
 * claims keep them from ever taking the same step.
 */
class DispatchJob extends QuartzJobBean {

    private final Dispatcher dispatcher;
    private final InFlightRecovery recovery;

    DispatchJob(Dispatcher dispatcher, InFlightRecovery recovery) {
        this.dispatcher = dispatcher;
        this.recovery = recovery;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        recovery.recover();
        dispatcher.runDueWork();
    }
}
