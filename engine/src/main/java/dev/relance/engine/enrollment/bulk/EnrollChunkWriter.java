package dev.relance.engine.enrollment.bulk;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.relance.engine.enrollment.ChunkEnrollment;
import dev.relance.engine.enrollment.ChunkEnrollment.Outcome;
import dev.relance.engine.enrollment.EnrollmentService;

/**
 * Enrolls a chunk under the enrollment rules and records each prospect's outcome, in the chunk's
 * transaction: both commit together or not at all, which is what makes a restart enroll each
 * prospect exactly once.
 *
 * <p>The job's target and its count of enrollments so far (where the mailbox pool's rotation goes
 * on) are read once per step execution, then kept: reading them per chunk costs a scan of the job's
 * items each time, quadratic over a large job. The count moves only when a chunk commits, so a
 * failed chunk leaves it right, and a restart (a new step execution) reads it again.
 */
class EnrollChunkWriter implements ItemWriter<Long> {

    private final EnrollmentJobRepository jobs;
    private final EnrollmentService enrollments;
    private final long jobId;
    private final int partition;
    private ChunkEnrollment target;
    private int enrolled;

    EnrollChunkWriter(EnrollmentJobRepository jobs, EnrollmentService enrollments, long jobId, int partition) {
        this.jobs = jobs;
        this.enrollments = enrollments;
        this.jobId = jobId;
        this.partition = partition;
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        if (target == null) {
            EnrollmentJobRepository.Stored job = jobs.find(jobId)
                    .orElseThrow(() -> new IllegalStateException("enrollment job " + jobId + " does not exist"));
            target = job.target();
            // partitions start one mailbox apart, so that together they keep the pool evenly used
            enrolled = job.enrolled() + partition;
        }
        List<Outcome> outcomes = enrollments.enrollChunk(target, List.copyOf(chunk.getItems()), enrolled);
        jobs.record(jobId, outcomes);
        int added = (int) outcomes.stream().filter(Outcome::enrolled).count();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enrolled += added;
            }
        });
    }
}
