package dev.relance.engine.imports;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Mirrors the job's life on the import row: RUNNING when it starts, COMPLETED or FAILED with a reason. */
@Component
class ImportJobListener implements JobExecutionListener {

    private final ImportRepository imports;
    private final Clock clock;

    ImportJobListener(ImportRepository imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        imports.started(importId(execution), execution.getId(), clock.instant());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long id = importId(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            imports.finished(id, ImportStatus.COMPLETED, null, clock.instant());
        } else {
            List<Throwable> failures = execution.getAllFailureExceptions();
            String reason = failures.isEmpty() ? "stopped (" + execution.getStatus() + ")" : rootMessage(failures.getFirst());
            imports.finished(id, ImportStatus.FAILED, reason, clock.instant());
        }
    }

    private static long importId(JobExecution execution) {
        return execution.getJobParameters().getLong("importId");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
