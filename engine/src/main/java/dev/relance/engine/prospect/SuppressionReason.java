package dev.relance.engine.prospect;

/** Why an address or domain is never contacted. */
public enum SuppressionReason {
    MANUAL, UNSUBSCRIBED, HARD_BOUNCE, COMPLAINT, ERASURE, IMPORT
}
