package dev.relance.engine.enrollment.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk enrollment jobs.
 *
 * @param chunkSize prospects enrolled per transaction: each chunk checks its rules in a few
 *     queries, writes its enrollments in one statement and records its outcomes (default 5000); a
 *     restarted job resumes after the last chunk that committed
 */
@ConfigurationProperties("relance.enrollment-jobs")
public record EnrollmentJobProperties(@DefaultValue("5000") int chunkSize) {
}
