package dev.relance.engine.enrollment.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.relance.engine.enrollment.EnrollmentService;

/**
 * The bulk enrollment job: a tasklet takes the selection once ({@code select}), then chunked
 * steps enroll it ({@code enroll}, one worker step per partition of the selection). One job instance per enrollment job, identified by the
 * {@value #JOB_ID} parameter, so that starting it again after a failure or a stop restarts it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrollmentJobProperties.class)
class BulkEnrollmentJobConfiguration {

    static final String JOB_NAME = "bulkEnrollment";
    static final String JOB_ID = "enrollmentJobId";
    static final String PARTITION = "partition";
    static final String AFTER = "afterProspectId";
    static final String UP_TO = "upToProspectId";

    @Bean
    Job bulkEnrollmentJob(JobRepository repository, Step bulkEnrollmentSelect, Step bulkEnrollmentEnroll) {
        return new JobBuilder(JOB_NAME, repository).start(bulkEnrollmentSelect).next(bulkEnrollmentEnroll).build();
    }

    @Bean
    Step bulkEnrollmentSelect(JobRepository repository, PlatformTransactionManager transactions,
            EnrollmentJobRepository jobs) {
        return new StepBuilder("bulkEnrollmentSelect", repository).tasklet((contribution, context) -> {
            long jobId = ((Number) context.getStepContext().getJobParameters().get(JOB_ID)).longValue();
            EnrollmentJobRepository.Stored job = jobs.find(jobId)
                    .orElseThrow(() -> new IllegalStateException("enrollment job " + jobId + " does not exist"));
            jobs.select(jobId, job.source());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    // Each partition is a chunked step of its own, on its own connection, so that PostgreSQL can use
    // more than one core.
    @Bean
    Step bulkEnrollmentEnroll(JobRepository repository, Step bulkEnrollmentWorker, Partitioner bulkEnrollmentPartitioner,
            EnrollmentJobProperties properties) {
        SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("bulk-enrollment-");
        workers.setConcurrencyLimit(properties.partitions());
        return new StepBuilder("bulkEnrollmentEnroll", repository).partitioner("bulkEnrollmentWorker", bulkEnrollmentPartitioner)
                .step(bulkEnrollmentWorker).gridSize(properties.partitions()).taskExecutor(workers).build();
    }

    // Contiguous ranges of prospect ids, of about as many prospects each: a partition's reader then
    // never walks over another's entries. A restart reuses the ranges saved with the partitions.
    @Bean
    @JobScope
    Partitioner bulkEnrollmentPartitioner(EnrollmentJobRepository jobs,
            @Value("#{jobParameters['" + JOB_ID + "']}") Long jobId) {
        return gridSize -> {
            List<Long> bounds = jobs.partitionBounds(jobId, gridSize);
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int i = 0; i < gridSize; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(PARTITION, i);
                context.putLong(AFTER, i == 0 ? Long.MIN_VALUE : bounds.get(i - 1));
                context.putLong(UP_TO, i == gridSize - 1 ? Long.MAX_VALUE : bounds.get(i));
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }

    @Bean
    Step bulkEnrollmentWorker(JobRepository repository, PlatformTransactionManager transactions,
            PendingProspectReader bulkEnrollmentReader, EnrollChunkWriter bulkEnrollmentWriter,
            EnrollmentJobProperties properties) {
        return new StepBuilder("bulkEnrollmentWorker", repository).<Long, Long>chunk(properties.chunkSize())
                .reader(bulkEnrollmentReader).writer(bulkEnrollmentWriter).transactionManager(transactions).build();
    }

    @Bean
    @StepScope
    PendingProspectReader bulkEnrollmentReader(EnrollmentJobRepository jobs, EnrollmentJobProperties properties,
            @Value("#{jobParameters['" + JOB_ID + "']}") Long jobId,
            @Value("#{stepExecutionContext['" + AFTER + "']}") Long after,
            @Value("#{stepExecutionContext['" + UP_TO + "']}") Long upTo) {
        return new PendingProspectReader(jobs, jobId, after, upTo, properties.chunkSize());
    }

    @Bean
    @StepScope
    EnrollChunkWriter bulkEnrollmentWriter(EnrollmentJobRepository jobs, EnrollmentService enrollments,
            @Value("#{jobParameters['" + JOB_ID + "']}") Long jobId,
            @Value("#{stepExecutionContext['" + PARTITION + "']}") Integer partition) {
        return new EnrollChunkWriter(jobs, enrollments, jobId, partition);
    }
}
