package dev.relance.engine.support;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a keyset-paged list, newest first. {@code nextCursor} is null on the last page.
 *
 * @param items the rows of this page
 * @param nextCursor opaque cursor to pass back for the next page
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more exist.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, ToLongFunction<T> idOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, Cursor.encode(idOf.applyAsLong(items.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
