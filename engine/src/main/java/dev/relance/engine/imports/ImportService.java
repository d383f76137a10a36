package dev.relance.engine.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import dev.relance.engine.batch.BatchProperties;
import dev.relance.engine.batch.ResumableJobs;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Csv;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/**
 * CSV imports of prospects, run as restartable Spring Batch jobs in the background. The file is
 * streamed to the imports folder first; its header is checked before any job starts, so a file
 * without an email column is refused at once and a started import never fails because of a row.
 */
@Service
public class ImportService implements ResumableJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportRepository imports;
    private final ImportProperties properties;
    private final BatchProperties batch;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final Clock clock;
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("import-", 0).daemon().factory());
    private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();

    ImportService(ImportRepository imports, ImportProperties properties, BatchProperties batch, JobOperator jobOperator,
            JobRepository jobRepository, Job prospectImportJob, Clock clock) {
        this.imports = imports;
        this.properties = properties;
        this.batch = batch;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = prospectImportJob;
        this.clock = clock;
    }

    /**
     * Stores the file, checks its header and starts importing it in the background.
     *
     * @param content the file's bytes, read to its end (the caller limits its size)
     * @param ownerColumnAllowed whether an {@code owner} column may give prospects to other users
     * @throws InvalidInputException for an empty file, a file without header or email column, a bad mapping
     */
    public Import start(InputStream content, String fileName, ImportOptions options, long userId,
            boolean ownerColumnAllowed) {
        return start(file -> Files.copy(content, file), fileName, options, userId, ownerColumnAllowed);
    }

    /** Writes an upload to the file it is given, returning its size in bytes. */
    @FunctionalInterface
    public interface Upload {
        long storeAt(Path file) throws IOException;
    }

    /**
     * {@link #start(InputStream, String, ImportOptions, long, boolean)} for an upload that can store
     * itself, such as a multipart part already on disk that moves to the imports folder without a copy.
     */
    public Import start(Upload upload, String fileName, ImportOptions options, long userId, boolean ownerColumnAllowed) {
        Path file = properties.directory().resolve("import-" + UUID.randomUUID() + ".csv");
        try {
            Files.createDirectories(properties.directory());
            long size = upload.storeAt(file);
            if (size == 0) {
                throw new InvalidInputException("file", "is empty: a CSV file with a header line is expected");
            }
            FileFormat format = FileFormat.detect(file, charsetOf(options.encoding()), options.delimiter());
            List<String> headers = headersOf(file, format);
            ColumnMapping mapping = ColumnMapping.of(headers, options.mapping());
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("mapping", options.mapping() == null ? Map.of() : options.mapping());
            stored.put("duplicatePolicy", options.policy().name());
            stored.put("headers", headers);
            stored.put("targets", mapping.targets());
            stored.put("bomLength", format.bomLength());
            stored.put("ownerColumnAllowed", ownerColumnAllowed);
            long owner = options.ownerId() == null ? userId : options.ownerId();
            long id = imports.insert(fileName == null || fileName.isBlank() ? "upload.csv" : fileName,
                    file.toAbsolutePath().toString(), size, format, stored, owner, userId, clock.instant());
            launch(id, null);
            return get(id);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public Import get(long id) {
        return view(imports.findById(id).orElseThrow(() -> new NotFoundException("import", id)));
    }

    /** Imports newest first; only those created by {@code createdBy} when given. */
    public Page<Import> list(PageRequest page, Long createdBy) {
        return Page.of(imports.list(page, createdBy), page, ImportRepository.Row::id).map(this::view);
    }

    /**
     * Resumes an import after its last committed chunk: a FAILED one, or a RUNNING one whose process
     * died (no heartbeat for {@code relance.batch.stale-after}).
     */
    public Import restart(long id) {
        ImportRepository.Row row = imports.findById(id).orElseThrow(() -> new NotFoundException("import", id));
        if (row.status() == ImportStatus.COMPLETED) {
            throw new ConflictException("import-completed", "import " + id + " is already completed");
        }
        Instant now = clock.instant();
        if (running.containsKey(id) || !imports.claim(id, now, now.minus(batch.staleAfter()))) {
            throw new ConflictException("import-running", "import " + id + " is running");
        }
        launch(id, row.jobExecutionId());
        return get(id);
    }

    /** Writes the problem report as CSV: {@code line,column,value,problem,action}, by line. */
    public void writeProblems(long id, Writer out) throws IOException {
        imports.findById(id).orElseThrow(() -> new NotFoundException("import", id));
        out.write("line,column,value,problem,action\r\n");
        try {
            imports.forEachProblem(id, problem -> {
                try {
                    out.write(problem.line() + "," + Csv.cell(problem.column()) + "," + Csv.cell(problem.value())
                            + "," + Csv.cell(problem.problem()) + "," + problem.action().name() + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void beat(Instant now) {
        if (!running.isEmpty()) {
            imports.beat(List.copyOf(running.keySet()), now);
        }
    }

    /** Resumes imports left RUNNING by a process that died (no heartbeat since {@code staleBefore}). */
    @Override
    public List<Long> resumeAbandoned(Instant staleBefore) {
        List<Long> resumed = new ArrayList<>();
        for (long id : imports.stale(staleBefore)) {
            if (running.containsKey(id)) {
                continue;
            }
            log.info("Resuming import {} left running by a stopped process", id);
            try {
                restart(id);
                resumed.add(id);
            } catch (RuntimeException e) {
                log.warn("Import {} could not be resumed: {}", id, e.getMessage());
            }
        }
        return resumed;
    }

    /** Waits for the background run of an import, if one runs in this process; for tests and benchmarks. */
    public void awaitRun(long id, Duration timeout) throws Exception {
        Future<?> run = running.get(id);
        if (run != null) {
            run.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * At shutdown, the imports running here are interrupted and left resumable at once (RUNNING, no
     * heartbeat), not FAILED: a deploy must not end them for good.
     */
    @Override
    public void destroy() throws InterruptedException {
        List<Long> interrupted = List.copyOf(running.keySet());
        runner.shutdownNow();
        runner.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        if (!interrupted.isEmpty()) {
            imports.release(interrupted);
        }
    }

    private void launch(long id, Long previousExecutionId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(id, done);
        runner.execute(() -> {
            try {
                run(id, previousExecutionId);
            } catch (Exception e) {
                log.error("Import {} could not run", id, e);
                imports.finished(id, ImportStatus.FAILED, e.getMessage(), clock.instant());
            } finally {
                running.remove(id);
                done.complete(null);
            }
        });
    }

    private void run(long id, Long previousExecutionId) throws Exception {
        JobParameters parameters = new JobParametersBuilder().addLong("importId", id).toJobParameters();
        // A process that died before noting its execution on the import still left it in Batch's tables.
        JobExecution previous = previousExecutionId != null ? jobRepository.getJobExecution(previousExecutionId)
                : jobRepository.getLastJobExecution(job.getName(), parameters);
        if (previous == null) {
            jobOperator.start(job, parameters);
            return;
        }
        if (previous.isRunning()) {
            // Left STARTED by a process that died: mark it failed so that Spring Batch allows the restart.
            previous = jobOperator.recover(previous);
        }
        jobOperator.restart(previous);
    }

    private Import view(ImportRepository.Row row) {
        double percentage = row.status() == ImportStatus.COMPLETED || row.fileSize() == 0 ? 100.0
                : Math.min(99.9, Math.round(1000.0 * row.bytesRead() / row.fileSize()) / 10.0);
        Instant eta = null;
        if (row.status() == ImportStatus.RUNNING && row.startedAt() != null && row.bytesRead() > 0) {
            long elapsed = Duration.between(row.startedAt(), clock.instant()).toMillis();
            long remaining = (long) (elapsed * (double) (row.fileSize() - row.bytesRead()) / row.bytesRead());
            eta = clock.instant().plusMillis(Math.max(0, remaining));
        }
        return new Import(row.id(), row.status(), row.fileName(), row.fileSize(), row.charset(), row.delimiter(),
                row.policy(), row.ownerId(), row.createdBy(), row.bytesRead(), row.rowsRead(), row.created(),
                row.updated(), row.unchanged(), row.skipped(), row.failed(), row.suppressed(), percentage, eta,
                row.failureReason(), row.createdAt(), row.startedAt(), row.finishedAt(), columns(row));
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(ImportRepository.Row row) {
        List<String> headers = (List<String>) row.options().getOrDefault("headers", List.of());
        List<String> targets = (List<String>) row.options().getOrDefault("targets", List.of());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(headers.get(i) + " -> " + (i < targets.size() && targets.get(i) != null ? targets.get(i) : "(ignored)"));
        }
        return columns;
    }

    @SuppressWarnings("unchecked")
    static ColumnMapping mappingOf(ImportRepository.Row row) {
        return new ColumnMapping((List<String>) row.options().get("headers"), (List<String>) row.options().get("targets"));
    }

    private static List<String> headersOf(Path file, FileFormat format) throws IOException {
        try (CsvReader csv = new CsvReader(format.reader(Files.newInputStream(file)), format.delimiter())) {
            List<String> headers = csv.next();
            if (headers == null || headers.stream().allMatch(String::isBlank)) {
                throw new InvalidInputException("file", "has no header line");
            }
            return headers.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        } catch (CsvReader.UnterminatedQuoteException e) {
            throw new InvalidInputException("file", "header line: " + e.getMessage());
        }
    }

    private static Charset charsetOf(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("encoding", "is not a known charset such as UTF-8 or windows-1252");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
