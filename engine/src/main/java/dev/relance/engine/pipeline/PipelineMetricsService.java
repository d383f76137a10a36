package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import dev.relance.engine.user.TeamService;

/**
 * Stage metrics read from the pipeline rollups: entries and conversion per stage, time in stage, win
 * rate, sales cycle, open and weighted pipeline, forecast by month and velocity, per currency where
 * money is involved. Definitions in the README's "Pipeline" section.
 */
@Service
public class PipelineMetricsService {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 3_660;

    private final MetricsRepository metrics;
    private final StageService stages;
    private final TeamService teams;
    private final Clock clock;

    PipelineMetricsService(MetricsRepository metrics, StageService stages, TeamService teams, Clock clock) {
        this.metrics = metrics;
        this.stages = stages;
        this.teams = teams;
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
        Long team = query.teamId();
        MetricsRepository.Keys keys = MetricsRepository.Keys.of(owner, team == null ? null : teams.memberIds(team),
                sequence);

        Map<Long, MetricsRepository.Middles> middles = new HashMap<>();
        MetricsRepository.Middles cycleMiddles = null;
        for (MetricsRepository.Middles m : metrics.medians(start, end, keys)) {
            if (m.stageId() == null) {
                cycleMiddles = m;
            } else {
                middles.put(m.stageId(), m);
            }
        }
        List<MetricsRepository.Closed> closed = metrics.closed(from, to, keys);
        List<MetricsRepository.Open> open = metrics.open(keys);
        long won = count(closed, StageCategory.WON, null);
        long lost = count(closed, StageCategory.LOST, null);
        BigDecimal cycleSeconds = closed.stream().filter(c -> c.category() == StageCategory.WON)
                .map(MetricsRepository.Closed::cycleSeconds).reduce(BigDecimal.ZERO, BigDecimal::add);
        long withoutAmount = open.stream().filter(o -> o.currency() == null).mapToLong(MetricsRepository.Open::count)
                .sum();
        return new PipelineMetrics(from, to, owner, sequence, team, now, stageMetrics(from, to, keys, middles),
                new WinRate(won, lost, ratio(won, won + lost)), durations(won, cycleSeconds, cycleMiddles),
                currencies(open, closed), forecast(metrics.forecast(keys)), withoutAmount);
    }

    private List<StageMetrics> stageMetrics(LocalDate from, LocalDate to, MetricsRepository.Keys keys,
            Map<Long, MetricsRepository.Middles> middles) {
        Map<Long, MetricsRepository.StageTotals> totals = new HashMap<>();
        metrics.stages(from, to, keys).forEach(t -> totals.put(t.stageId(), t));
        List<StageMetrics> rows = new ArrayList<>();
        for (Stage stage : stages.list()) {
            MetricsRepository.StageTotals total = totals.get(stage.id());
            long entered = total == null ? 0 : total.entered();
            boolean open = stage.category() == StageCategory.OPEN;
            Long advanced = open ? Long.valueOf(total == null ? 0 : total.advanced()) : null;
            Durations timeInStage = total == null ? durations(0, null, null)
                    : durations(total.stays(), total.staySeconds(), middles.get(stage.id()));
            rows.add(new StageMetrics(stage.key(), stage.name(), stage.position(), stage.category(), stage.probability(),
                    entered, advanced, open ? ratio(advanced, entered) : null, timeInStage));
        }
        return rows;
    }

    private static long count(List<MetricsRepository.Closed> closed, StageCategory category, String currency) {
        return closed.stream().filter(c -> c.category() == category && (currency == null || currency.equals(c.currency())))
                .mapToLong(MetricsRepository.Closed::count).sum();
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
            MetricsRepository.Closed wonHere = closed.stream()
                    .filter(c -> code.equals(c.currency()) && c.category() == StageCategory.WON).findFirst()
                    .orElse(new MetricsRepository.Closed(StageCategory.WON, code, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            long won = wonHere.count();
            long lost = count(closed, StageCategory.LOST, code);
            BigDecimal wonAmount = wonHere.amount();
            BigDecimal cycleSeconds = wonHere.cycleSeconds();
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

    // Mean from the rollup's count and sum; median from the middle values (their mean when the count is even).
    private static Durations durations(long samples, BigDecimal totalSeconds, MetricsRepository.Middles middles) {
        if (samples == 0 || middles == null) {
            return new Durations(0, null, null);
        }
        BigDecimal median = samples % 2 == 1 ? middles.low()
                : middles.low().add(middles.high()).divide(BigDecimal.TWO, 6, RoundingMode.HALF_UP);
        return new Durations(samples,
                days(totalSeconds.divide(BigDecimal.valueOf(samples), 6, RoundingMode.HALF_UP)), days(median));
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
