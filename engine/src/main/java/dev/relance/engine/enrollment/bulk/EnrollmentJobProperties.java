package dev.relance.engine.enrollment.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk enrollment jobs.
 *
 * @param chunkSize prospects enrolled per transaction: each chunk checks its rules in a few
 *     queries, writes its enrollments in one statement and records its outcomes (default 5000); a
 *     restarted job resumes after the last chunk that committed
 * @param partitions how many chunks of a job are enrolled at once, each on its own thread and
 *     connection (default 1); the prospects are split by id, each partition rotating the mailbox pool
 *     on its own. Worth raising up to the cores PostgreSQL can give a large job.
 */
@ConfigurationProperties("relance.enrollment-jobs")
public record EnrollmentJobProperties(@DefaultValue("5000") int chunkSize, @DefaultValue("1") int partitions) {

    public EnrollmentJobProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("relance.enrollment-jobs.partitions must be at least 1");
        }
    }
}
