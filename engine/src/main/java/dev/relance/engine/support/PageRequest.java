package dev.relance.engine.support;

/**
 * A keyset page request: at most {@code limit} rows older than the cursor's row.
 *
 * @param limit rows per page, 1 to {@value #MAX_LIMIT}
 * @param beforeId id of the last row of the previous page, or null for the first page
 */
public record PageRequest(int limit, Long beforeId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Parses the API's {@code limit} and opaque {@code cursor} query parameters. */
    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The SQL LIMIT: one more than asked, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
