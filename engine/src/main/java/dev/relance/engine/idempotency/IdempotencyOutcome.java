package dev.relance.engine.idempotency;

/** What to do with a request that carries an idempotency key. */
public sealed interface IdempotencyOutcome {

    /** First time: run it, then {@link IdempotencyService#complete} or {@link IdempotencyService#abandon}. */
    record Proceed() implements IdempotencyOutcome {
    }

    /** Seen and answered: replay the stored answer. */
    record Replay(StoredResponse response) implements IdempotencyOutcome {
    }

    /** The first request with this key is still running. */
    record InProgress() implements IdempotencyOutcome {
    }

    /** The key was used before for a different request. */
    record Mismatch() implements IdempotencyOutcome {
    }
}
