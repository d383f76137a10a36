package dev.relance.engine.prospect;

/** Optional filters of the prospect list; null means "any". */
public record ProspectFilter(Long ownerId, Long accountId, String email) {
}
