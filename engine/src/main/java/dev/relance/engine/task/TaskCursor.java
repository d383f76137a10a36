package dev.relance.engine.task;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.Page;

/**
 * Opaque cursors of the task list: the (due time, id) of the last task of a page. Due times are
 * kept to the nanosecond so that the next page starts exactly after that task.
 */
final class TaskCursor {

    private static final String PREFIX = "t1:";

    private TaskCursor() {
    }

    record Position(Instant dueAt, long id) {
    }

    /** A page from rows fetched with {@code limit + 1}: the extra row only tells that more exist. */
    static Page<Task> page(List<Task> fetched, TaskPageRequest request) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<Task> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, encode(items.getLast()));
    }

    static String encode(Task last) {
        Instant due = last.dueAt();
        String raw = PREFIX + due.getEpochSecond() + ":" + due.getNano() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            String[] parts = raw.substring(PREFIX.length()).split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            Instant dueAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Position(dueAt, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }
}
