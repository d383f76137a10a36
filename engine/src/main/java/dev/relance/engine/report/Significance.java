package dev.relance.engine.report;

/**
 * The two-proportion z-test of A/B reports: are two rates (replies ÷ delivered of variants A and B)
 * different beyond chance? Pooled standard error, two-sided p-value from the normal distribution.
 */
public final class Significance {

    private Significance() {
    }

    /**
     * The test's statistic and p-value; both null when it cannot be computed (a variant with nothing
     * delivered, or a pooled rate of 0 or 1: no variance, hence no evidence either way).
     *
     * @param z positive when B's rate is above A's
     */
    public record ZTest(Double z, Double pValue) {
        public boolean significantAt(double alpha) {
            return pValue != null && pValue < alpha;
        }
    }

    public static ZTest twoProportions(long successesA, long trialsA, long successesB, long trialsB) {
        if (trialsA <= 0 || trialsB <= 0) {
            return new ZTest(null, null);
        }
        double pooled = (double) (successesA + successesB) / (trialsA + trialsB);
        double variance = pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB);
        if (!(variance > 0)) {
            return new ZTest(null, null);
        }
        double z = ((double) successesB / trialsB - (double) successesA / trialsA) / Math.sqrt(variance);
        return new ZTest(z, twoSidedP(z));
    }

    /** P(|Z| >= |z|) for a standard normal Z: erfc(|z| / sqrt 2). */
    static double twoSidedP(double z) {
        return Math.min(1.0, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    // Complementary error function, Chebyshev fit of Numerical Recipes (3rd ed., 6.2.2): relative error < 1.2e-7.
    static double erfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(poly);
        return x >= 0 ? value : 2.0 - value;
    }
}
