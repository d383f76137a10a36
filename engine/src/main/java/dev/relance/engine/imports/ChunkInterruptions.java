package dev.relance.engine.imports;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A fault to inject in tests: the import fails right after its n-th chunk has committed, as if the
 * process died there. Disarmed (negative) in production.
 */
@Component
class ChunkInterruptions {

    private final AtomicInteger chunksBeforeFailure = new AtomicInteger(-1);

    void failAfter(int chunks) {
        chunksBeforeFailure.set(chunks);
    }

    void disarm() {
        chunksBeforeFailure.set(-1);
    }

    /** Called before each chunk is written. */
    void beforeChunk() {
        if (chunksBeforeFailure.get() >= 0 && chunksBeforeFailure.getAndDecrement() == 0) {
            chunksBeforeFailure.set(-1);
            throw new IllegalStateException("import interrupted by a test");
        }
    }
}
