package dev.relance.engine.imports;

import java.time.Instant;
import java.util.List;

import dev.relance.engine.prospect.DuplicatePolicy;

/**
 * An import and its progress.
 *
 * @param rowsRead data rows read so far (the header and blank lines are not rows)
 * @param created prospects created; {@code updated}, {@code unchanged} and {@code skipped} are rows
 *     matching an existing prospect, by the duplicate policy
 * @param failed rows rejected (listed in the problem report)
 * @param suppressed rows imported whose address or domain is suppressed
 * @param percentage bytes read over the file's size
 * @param eta estimated end, from the pace so far; null when done or not yet known
 */
public record Import(long id, ImportStatus status, String fileName, long fileSize, String charset, String delimiter,
        DuplicatePolicy duplicatePolicy, Long ownerId, Long createdBy, long bytesRead, long rowsRead, long created,
        long updated, long unchanged, long skipped, long failed, long suppressed, double percentage, Instant eta,
        String failureReason, Instant createdAt, Instant startedAt, Instant finishedAt, List<String> columns) {
}
