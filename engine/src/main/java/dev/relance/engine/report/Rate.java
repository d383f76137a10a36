package dev.relance.engine.report;

/**
 * A rate with what it divides, by name: {@code replied ÷ delivered}. The value is null (never NaN)
 * when the denominator is 0.
 */
public record Rate(Double value, long numerator, String numeratorName, long denominator, String denominatorName) {

    public static Rate of(long numerator, String numeratorName, long denominator, String denominatorName) {
        Double value = denominator == 0 ? null : Math.round((double) numerator / denominator * 1_000_000d) / 1_000_000d;
        return new Rate(value, numerator, numeratorName, denominator, denominatorName);
    }
}
