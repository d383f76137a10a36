package dev.relance.engine.batch;

import java.time.Clock;
import java.util.List;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The clustered Quartz job that resumes background jobs whose process died: one instance at a time
 * ({@link DisallowConcurrentExecution} on the clustered store), so two instances never resume the
 * same job.
 */
@DisallowConcurrentExecution
class ResumeAbandonedJobs extends QuartzJobBean {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeAbandonedJobs.class);

    private final List<ResumableJobs> jobs;
    private final BatchProperties properties;
    private final Clock clock;

    ResumeAbandonedJobs(List<ResumableJobs> jobs, BatchProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!properties.recoveryEnabled()) {
            // The trigger is stored in the cluster's tables: an instance that opted out may still draw it.
            return;
        }
        for (ResumableJobs kind : jobs) {
            try {
                kind.resumeAbandoned(clock.instant().minus(properties.staleAfter()));
            } catch (RuntimeException e) {
                LOG.warn("Resuming abandoned {} failed: {}", kind.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
