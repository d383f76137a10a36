package dev.relance.engine.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reports: how often rollups are folded, and how sure an A/B test must be.
 *
 * @param enabled run the rollup job on this instance (default true); tests fold by hand
 * @param rollupInterval how often new events are folded into the rollups (default 30s): how stale a report may be
 * @param significanceLevel the alpha of A/B tests: a variant wins only when the two-sided p-value of its
 *     two-proportion z-test is below it (default 0.05)
 */
@ConfigurationProperties("relance.reports")
public record ReportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration rollupInterval,
        @DefaultValue("0.05") double significanceLevel) {

    public ReportProperties {
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new IllegalArgumentException("relance.reports.significance-level must be between 0 and 1, not "
                    + significanceLevel);
        }
        if (rollupInterval.isNegative() || rollupInterval.isZero()) {
            throw new IllegalArgumentException("relance.reports.rollup-interval must be positive");
        }
    }
}
