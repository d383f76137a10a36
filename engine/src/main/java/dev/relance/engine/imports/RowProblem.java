package dev.relance.engine.imports;

/**
 * One line of an import's problem report.
 *
 * @param line physical line of the file where the row starts (the header is line 1)
 * @param column the header of the column at fault, or null for the whole row
 */
public record RowProblem(long line, String column, String value, String problem, Action action) {

    /** What the import did about the problem. */
    public enum Action {
        /** The row was not imported. */
        ROW_REJECTED,
        /** The row was imported without this value. */
        FIELD_IGNORED,
        /** A prospect with this email exists with other values and the duplicate policy is SKIP. */
        ROW_SKIPPED,
        /** The row was imported, but its address or domain is suppressed: it will never be enrolled. */
        SUPPRESSED
    }
}
