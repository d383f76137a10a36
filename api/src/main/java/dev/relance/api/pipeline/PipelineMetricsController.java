package dev.relance.api.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.engine.support.Csv;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.pipeline.MetricsQuery;
import dev.relance.engine.pipeline.PipelineMetrics;
import dev.relance.engine.pipeline.PipelineMetricsService;
import dev.relance.engine.support.InvalidInputException;

/**
 * Stage metrics for a period, an owner or a team, and a source sequence, as JSON or as CSV (one table at a time:
 * {@code Accept: text/csv} or {@code ?format=csv}, with {@code table=stages|currencies|forecast|summary}).
 * MANAGER and ADMIN see everyone's; an SDR's figures are always their own.
 */
@RestController
@RequestMapping("/api/v1/pipeline")
class PipelineMetricsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The CSV tables of a report. */
    enum Table {
        STAGES, CURRENCIES, FORECAST, SUMMARY
    }

    private final PipelineMetricsService metrics;

    PipelineMetricsController(PipelineMetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/metrics")
    ResponseEntity<?> metrics(@AuthenticationPrincipal RelanceUser me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long sequenceId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String format, @RequestParam(required = false) String table,
            @RequestHeader HttpHeaders headers) {
        boolean csv = wantsCsv(format, headers);
        Table chosen = table(table);
        PipelineMetrics report = metrics.metrics(new MetricsQuery(from, to, me.visibleOwner(ownerId), sequenceId,
                teamId));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        String name = "pipeline-" + chosen.name().toLowerCase() + "-" + report.from() + "-" + report.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv(report, chosen));
    }

    // ?format= wins; else the Accept header's preferred type among CSV and JSON (JSON when neither).
    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "must be json or csv");
            };
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(headers.getAccept());
        } catch (IllegalArgumentException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
        }
        return false;
    }

    private static Table table(String table) {
        if (table == null) {
            return Table.STAGES;
        }
        return Arrays.stream(Table.values()).filter(t -> t.name().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new InvalidInputException("table", "must be one of stages, currencies, forecast, summary"));
    }

    static String csv(PipelineMetrics report, Table table) {
        List<List<Object>> rows = new ArrayList<>();
        return switch (table) {
            case STAGES -> {
                report.stages().forEach(s -> rows.add(Arrays.asList(s.key(), s.name(), s.position(), s.category(),
                        s.probability(), s.entered(), s.advanced(), s.conversionRate(), s.timeInStage().samples(),
                        s.timeInStage().meanDays(), s.timeInStage().medianDays())));
                yield Csv.of(List.of("stage", "name", "position", "category", "probability", "entered", "advanced",
                        "conversionRate", "timeInStageSamples", "meanDaysInStage", "medianDaysInStage"), rows);
            }
            case CURRENCIES -> {
                report.currencies().forEach(c -> rows.add(Arrays.asList(c.currency(), c.openCount(), c.openAmount(),
                        c.weightedAmount(), c.won(), c.lost(), c.winRate(), c.averageWonAmount(), c.averageCycleDays(),
                        c.velocityPerDay())));
                yield Csv.of(List.of("currency", "openCount", "openAmount", "weightedAmount", "won", "lost", "winRate",
                        "averageWonAmount", "averageCycleDays", "velocityPerDay"), rows);
            }
            case FORECAST -> {
                report.forecast().forEach(f -> rows.add(Arrays.asList(f.month(), f.currency(), f.count(), f.amount(),
                        f.weightedAmount())));
                yield Csv.of(List.of("month", "currency", "count", "amount", "weightedAmount"), rows);
            }
            case SUMMARY -> {
                rows.add(Arrays.asList(report.from(), report.to(), report.ownerId(), report.sequenceId(),
                        report.winRate().won(), report.winRate().lost(), report.winRate().rate(),
                        report.salesCycle().samples(), report.salesCycle().meanDays(), report.salesCycle().medianDays(),
                        report.openWithoutAmount()));
                yield Csv.of(List.of("from", "to", "ownerId", "sequenceId", "won", "lost", "winRate",
                        "salesCycleSamples", "meanSalesCycleDays", "medianSalesCycleDays", "openWithoutAmount"), rows);
            }
        };
    }
}
