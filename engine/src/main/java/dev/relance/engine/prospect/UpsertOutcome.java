package dev.relance.engine.prospect;

/** What happened to one imported row. */
public enum UpsertOutcome {
    CREATED, UPDATED, UNCHANGED,
    /** A prospect with this email exists, differs, and the policy is {@link DuplicatePolicy#SKIP}. */
    SKIPPED
}
