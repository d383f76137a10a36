package dev.relance.engine.prospect;

/** What an imported row does to a prospect that already has its email address. */
public enum DuplicatePolicy {
    /** Leave the existing prospect as it is. */
    SKIP,
    /** Set only the fields the existing prospect leaves empty. */
    FILL_EMPTY,
    /** Replace fields with the row's non-empty values; empty cells never erase anything. */
    OVERWRITE
}
