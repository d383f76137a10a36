package dev.relance.engine.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How one sequence performs over a period: its enrollments now, and per step and variant what was
 * sent and what came back, the A/B tests of steps with several variants, and the opportunities the
 * sequence is credited with.
 *
 * @param ownerId the owner whose figures these are, or null for everyone
 */
public record SequenceReport(long sequenceId, String name, LocalDate from, LocalDate to, Long ownerId,
        EnrollmentCounts enrollments, Metrics metrics, Attribution attribution, List<StepReport> steps) {

    /**
     * Enrollments of the sequence as they stand now (not bound to the period).
     *
     * @param active live: ACTIVE, PAUSED, WAITING_TASK or NEEDS_ATTENTION
     * @param finished went through every step (FINISHED)
     */
    public record EnrollmentCounts(long enrolled, long active, long finished, Map<String, Long> byState) {
    }

    /**
     * @param stepId null for figures tied to no step (a meeting booked from a reply task)
     * @param activeHere live enrollments whose next step is this one, now
     * @param removed the step is no longer in the sequence, but has figures in the period
     */
    public record StepReport(Long stepId, Integer position, String type, boolean removed, long activeHere,
            Metrics metrics, Attribution attribution, List<VariantReport> variants, List<AbTest> abTests) {
    }

    /** @param variantId null for figures of the step tied to no variant (tasks, meetings) */
    public record VariantReport(Long variantId, String label, Metrics metrics, Attribution attribution) {
    }

    /**
     * Opportunities credited to the sequence (opportunity.source_*), created in the period.
     *
     * @param openPipeline amounts of the open ones, per currency
     * @param wonRevenue amounts of the won ones, per currency
     */
    public record Attribution(long opportunities, long open, long won, long lost, List<Money> openPipeline,
            List<Money> wonRevenue) {
    }

    /** @param amount a decimal string */
    public record Money(String currency, String amount) {
    }

    /**
     * A two-proportion z-test between the leading variant of a step and each other variant.
     *
     * @param verdict WINNER when the leader beats every other variant with p below alpha (Bonferroni:
     *     alpha ÷ comparisons when there are more than two variants), else NO_WINNER_YET
     */
    public record AbTest(String metric, String numerator, String denominator, double alpha, String verdict,
            Long winnerVariantId, String winnerLabel, String note, List<Comparison> comparisons) {
    }

    /** @param z positive when the leader's rate is higher; null (with pValue) when it cannot be computed */
    public record Comparison(Long leaderVariantId, Long otherVariantId, Double leaderRate, Double otherRate,
            long leaderTrials, long otherTrials, Double z, Double pValue, boolean significant) {
    }
}
