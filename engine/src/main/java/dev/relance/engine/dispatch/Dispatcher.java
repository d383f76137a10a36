package dev.relance.engine.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.ProspectSignals;

/**
 * The engine's front door for sending: claims due enrollments in batches and runs their current
 * steps. The Quartz dispatch job calls {@link #runDueWork()} every few seconds; tests call it by
 * hand after moving the clock. Any number of instances may run it at once on one database.
 */
@Service
@EnableConfigurationProperties(DispatchProperties.class)
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final EnrollmentProgress progress;
    private final StepRunner runner;
    private final StepContexts contexts;
    private final DispatchProperties properties;
    private final ProspectSignals signals;

    Dispatcher(EnrollmentProgress progress, StepRunner runner, StepContexts contexts, DispatchProperties properties,
            ProspectSignals signals) {
        this.progress = progress;
        this.signals = signals;
        this.runner = runner;
        this.contexts = contexts;
        this.properties = properties;
    }

    /**
     * Runs everything due now, batch after batch, until nothing due is left to claim; first resumes
     * the enrollments whose out-of-office pause has ended.
     */
    public DispatchReport runDueWork() {
        signals.resumeEndedPauses();
        DispatchReport total = DispatchReport.empty();
        ContextLoader run = contexts.newRun();
        while (true) {
            List<ClaimedEnrollment> batch = progress.claimDue(properties.batchSize(), properties.lease());
            if (batch.isEmpty()) {
                return total;
            }
            run.prefetch(batch);
            total = total.plus(runBatch(batch, run));
        }
    }

    /**
     * Mailboxes are served side by side on virtual threads; the steps of one mailbox run chunk after
     * chunk, over its one SMTP connection and in its pacing order.
     */
    private DispatchReport runBatch(List<ClaimedEnrollment> batch, ContextLoader contexts) {
        Map<Long, List<ClaimedEnrollment>> byMailbox = new LinkedHashMap<>();
        batch.forEach(c -> byMailbox.computeIfAbsent(c.mailboxId(), id -> new ArrayList<>()).add(c));
        Semaphore slots = new Semaphore(properties.concurrency());
        Map<StepOutcome, Integer> outcomes = new EnumMap<>(StepOutcome.class);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map<StepOutcome, Integer>>> running = new ArrayList<>();
            for (List<ClaimedEnrollment> steps : byMailbox.values()) {
                running.add(threads.submit(() -> runMailbox(steps, contexts, slots)));
            }
            for (Future<Map<StepOutcome, Integer>> done : running) {
                done.get().forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("a dispatch worker failed; its claims expire and are retried", e.getCause());
        }
        return new DispatchReport(batch.size(), outcomes);
    }

    private Map<StepOutcome, Integer> runMailbox(List<ClaimedEnrollment> steps, ContextLoader contexts, Semaphore slots)
            throws InterruptedException {
        Map<StepOutcome, Integer> outcomes = new EnumMap<>(StepOutcome.class);
        slots.acquire();
        try {
            for (List<ClaimedEnrollment> chunk : chunks(steps, properties.chunkSize())) {
                runChunk(chunk, contexts).forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
            }
        } finally {
            slots.release();
        }
        return outcomes;
    }

    private List<StepOutcome> runChunk(List<ClaimedEnrollment> chunk, ContextLoader contexts) {
        List<StepOutcome> outcomes = new ArrayList<>(chunk.size());
        try {
            List<StepContext> loaded = new ArrayList<>(chunk.size());
            for (ClaimedEnrollment claimed : chunk) {
                contexts.load(claimed).ifPresentOrElse(loaded::add, () -> {
                    progress.needsAttention(claimed, "its current step or prospect no longer exists");
                    outcomes.add(StepOutcome.NEEDS_ATTENTION);
                });
            }
            outcomes.addAll(runner.runAll(loaded));
            return outcomes;
        } catch (RuntimeException e) {
            // The claims run out and the steps are tried again; SENDING messages are left to recovery.
            log.error("a chunk of {} steps of mailbox {} failed; they will be retried after their lease", chunk.size(),
                    chunk.getFirst().mailboxId(), e);
            return Collections.nCopies(chunk.size(), StepOutcome.LOST_RACE);
        }
    }

    /**
     * A mailbox's claimed steps in chunks of at most {@code size}, in claim order, with no prospect
     * twice in a chunk: the prospect's frequency cap of a later step then sees the earlier message.
     */
    static List<List<ClaimedEnrollment>> chunks(List<ClaimedEnrollment> steps, int size) {
        List<List<ClaimedEnrollment>> chunks = new ArrayList<>();
        List<ClaimedEnrollment> left = steps;
        while (!left.isEmpty()) {
            List<ClaimedEnrollment> chunk = new ArrayList<>();
            List<ClaimedEnrollment> later = new ArrayList<>();
            Set<Long> prospects = new HashSet<>();
            for (ClaimedEnrollment step : left) {
                if (chunk.size() < size && prospects.add(step.prospectId())) {
                    chunk.add(step);
                } else {
                    later.add(step);
                }
            }
            chunks.add(chunk);
            left = later;
        }
        return chunks;
    }
}
