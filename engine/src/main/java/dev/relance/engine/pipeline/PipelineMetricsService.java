package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.pipeline.PipelineMetrics.CurrencyMetrics;
import dev.relance.engine.pipeline.PipelineMetrics.Durations;
import dev.relance.engine.pipeline.PipelineMetrics.ForecastMonth;
import dev.relance.engine.pipeline.PipelineMetrics.StageMetrics;
import dev.relance.engine.pipeline.PipelineMetrics.WinRate;
import dev.relance.engine.support.InvalidInputException;

/**
 * Stage metrics over the stage history and the opportunities: entries and conversion per stage, time
 * in stage, win rate, sales cycle, open and weighted pipeline, forecast by month and velocity, per
 * currency where money is involved. Definitions in the README's "Pipeline" section.
 */
@Service
public class PipelineMetricsService {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 3_660;

    private final MetricsRepository metrics;
    private final StageService stages;
    private final Clock clock;

    PipelineMetricsService(MetricsRepository metrics, StageService stages, Clock clock) {
        this.metrics = metrics;
        this.stages = stages;
        this.clock = clock;
    }

    // One snapshot: every query of a report sees the same data.
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public PipelineMetrics metrics(MetricsQuery query) {
        Instant now = clock.instant();
        LocalDate to = query.to() != null ? query.to() : LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = query.from() != null ? query.from() : to.minusDays(DEFAULT_DAYS - 1);
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("from", "the period may span at most " + MAX_DAYS + " days");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Long owner = query.ownerId();
        Long sequence = query.sequenceId();

        List<MetricsRepository.Closed> closed = metrics.closed(start, end, owner, sequence);
        List<MetricsRepository.Open> open = metrics.open(owner, sequence);
        long won = closed.stream().filter(c -> c.category() == StageCategory.WON).count();
        long lost = closed.size() - won;
        List<BigDecimal> cycles = closed.stream().filter(c -> c.category() == StageCategory.WON)
                .map(PipelineMetricsService::cycleSeconds).toList();
        long withoutAmount = open.stream().filter(o -> o.currency() == null).mapToLong(MetricsRepository.Open::count)
                .sum();
        return new PipelineMetrics(from, to, owner, sequence, now, stageMetrics(start, end, owner, sequence),
                new WinRate(won, lost, ratio(won, won + lost)), durations(cycles), currencies(open, closed),
                forecast(metrics.forecast(owner, sequence)), withoutAmount);
    }

    private List<StageMetrics> stageMetrics(Instant start, Instant end, Long owner, Long sequence) {
        Map<Long, MetricsRepository.Entries> entries = new HashMap<>();
        metrics.entries(start, end, owner, sequence).forEach(e -> entries.put(e.stageId(), e));
        Map<Long, MetricsRepository.Stays> stays = new HashMap<>();
        metrics.stays(start, end, owner, sequence).forEach(s -> stays.put(s.stageId(), s));
        List<StageMetrics> rows = new ArrayList<>();
        for (Stage stage : stages.list()) {
            MetricsRepository.Entries entry = entries.get(stage.id());
            long entered = entry == null ? 0 : entry.entered();
            boolean open = stage.category() == StageCategory.OPEN;
            Long advanced = open ? Long.valueOf(entry == null ? 0 : entry.advanced()) : null;
            rows.add(new StageMetrics(stage.key(), stage.name(), stage.position(), stage.category(), stage.probability(),
                    entered, advanced, open ? ratio(advanced, entered) : null,
                    durations(stays.get(stage.id()))));
        }
        return rows;
    }

    private static List<CurrencyMetrics> currencies(List<MetricsRepository.Open> open,
            List<MetricsRepository.Closed> closed) {
        TreeSet<String> codes = new TreeSet<>();
        open.stream().map(MetricsRepository.Open::currency).filter(c -> c != null).forEach(codes::add);
        closed.stream().map(MetricsRepository.Closed::currency).filter(c -> c != null).forEach(codes::add);
        List<CurrencyMetrics> rows = new ArrayList<>();
        for (String code : codes) {
            MetricsRepository.Open pipeline = open.stream().filter(o -> code.equals(o.currency())).findFirst()
                    .orElse(new MetricsRepository.Open(code, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            List<MetricsRepository.Closed> wonHere = closed.stream()
                    .filter(c -> code.equals(c.currency()) && c.category() == StageCategory.WON).toList();
            long won = wonHere.size();
            long lost = closed.stream().filter(c -> code.equals(c.currency()) && c.category() == StageCategory.LOST)
                    .count();
            BigDecimal wonAmount = wonHere.stream().map(MetricsRepository.Closed::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cycleSeconds = wonHere.stream().map(PipelineMetricsService::cycleSeconds)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new CurrencyMetrics(code, pipeline.count(), Money.format(pipeline.amount()),
                    Money.format(pipeline.weighted()), won, lost, ratio(won, won + lost),
                    won == 0 ? null : Money.format(wonAmount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP)),
                    won == 0 ? null : days(cycleSeconds.divide(BigDecimal.valueOf(won), 6, RoundingMode.HALF_UP)),
                    velocity(pipeline.count(), won, lost, wonAmount, cycleSeconds)));
        }
        return rows;
    }

    // open × won/(won+lost) × (wonAmount/won) ÷ (cycleSeconds/won/86400)
    //   = open × wonAmount × won × 86400 ÷ ((won+lost) × cycleSeconds), rounded once at the end.
    private static String velocity(long open, long won, long lost, BigDecimal wonAmount, BigDecimal cycleSeconds) {
        if (won == 0 || cycleSeconds.signum() == 0) {
            return null;
        }
        BigDecimal numerator = wonAmount.multiply(BigDecimal.valueOf(open)).multiply(BigDecimal.valueOf(won))
                .multiply(SECONDS_PER_DAY);
        BigDecimal denominator = cycleSeconds.multiply(BigDecimal.valueOf(won + lost));
        return Money.format(numerator.divide(denominator, 2, RoundingMode.HALF_UP));
    }

    private static List<ForecastMonth> forecast(List<MetricsRepository.Forecast> rows) {
        return rows.stream().map(f -> new ForecastMonth(f.month(), f.currency(), f.count(), Money.format(f.amount()),
                Money.format(f.weighted()))).toList();
    }

    private static BigDecimal cycleSeconds(MetricsRepository.Closed won) {
        long seconds = Duration.between(won.firstTouch(), won.closedAt()).toSeconds();
        return BigDecimal.valueOf(Math.max(0, seconds));
    }

    private static Durations durations(List<BigDecimal> seconds) {
        if (seconds.isEmpty()) {
            return new Durations(0, null, null);
        }
        List<BigDecimal> sorted = seconds.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.TWO, 6, RoundingMode.HALF_UP);
        return new Durations(n, days(sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP)), days(median));
    }

    // The same figures as durations(List) from the database's count, sum and middle values.
    private static Durations durations(MetricsRepository.Stays stays) {
        if (stays == null || stays.samples() == 0) {
            return new Durations(0, null, null);
        }
        long n = stays.samples();
        BigDecimal median = n % 2 == 1 ? stays.lowMiddle()
                : stays.lowMiddle().add(stays.highMiddle()).divide(BigDecimal.TWO, 6, RoundingMode.HALF_UP);
        return new Durations(n, days(stays.totalSeconds().divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP)),
                days(median));
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
