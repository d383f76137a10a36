package dev.relance.engine.user;

/** What a user may do; the API's access matrix is written in terms of these. */
public enum Role {
    /** Users, mailboxes, everything. */
    ADMIN,
    /** Reads everything; reports and pipeline. */
    MANAGER,
    /** Sequences, steps and templates. */
    MARKETER,
    /** Prospects, enrollments and own tasks; sees own enrollments. */
    SDR
}
