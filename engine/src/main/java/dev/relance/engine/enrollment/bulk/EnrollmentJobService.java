package dev.relance.engine.enrollment.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.batch.BatchProperties;
import dev.relance.engine.batch.ResumableJobs;
import dev.relance.engine.enrollment.ChunkEnrollment;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.imports.ImportStatus;
import dev.relance.engine.prospect.ProspectCriteria;
import dev.relance.engine.prospect.SavedFilter;
import dev.relance.engine.prospect.SavedFilterService;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;

/**
 * Bulk enrollment as a Spring Batch job: {@link #create} checks and stores the request, {@link #run}
 * runs (or restarts) its job, {@link #runInBackground} does so on a virtual thread for the API.
 */
@Service
public class EnrollmentJobService implements ResumableJobs, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentJobService.class);

    private final EnrollmentJobRepository jobs;
    private final EnrollmentService enrollments;
    private final JobOperator operator;
    private final JobRepository batch;
    private final Job job;
    private final Clock clock;
    private final BatchProperties properties;
    private final ImportService imports;
    private final SavedFilterService savedFilters;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> backgroundRuns = new ConcurrentHashMap<>();

    EnrollmentJobService(EnrollmentJobRepository jobs, EnrollmentService enrollments, JobOperator operator,
            JobRepository batch, @Qualifier("bulkEnrollmentJob") Job job, BatchProperties properties,
            ImportService imports, SavedFilterService savedFilters, Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.savedFilters = savedFilters;
        this.jobs = jobs;
        this.enrollments = enrollments;
        this.operator = operator;
        this.batch = batch;
        this.job = job;
        this.clock = clock;
    }

    /**
     * Checks the request (sequence enrollable, mailboxes usable by the owner, one source) and stores
     * the job; nothing is enrolled until it runs.
     *
     * @param ownerId the enrollments' owner, already authorised by the caller
     * @param ownProspectsOnly an SDR's job: a filter selects only the owner's prospects, and listed
     *     prospects of other owners are skipped as not-owned
     */
    @Transactional
    public EnrollmentJob create(EnrollmentJobRequest request, long ownerId, Long createdBy, boolean ownProspectsOnly) {
        EnrollmentSource source = sourceOf(request, ownerId, createdBy, ownProspectsOnly);
        enrollments.checkEnrollable(request.sequenceId(), request.mailboxId(), request.mailboxPool(), ownerId);
        ChunkEnrollment target = new ChunkEnrollment(request.sequenceId(), request.mailboxId(), request.mailboxPool(),
                ownerId, createdBy, ownProspectsOnly);
        return get(jobs.insert(target, source, clock.instant()));
    }

    /**
     * Runs the job to its end in this thread: its first run, or a restart after a failure or a stop
     * (the prospects of the chunks that committed are not enrolled again). A completed job is not run again.
     */
    public EnrollmentJob run(long id) {
        get(id);
        if (running.putIfAbsent(id, Boolean.TRUE) != null) {
            LOG.info("enrollment job {} is already running here", id);
            return get(id);
        }
        Instant now = clock.instant();
        try {
            if (!jobs.claim(id, now, now.minus(properties.staleAfter()))) {
                LOG.info("enrollment job {} is running in another process", id);
                return get(id);
            }
            JobExecution last = batch.getLastJobExecution(BulkEnrollmentJobConfiguration.JOB_NAME, parameters(id));
            if (last != null && last.isRunning()) {
                // Left STARTED by a process that died (the claim says so): mark it failed so that Spring
                // Batch allows the restart.
                operator.recover(last);
            }
            operator.start(job, parameters(id));
        } catch (JobExecutionAlreadyRunningException e) {
            LOG.info("enrollment job {} is already running", id);
            return get(id);
        } catch (JobInstanceAlreadyCompleteException e) {
            LOG.info("enrollment job {} is already complete", id);
        } catch (Exception e) {
            jobs.markEnded(id, clock.instant());
            throw new IllegalStateException("enrollment job " + id + " could not start", e);
        } finally {
            running.remove(id);
        }
        jobs.markEnded(id, clock.instant());
        return get(id);
    }

    @Override
    public void beat(Instant now) {
        if (!running.isEmpty()) {
            jobs.beat(List.copyOf(running.keySet()), now);
        }
    }

    /** Runs again the jobs accepted or started by a process that died, after their last committed chunk. */
    @Override
    public List<Long> resumeAbandoned(Instant staleBefore) {
        List<Long> resumed = new ArrayList<>();
        for (long id : jobs.abandoned(staleBefore)) {
            if (!running.containsKey(id)) {
                LOG.info("Resuming enrollment job {} left unfinished by a stopped process", id);
                runInBackground(id);
                resumed.add(id);
            }
        }
        return resumed;
    }

    /** {@link #run} on a virtual thread; the job's progress is read with {@link #get}. */
    public void runInBackground(long id) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        backgroundRuns.put(id, done);
        background.execute(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.error("enrollment job {} failed", id, e);
            } finally {
                backgroundRuns.remove(id, done);
                done.complete(null);
            }
        });
    }

    /** Waits for the background run of a job, if one runs in this process; for tests and benchmarks. */
    public void awaitRun(long id, Duration timeout) throws Exception {
        CompletableFuture<Void> run = backgroundRuns.get(id);
        if (run != null) {
            run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks a running job to stop after its current chunk; {@link #run} restarts it. */
    public boolean stop(long id) {
        JobExecution last = batch.getLastJobExecution(BulkEnrollmentJobConfiguration.JOB_NAME, parameters(id));
        if (last == null || !last.isRunning()) {
            return false;
        }
        try {
            return operator.stop(last);
        } catch (Exception e) {
            return false;
        }
    }

    public EnrollmentJob get(long id) {
        EnrollmentJobRepository.Stored stored = jobs.find(id).orElseThrow(() -> new NotFoundException("enrollment job", id));
        JobExecution last = batch.getLastJobExecution(BulkEnrollmentJobConfiguration.JOB_NAME, parameters(id));
        String status = last == null ? "QUEUED" : last.getStatus().name();
        int read = stored.enrolled() + stored.skipped();
        int percentage = stored.total() == 0 ? (last != null && last.getStatus() == BatchStatus.COMPLETED ? 100 : 0)
                : (int) (100L * read / stored.total());
        return new EnrollmentJob(stored.id(), stored.target().sequenceId(), stored.target().ownerId(),
                stored.target().createdBy(), stored.createdAt(), status, stored.total(), read, stored.enrolled(),
                stored.skipped(), percentage);
    }

    /** Who the job skipped and why, by prospect id. */
    public List<SkippedProspect> skipped(long id) {
        get(id);
        return jobs.skipped(id);
    }

    /**
     * At shutdown, the jobs running here are interrupted and left resumable at once (RUNNING, no
     * heartbeat): a deploy must not end them for good.
     */
    @Override
    public void destroy() throws InterruptedException {
        List<Long> interrupted = List.copyOf(running.keySet());
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        if (!interrupted.isEmpty()) {
            jobs.release(interrupted);
        }
    }

    // An import is enrolled once it is complete, and an SDR enrolls from their own imports only.
    private long completedImport(long importId, Long createdBy, boolean ownProspectsOnly) {
        Import source = imports.get(importId);
        if (ownProspectsOnly && (source.createdBy() == null || !source.createdBy().equals(createdBy))) {
            throw new NotFoundException("import", importId);
        }
        if (source.status() != ImportStatus.COMPLETED) {
            throw new ConflictException("import-not-completed",
                    "import " + importId + " is " + source.status() + ": enroll its prospects once it is COMPLETED");
        }
        return importId;
    }

    private static JobParameters parameters(long id) {
        return new JobParametersBuilder().addLong(BulkEnrollmentJobConfiguration.JOB_ID, id).toJobParameters();
    }

    private EnrollmentSource sourceOf(EnrollmentJobRequest request, long ownerId, Long createdBy,
            boolean ownProspectsOnly) {
        boolean listed = request.prospectIds() != null && !request.prospectIds().isEmpty();
        long given = java.util.stream.Stream.of(listed ? request.prospectIds() : null, request.importId(),
                request.savedFilterId(), request.filter()).filter(java.util.Objects::nonNull).count();
        if (given != 1) {
            throw new InvalidInputException("prospectIds",
                    "give exactly one of importId, savedFilterId, prospectIds or a filter");
        }
        if (request.importId() != null) {
            return new EnrollmentSource.ByImport(completedImport(request.importId(), createdBy, ownProspectsOnly));
        }
        if (listed) {
            return new EnrollmentSource.ByList(request.prospectIds().stream().distinct().toList());
        }
        String field = request.filter() != null ? "filter" : "savedFilterId";
        ProspectCriteria criteria = request.filter() != null ? request.filter().checked(field)
                : savedCriteria(request.savedFilterId(), createdBy, ownProspectsOnly);
        if (ownProspectsOnly && criteria.ownerId() != null && criteria.ownerId() != ownerId) {
            throw new InvalidInputException(field + ".ownerId", "an SDR enrolls their own prospects only");
        }
        return new EnrollmentSource.ByFilter(ownProspectsOnly ? criteria.ownedBy(ownerId) : criteria);
    }

    // An SDR enrolls with their own saved filters only.
    private ProspectCriteria savedCriteria(long savedFilterId, Long createdBy, boolean ownProspectsOnly) {
        SavedFilter saved = savedFilters.get(savedFilterId);
        if (ownProspectsOnly && (createdBy == null || saved.ownerId() != createdBy)) {
            throw new NotFoundException("saved filter", savedFilterId);
        }
        return saved.criteria();
    }
}
