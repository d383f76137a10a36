package dev.relance.engine.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How due steps are claimed and sent.
 *
 * @param enabled run the dispatch job on this instance (default true); tests drive the engine by hand
 * @param pollInterval how often the dispatch job looks for due work (default 5s)
 * @param batchSize enrollments claimed at once (default 200)
 * @param lease how long a claim holds before another dispatcher may take the row again (default 5m)
 * @param chunkSize steps of one mailbox prepared, sent and recorded together (default 50): one
 *     transaction records their messages as SENDING, then they go out over the mailbox's connection
 *     and one transaction records the answers. Larger chunks mean fewer statements per email; a
 *     pause still waits for one email in flight at most.
 * @param pauseCheckInterval while a chunk's emails go out, how often at most the sender asks
 *     PostgreSQL whether a pause (of an enrollment, its sequence or its mailbox) waits for them
 *     (default 100ms; it always asks after the first email). A pause waits for the email in flight
 *     and the ones sent within this interval, never more; nothing is sent once it returned. Each
 *     question reads PostgreSQL's lock table (a few hundred microseconds of database time).
 * @param concurrency mailboxes served at the same time by one dispatcher (default 32)
 * @param retryBackoff first wait after a temporary SMTP failure, doubled at each attempt (default 5m)
 * @param maxRetryBackoff longest wait between two attempts (default 6h)
 * @param maxAttempts attempts before a message is given up and its enrollment needs attention (default 8)
 * @param prospectMinGap least time between two emails to one prospect from different enrollments
 *     (default 24h; 0 turns the cap off)
 * @param windowJitter most random delay added to a step that waited for its send window to open, so
 *     that sends do not all leave at the window's first second (default 20m, never past the window)
 * @param resendUnknown after a crash, resend a message whose fate cannot be learnt from the Sent
 *     folder (default false: it is marked UNKNOWN and shown to its owner; a duplicate cold email is
 *     worse than a late one). A resent message keeps its Message-ID and is flagged as a possible duplicate.
 */
@ConfigurationProperties("relance.dispatch")
public record DispatchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("50") int chunkSize,
        @DefaultValue("100ms") Duration pauseCheckInterval,
        @DefaultValue("32") int concurrency,
        @DefaultValue("5m") Duration retryBackoff,
        @DefaultValue("6h") Duration maxRetryBackoff,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("24h") Duration prospectMinGap,
        @DefaultValue("20m") Duration windowJitter,
        @DefaultValue("false") boolean resendUnknown) {

    /** The wait before attempt {@code attempt + 1}, doubling from {@link #retryBackoff}. */
    Duration backoffAfter(int attempt) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
    }
}
