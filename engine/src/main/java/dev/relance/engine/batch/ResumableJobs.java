package dev.relance.engine.batch;

import java.time.Instant;
import java.util.List;

/**
 * Background jobs that outlive a request (CSV imports, bulk enrollments) and must not be lost when
 * the process running them dies. Each run shows it is alive by a heartbeat on its row; a run whose
 * heartbeat is older than {@code relance.batch.stale-after} lost its process and is resumed, by
 * whichever instance's recovery job sees it first, after its last committed chunk.
 */
public interface ResumableJobs {

    /** Marks the runs of this process alive at {@code now}. */
    void beat(Instant now);

    /**
     * Resumes the runs whose heartbeat is older than {@code staleBefore} and that do not run here.
     *
     * @return the ids of the jobs resumed (each now runs in the background)
     */
    List<Long> resumeAbandoned(Instant staleBefore);
}
