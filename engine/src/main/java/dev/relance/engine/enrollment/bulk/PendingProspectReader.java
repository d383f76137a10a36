package dev.relance.engine.enrollment.bulk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the prospects of one partition of a job (a range of prospect ids) whose outcome is not
 * recorded yet, by keyset pages. It needs no
 * saved position: on a restart the committed chunks have their outcomes, so they are not read again.
 */
class PendingProspectReader implements ItemReader<Long> {

    private final EnrollmentJobRepository jobs;
    private final long jobId;
    private final long upTo;
    private final int pageSize;
    private final Deque<Long> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    PendingProspectReader(EnrollmentJobRepository jobs, long jobId, long after, long upTo, int pageSize) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.after = after;
        this.upTo = upTo;
        this.pageSize = pageSize;
    }

    @Override
    public Long read() {
        if (page.isEmpty() && !exhausted) {
            List<Long> next = jobs.pending(jobId, after, upTo, pageSize);
            exhausted = next.isEmpty();
            if (!exhausted) {
                page.addAll(next);
                after = next.getLast();
            }
        }
        return page.poll();
    }
}
