package dev.relance.engine.report;

/** One sequence in the list of all sequences' performance. */
public record SequenceLine(long sequenceId, String name, String status, SequenceReport.EnrollmentCounts enrollments,
        Metrics metrics, SequenceReport.Attribution attribution) {
}
