package dev.relance.engine.task;

import java.time.Instant;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.PageRequest;

/**
 * A keyset page of tasks, most urgent first: at most {@code limit} tasks that come after the
 * cursor's task in (due time, id) order. Other lists page newest first by id alone; tasks are
 * worked through by due date, so their cursor carries both keys.
 *
 * @param limit rows per page, 1 to {@value PageRequest#MAX_LIMIT}
 * @param afterDueAt due time of the last task of the previous page, or null for the first page
 * @param afterId id of the last task of the previous page, or null for the first page
 */
public record TaskPageRequest(int limit, Instant afterDueAt, Long afterId) {

    public TaskPageRequest {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        if ((afterDueAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("afterDueAt and afterId go together");
        }
    }

    /** Parses the API's {@code limit} and opaque {@code cursor} query parameters. */
    public static TaskPageRequest of(Integer limit, String cursor) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        if (cursor == null || cursor.isBlank()) {
            return first(size);
        }
        TaskCursor.Position after = TaskCursor.decode(cursor);
        return new TaskPageRequest(size, after.dueAt(), after.id());
    }

    public static TaskPageRequest first(int limit) {
        return new TaskPageRequest(limit, null, null);
    }

    /** The SQL LIMIT: one more than asked, to learn whether a next page exists. */
    int fetchSize() {
        return limit + 1;
    }
}
