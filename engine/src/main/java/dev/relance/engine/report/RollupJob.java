package dev.relance.engine.report;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job that folds new events into the rollups. One at a time across the cluster
 * ({@link DisallowConcurrentExecution} on the clustered store); the fold also locks its watermark row,
 * so a fold started by hand meanwhile waits instead of double counting.
 */
@DisallowConcurrentExecution
class RollupJob extends QuartzJobBean {

    private final ReportRollups rollups;

    RollupJob(ReportRollups rollups) {
        this.rollups = rollups;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        rollups.foldNow();
    }
}
