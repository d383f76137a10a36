package dev.relance.engine.prospect;

/** What a suppression entry matches. */
public enum SuppressionKind {
    /** One email address. */
    ADDRESS,
    /** Every address at a domain. */
    DOMAIN,
    /** The SHA-256 of an erased address: blocks it without keeping it. */
    ADDRESS_HASH
}
