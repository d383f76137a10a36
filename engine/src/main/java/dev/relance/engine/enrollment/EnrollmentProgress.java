package dev.relance.engine.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.task.TaskService;

/**
 * How the dispatcher moves enrollments along: claim what is due, then release it for later,
 * advance it past a step, or end it. Every change checks the claim or the state it expects, so that
 * a concurrent pause, stop or second dispatcher makes it a no-op ({@code false}) instead of an
 * overwrite.
 */
@Service
public class EnrollmentProgress {

    private final ProgressRepository progress;
    private final TaskService tasks;
    private final Clock clock;

    EnrollmentProgress(ProgressRepository progress, TaskService tasks, Clock clock) {
        this.progress = progress;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due enrollments of active sequences and mailboxes, for {@code lease}. */
    @Transactional
    public List<ClaimedEnrollment> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return progress.claimDue(limit, now, now.plus(lease));
    }

    /**
     * In the caller's (sending) transaction: true when the claim still holds and the enrollment,
     * its sequence and its mailbox are active; from then on a pause waits for this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockForSend(ClaimedEnrollment claimed) {
        return progress.lockForSend(claimed);
    }

    /**
     * {@link #lockForSend} for a chunk of claimed enrollments at once: the ids whose claim still
     * holds and whose enrollment, sequence and mailbox are active, locked until the caller commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> lockAllForSend(List<ClaimedEnrollment> claimed) {
        return claimed.isEmpty() ? Set.of() : progress.lockAllForSend(claimed);
    }

    /**
     * In a transaction that holds send locks: the transactions (a pause, or any other writer) waiting
     * for one of them. A sender checks before each email of a chunk, so that a pause waits for the
     * email in flight, not for the whole chunk.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LockWaiter> waitersForOurLocks() {
        return progress.waitersForOurLocks();
    }

    /**
     * After a sender committed for the waiters it saw, lets them finish before it locks again, up to
     * {@code patience}. Without this, its next lock could come first: PostgreSQL gives a row lock
     * that does not need to wait (the row is free again) before a waiter wakes up to take it, so a
     * pause could lose the race to every email of the chunk.
     */
    public void letFinish(List<LockWaiter> waiters, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (LockWaiter waiter : waiters) {
            while (progress.stillInTransaction(waiter) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    /** Gives the enrollment back, due again at {@code nextRunAt} (outside a window, over a cap...). */
    @Transactional
    public boolean release(ClaimedEnrollment claimed, Instant nextRunAt) {
        return progress.release(claimed, nextRunAt, clock.instant());
    }

    /**
     * Moves past {@code stepId}: to {@code nextStepId} due at {@code nextRunAt}, or to FINISHED when
     * there is no next step. Joins the caller's transaction (the one that records the send).
     */
    @Transactional
    public boolean advance(long enrollmentId, long stepId, Long nextStepId, Instant nextRunAt) {
        return progress.advance(enrollmentId, stepId, nextStepId, nextStepId == null ? null : nextRunAt, clock.instant());
    }

    /** {@link #advance} for many enrollments in one statement; returns the ids that moved. */
    @Transactional
    public Set<Long> advanceAll(List<StepAdvance> advances) {
        return advances.isEmpty() ? Set.of() : progress.advanceAll(advances, clock.instant());
    }

    /** The current step is a task for the owner: the enrollment waits for it. */
    @Transactional
    public boolean waitForTask(ClaimedEnrollment claimed) {
        return progress.setStateOfClaimed(claimed, EnrollmentState.WAITING_TASK, "waiting for a task", clock.instant());
    }

    /** The owner approved the manual email of {@code stepId}: it is due now. */
    @Transactional
    public boolean resumeStep(long enrollmentId, long stepId) {
        return progress.resumeStep(enrollmentId, stepId, clock.instant());
    }

    /** A person must look: a missing variable, a message whose fate is unknown... */
    @Transactional
    public boolean needsAttention(ClaimedEnrollment claimed, String reason) {
        return progress.setStateOfClaimed(claimed, EnrollmentState.NEEDS_ATTENTION, reason, clock.instant());
    }

    /** Puts an active enrollment in NEEDS_ATTENTION whoever holds it (recovery of an unknown send). */
    @Transactional
    public boolean flag(long enrollmentId, String reason) {
        return progress.flag(enrollmentId, reason, clock.instant());
    }

    /** Ends a live enrollment for a reason from outside the cadence (bounce, reply, meeting booked...). */
    @Transactional
    public boolean end(long enrollmentId, EnrollmentState state, String reason) {
        boolean ended = progress.endLive(enrollmentId, state, reason, clock.instant());
        if (ended) {
            tasks.cancelOpenTasks(enrollmentId);
        }
        return ended;
    }

    /** Ends every live enrollment of a prospect; returns how many ended. */
    @Transactional
    public int endAllOf(long prospectId, EnrollmentState state, String reason) {
        return endedOf(prospectId, state, reason).size();
    }

    /** Ends every live enrollment of a prospect; returns the ids of those that ended. */
    @Transactional
    public List<Long> endedOf(long prospectId, EnrollmentState state, String reason) {
        List<Long> ended = new ArrayList<>();
        for (long id : progress.liveOfProspect(prospectId)) {
            if (end(id, state, reason)) {
                ended.add(id);
            }
        }
        return ended;
    }
}
