package dev.relance.api.report;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.relance.engine.support.Csv;
import dev.relance.engine.support.Csv.Table;
import dev.relance.engine.report.Metrics;
import dev.relance.engine.report.RepActivityReport;
import dev.relance.engine.report.RepActivityReport.Bucket;
import dev.relance.engine.report.RepActivityReport.Rep;
import dev.relance.engine.report.SequenceFunnel;
import dev.relance.engine.report.SequenceLine;
import dev.relance.engine.report.SequenceReport;
import dev.relance.engine.report.SequenceReport.Attribution;
import dev.relance.engine.report.SequenceReport.Money;
import dev.relance.engine.report.SequenceReport.StepReport;
import dev.relance.engine.report.SequenceReport.VariantReport;

/** Each report as a flat table for CSV: one row per sequence, step, variant, comparison, rep and bucket... */
final class ReportTables {

    private ReportTables() {
    }

    static Table sequences(List<SequenceLine> lines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SequenceLine line : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sequenceId", line.sequenceId());
            row.put("name", line.name());
            row.put("status", line.status());
            row.put("enrolled", line.enrollments().enrolled());
            row.put("active", line.enrollments().active());
            row.put("finished", line.enrollments().finished());
            metrics(row, line.metrics());
            attribution(row, line.attribution());
            rows.add(row);
        }
        return table(rows);
    }

    /** The sequence, each step and each variant, one row each. */
    static Table sequence(SequenceReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(level("sequence", null, null, null, report.enrollments().enrolled(),
                report.enrollments().active(), report.metrics(), report.attribution()));
        for (StepReport step : report.steps()) {
            rows.add(level("step", step, null, null, null, step.activeHere(), step.metrics(), step.attribution()));
            for (VariantReport variant : step.variants()) {
                rows.add(level("variant", step, variant.variantId(), variant.label(), null, null,
                        variant.metrics(), variant.attribution()));
            }
        }
        return table(rows);
    }

    /** Every A/B comparison of the report's steps. */
    static Table abTests(SequenceReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepReport step : report.steps()) {
            for (SequenceReport.AbTest test : step.abTests()) {
                List<SequenceReport.Comparison> comparisons = test.comparisons().isEmpty()
                        ? java.util.Collections.singletonList(null) : test.comparisons();
                for (SequenceReport.Comparison cmp : comparisons) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("stepId", step.stepId());
                    row.put("position", step.position());
                    row.put("metric", test.metric());
                    row.put("denominator", test.denominator());
                    row.put("alpha", test.alpha());
                    row.put("verdict", test.verdict());
                    row.put("winnerVariantId", test.winnerVariantId());
                    row.put("winnerLabel", test.winnerLabel());
                    row.put("note", test.note());
                    row.putAll(cmp == null ? emptyComparison() : components(cmp));
                    rows.add(row);
                }
            }
        }
        return rows.isEmpty() ? new Table(List.of("stepId", "metric", "verdict"), List.of()) : table(rows);
    }

    static Table funnel(SequenceFunnel funnel) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SequenceFunnel.Step step : funnel.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sequenceId", funnel.sequenceId());
            row.put("step", step.key());
            row.put("name", step.name());
            row.put("prospects", step.prospects());
            row.put("conversionFromPrevious", step.fromPrevious() == null ? null : step.fromPrevious().value());
            row.put("conversionFromTouched", step.fromTouched() == null ? null : step.fromTouched().value());
            rows.add(row);
        }
        return table(rows);
    }

    /** One row per rep and bucket, then one per rep for the whole period (bucket "total"). */
    static Table reps(RepActivityReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Rep rep : report.reps()) {
            for (Bucket bucket : rep.buckets()) {
                rows.add(repRow(rep, report.granularity().name(), bucket));
            }
            rows.add(repRow(rep, "TOTAL", rep.total()));
        }
        return rows.isEmpty() ? new Table(List.of("userId", "name", "bucket"), List.of()) : table(rows);
    }

    private static Map<String, Object> repRow(Rep rep, String bucketKind, Bucket bucket) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("userId", rep.userId());
        row.put("name", rep.name());
        row.put("bucket", bucketKind);
        row.put("start", bucket.start().toString());
        row.put("end", bucket.end().toString());
        row.put("weekdays", bucket.weekdays());
        row.putAll(components(bucket.activity()));
        components(bucket.attainment()).forEach((k, v) -> row.put(k + "AttainmentPercent", v));
        row.put("overdueTasksNow", rep.overdueTasksNow());
        row.put("dailyCallsTarget", rep.target() == null ? null : rep.target().dailyCalls());
        row.put("dailyEmailsTarget", rep.target() == null ? null : rep.target().dailyEmails());
        row.put("dailyLinkedinTarget", rep.target() == null ? null : rep.target().dailyLinkedin());
        row.put("dailyTasksTarget", rep.target() == null ? null : rep.target().dailyTasks());
        return row;
    }

    private static Map<String, Object> level(String level, StepReport step, Long variantId, String label,
            Long enrolled, Long active, Metrics metrics, Attribution attribution) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", level);
        row.put("stepId", step == null ? null : step.stepId());
        row.put("position", step == null ? null : step.position());
        row.put("stepType", step == null ? null : step.type());
        row.put("variantId", variantId);
        row.put("variantLabel", label);
        row.put("enrolled", enrolled);
        row.put("active", active);
        metrics(row, metrics);
        attribution(row, attribution);
        return row;
    }

    private static void metrics(Map<String, Object> row, Metrics metrics) {
        row.putAll(components(metrics.counts()));
        metrics.rates().forEach((name, rate) -> row.put(name, rate.value()));
    }

    private static void attribution(Map<String, Object> row, Attribution attribution) {
        row.put("opportunities", attribution == null ? null : attribution.opportunities());
        row.put("opportunitiesOpen", attribution == null ? null : attribution.open());
        row.put("opportunitiesWon", attribution == null ? null : attribution.won());
        row.put("opportunitiesLost", attribution == null ? null : attribution.lost());
        row.put("openPipeline", attribution == null ? null : money(attribution.openPipeline()));
        row.put("wonRevenue", attribution == null ? null : money(attribution.wonRevenue()));
    }

    private static String money(List<Money> amounts) {
        return amounts.stream().map(m -> m.amount() + " " + m.currency()).collect(Collectors.joining("; "));
    }

    private static Map<String, Object> emptyComparison() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent c : SequenceReport.Comparison.class.getRecordComponents()) {
            row.put(c.getName(), null);
        }
        return row;
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return values;
    }

    private static Table table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        List<String> header = new ArrayList<>(rows.getFirst().keySet());
        return new Table(header, rows.stream().map(r -> header.stream().map(r::get).toList()).toList());
    }
}
