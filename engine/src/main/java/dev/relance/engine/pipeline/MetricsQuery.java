package dev.relance.engine.pipeline;

import java.time.LocalDate;

/**
 * Which stage metrics: a period of whole UTC days, {@code from} to {@code to} both included, and
 * optional filters (null: everyone, every source).
 *
 * @param from first day; default 89 days before {@code to}
 * @param to last day; default today (UTC)
 * @param ownerId the opportunities' owner
 * @param sequenceId the sequence the opportunities are credited to
 * @param teamId the team of the opportunities' owner
 */
public record MetricsQuery(LocalDate from, LocalDate to, Long ownerId, Long sequenceId, Long teamId) {

    /** Without a team filter. */
    public MetricsQuery(LocalDate from, LocalDate to, Long ownerId, Long sequenceId) {
        this(from, to, ownerId, sequenceId, null);
    }
}
