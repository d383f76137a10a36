package dev.relance.engine.imports;

/** Where an import stands; mirrors the CHECK on {@code prospect_import.status}. */
public enum ImportStatus {
    /** Queued or being read; a RUNNING import whose process died is resumed by a restart. */
    RUNNING,
    COMPLETED,
    /** Stopped by an error that is not about a row (rows never fail an import); it may be restarted. */
    FAILED
}
