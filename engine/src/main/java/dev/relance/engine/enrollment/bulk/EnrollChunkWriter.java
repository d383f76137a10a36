package dev.relance.engine.enrollment.bulk;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.relance.engine.enrollment.ChunkEnrollment.Outcome;
import dev.relance.engine.enrollment.EnrollmentService;

/**
 * Enrolls a chunk under the enrollment rules and records each prospect's outcome, in the chunk's
 * transaction: both commit together or not at all, which is what makes a restart enroll each
 * prospect exactly once.
 */
class EnrollChunkWriter implements ItemWriter<Long> {

    private final EnrollmentJobRepository jobs;
    private final EnrollmentService enrollments;
    private final long jobId;

    EnrollChunkWriter(EnrollmentJobRepository jobs, EnrollmentService enrollments, long jobId) {
        this.jobs = jobs;
        this.enrollments = enrollments;
        this.jobId = jobId;
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        EnrollmentJobRepository.Stored job = jobs.find(jobId)
                .orElseThrow(() -> new IllegalStateException("enrollment job " + jobId + " does not exist"));
        List<Outcome> outcomes = enrollments.enrollChunk(job.target(), List.copyOf(chunk.getItems()),
                jobs.enrolledCount(jobId));
        jobs.record(jobId, outcomes);
    }
}
