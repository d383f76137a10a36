package dev.relance.engine.dispatch;

import dev.relance.engine.sequence.Variant;
import dev.relance.templates.RenderedEmail;

/**
 * A step's email that passed the send-time checks and waits for its turn in a chunk.
 *
 * @param variant the variant to render, or null with {@code content}
 * @param content the reviewed content of a manual email, or null to render the variant
 */
record PendingEmail(StepContext context, Variant variant, RenderedEmail content) {

    long enrollmentId() {
        return context.claimed().id();
    }
}
