package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stage metrics of a period; see the README's "Pipeline" section for the exact definitions. Amounts
 * are decimal strings per currency (different currencies are never added up); rates are 0 to 1 with 4
 * decimals; durations are days with 2 decimals.
 *
 * @param asOf the moment the open pipeline and the forecast were read
 * @param openWithoutAmount open opportunities with no amount: counted nowhere in the currency figures
 */
public record PipelineMetrics(LocalDate from, LocalDate to, Long ownerId, Long sequenceId, Long teamId, Instant asOf,
        List<StageMetrics> stages, WinRate winRate, Durations salesCycle, List<CurrencyMetrics> currencies,
        List<ForecastMonth> forecast, long openWithoutAmount) {

    /**
     * One stage: entries in the period, conversion onwards, and time spent in it.
     *
     * @param entered distinct opportunities that entered the stage in the period
     * @param advanced of those, how many later reached a later stage that is not LOST (null for WON and
     *     LOST stages)
     * @param conversionRate advanced ÷ entered; null when nothing entered, and for WON and LOST stages
     * @param timeInStage stays in the stage that ended in the period
     */
    public record StageMetrics(String key, String name, int position, StageCategory category,
            BigDecimal probability, long entered, Long advanced, BigDecimal conversionRate, Durations timeInStage) {
    }

    /** @param rate won ÷ (won + lost), null when none closed */
    public record WinRate(long won, long lost, BigDecimal rate) {
    }

    /** @param samples how many durations; the mean and median are null without any */
    public record Durations(long samples, BigDecimal meanDays, BigDecimal medianDays) {
    }

    /**
     * The figures of one currency.
     *
     * @param openCount open opportunities now
     * @param openAmount their summed amount; {@code weightedAmount}: each times its stage's probability
     * @param won opportunities won in the period, {@code lost} lost in the period
     * @param averageWonAmount mean amount of those won; null without any
     * @param averageCycleDays mean sales cycle of those won; null without any
     * @param velocityPerDay openCount × winRate × averageWonAmount ÷ averageCycleDays; null when a
     *     factor is unknown or the cycle is 0
     */
    public record CurrencyMetrics(String currency, long openCount, String openAmount, String weightedAmount, long won,
            long lost, BigDecimal winRate, String averageWonAmount, BigDecimal averageCycleDays,
            String velocityPerDay) {
    }

    /** Open opportunities expected to close in one month ({@code 2026-04}), in one currency. */
    public record ForecastMonth(String month, String currency, long count, String amount, String weightedAmount) {
    }
}
