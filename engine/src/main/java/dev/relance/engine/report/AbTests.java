package dev.relance.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import dev.relance.engine.report.SequenceReport.AbTest;
import dev.relance.engine.report.SequenceReport.Comparison;
import dev.relance.engine.report.SequenceReport.VariantReport;
import dev.relance.engine.report.Significance.ZTest;

/**
 * A/B verdicts of a step: the variant with the highest rate (over delivered emails) is compared with
 * each other one by a two-proportion z-test. It wins only when every comparison is significant at
 * alpha, divided by the number of comparisons when there are more than one (Bonferroni), so that
 * testing many variants does not make a winner by chance.
 */
final class AbTests {

    static final String WINNER = "WINNER";
    static final String NO_WINNER_YET = "NO_WINNER_YET";

    private AbTests() {
    }

    /**
     * The reply-rate and interested-rate tests of a step with two variants or more (none otherwise).
     * Variants with nothing delivered are left out; with fewer than two left there is no winner yet.
     */
    static List<AbTest> of(List<VariantReport> variants, double alpha) {
        List<VariantReport> candidates = variants.stream().filter(v -> v.variantId() != null).toList();
        if (candidates.size() < 2) {
            return List.of();
        }
        List<VariantReport> tested = candidates.stream().filter(v -> v.metrics().counts().delivered() > 0).toList();
        if (tested.size() < 2) {
            String note = "fewer than two variants have delivered emails";
            return List.of(new AbTest("replyRate", "replied", "delivered", alpha, NO_WINNER_YET, null, null, note, List.of()),
                    new AbTest("interestedRate", "interested", "delivered", alpha, NO_WINNER_YET, null, null, note,
                            List.of()));
        }
        return List.of(test("replyRate", "replied", tested, c -> c.replied(), alpha),
                test("interestedRate", "interested", tested, c -> c.interested(), alpha));
    }

    private static AbTest test(String metric, String numerator, List<VariantReport> variants,
            ToLongFunction<Counts> successes, double alpha) {
        Comparator<VariantReport> byRate = Comparator.comparingDouble(v -> rate(successes, v));
        VariantReport leader = variants.stream().max(byRate.thenComparing(v -> v.metrics().counts().delivered()))
                .orElseThrow();
        double corrected = alpha / (variants.size() - 1);
        List<Comparison> comparisons = new ArrayList<>();
        boolean allSignificant = true;
        for (VariantReport other : variants) {
            if (other == leader) {
                continue;
            }
            Counts a = other.metrics().counts();
            Counts b = leader.metrics().counts();
            ZTest z = Significance.twoProportions(successes.applyAsLong(a), a.delivered(), successes.applyAsLong(b),
                    b.delivered());
            boolean significant = z.significantAt(corrected) && z.z() > 0;
            allSignificant &= significant;
            comparisons.add(new Comparison(leader.variantId(), other.variantId(), rateOrNull(successes, leader),
                    rateOrNull(successes, other), b.delivered(), a.delivered(), round(z.z()), z.pValue(),
                    significant));
        }
        String note = allSignificant ? null : comparisons.stream().anyMatch(c -> c.pValue() == null)
                ? "not enough data: every variant has the same outcome on every email (no variance)"
                : "the difference is not significant at alpha " + corrected;
        return new AbTest(metric, numerator, "delivered", alpha, allSignificant ? WINNER : NO_WINNER_YET,
                allSignificant ? leader.variantId() : null, allSignificant ? leader.label() : null, note, comparisons);
    }

    private static double rate(ToLongFunction<Counts> successes, VariantReport v) {
        Double rate = rateOrNull(successes, v);
        return rate == null ? -1 : rate;
    }

    private static Double rateOrNull(ToLongFunction<Counts> successes, VariantReport v) {
        Counts c = v.metrics().counts();
        return c.delivered() == 0 ? null : (double) successes.applyAsLong(c) / c.delivered();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1e6) / 1e6;
    }
}
