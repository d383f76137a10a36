package dev.relance.engine.enrollment;

import java.time.Instant;

/**
 * A transaction of another session waiting for a row a sender locked: a pause, a stop, an
 * unsubscribe. Known by its backend and the start of its transaction, so that the sender can tell
 * when that very transaction has ended.
 */
public record LockWaiter(int pid, Instant transactionStart) {
}
