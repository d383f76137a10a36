package dev.relance.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.report.SequenceReport.EnrollmentCounts;
import dev.relance.engine.report.SequenceReport.StepReport;
import dev.relance.engine.report.SequenceReport.VariantReport;
import dev.relance.engine.report.SequenceRollupReader.Header;
import dev.relance.engine.report.SequenceRollupReader.OpportunityRow;
import dev.relance.engine.report.SequenceRollupReader.Row;
import dev.relance.engine.report.SequenceRollupReader.StateCount;
import dev.relance.engine.report.SequenceRollupReader.StepVariant;
import dev.relance.engine.support.NotFoundException;

/**
 * Sequence performance, read from the rollups (as fresh as the last fold), live enrollment counts and
 * opportunities credited to sequences. {@code ownerId} narrows every figure to one owner's
 * enrollments and opportunities; null means everyone's.
 */
@Service
public class SequenceReports {

    private static final Set<String> LIVE = Set.of("ACTIVE", "PAUSED", "WAITING_TASK", "NEEDS_ATTENTION");

    private final SequenceRollupReader reader;
    private final FunnelReader funnels;
    private final ReportProperties properties;

    SequenceReports(SequenceRollupReader reader, FunnelReader funnels, ReportProperties properties) {
        this.reader = reader;
        this.funnels = funnels;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public SequenceReport report(long sequenceId, ReportPeriod period, Long ownerId) {
        Header header = reader.header(sequenceId).orElseThrow(() -> new NotFoundException("sequence", sequenceId));
        List<Row> rows = reader.byVariant(sequenceId, period, ownerId);
        List<StateCount> states = reader.states(sequenceId, ownerId);
        List<OpportunityRow> opportunities = reader.opportunities(sequenceId, period, ownerId);
        List<StepReport> steps = steps(reader.stepVariants(sequenceId), rows, states, opportunities);
        return new SequenceReport(sequenceId, header.name(), period.from(), period.to(), ownerId, enrollments(states),
                Metrics.of(sum(rows, r -> true)), Attributions.of(opportunities, o -> true), steps);
    }

    /** Every sequence's totals over the period, by id. */
    @Transactional(readOnly = true)
    public List<SequenceLine> list(ReportPeriod period, Long ownerId) {
        List<Row> rows = reader.bySequence(period, ownerId);
        List<StateCount> states = reader.allStates(ownerId);
        List<OpportunityRow> opportunities = reader.allOpportunities(period, ownerId);
        List<SequenceLine> lines = new ArrayList<>();
        for (Header header : reader.headers()) {
            long id = header.id();
            lines.add(new SequenceLine(id, header.name(), header.status(),
                    enrollments(states.stream().filter(s -> s.sequenceId() == id).toList()),
                    Metrics.of(sum(rows, r -> r.sequenceId() == id)),
                    Attributions.of(opportunities, o -> o.sequenceId() == id)));
        }
        return lines;
    }

    @Transactional(readOnly = true)
    public SequenceFunnel funnel(long sequenceId, Long ownerId) {
        Header header = reader.header(sequenceId).orElseThrow(() -> new NotFoundException("sequence", sequenceId));
        return new SequenceFunnel(sequenceId, header.name(), ownerId, funnels.steps(sequenceId, ownerId));
    }

    // The sequence's steps and variants in order, then any that were removed but have figures; a
    // "no step" line last when some figures are tied to no step (meetings from reply tasks).
    private List<StepReport> steps(List<StepVariant> structure, List<Row> rows, List<StateCount> states,
            List<OpportunityRow> opportunities) {
        Map<Long, List<StepVariant>> current = new LinkedHashMap<>();
        structure.forEach(sv -> current.computeIfAbsent(sv.stepId(), k -> new ArrayList<>()).add(sv));
        Map<Long, Boolean> stepIds = new LinkedHashMap<>();
        current.keySet().forEach(id -> stepIds.put(id, false));
        rows.stream().map(Row::stepId).filter(id -> id != 0).sorted().forEach(id -> stepIds.putIfAbsent(id, true));
        if (rows.stream().anyMatch(r -> r.stepId() == 0) || opportunities.stream().anyMatch(o -> o.stepId() == 0)) {
            stepIds.put(0L, false);
        }
        List<StepReport> steps = new ArrayList<>();
        stepIds.forEach((stepId, removed) -> {
            List<StepVariant> known = current.getOrDefault(stepId, List.of());
            StepVariant first = known.isEmpty() ? null : known.getFirst();
            List<VariantReport> variants = variants(stepId, known, rows, opportunities);
            long activeHere = states.stream().filter(s -> LIVE.contains(s.state())
                    && Objects.equals(s.currentStepId(), stepId)).mapToLong(StateCount::count).sum();
            steps.add(new StepReport(stepId == 0 ? null : stepId, first == null ? null : first.position(),
                    first == null ? null : first.type(), removed, activeHere,
                    Metrics.of(sum(rows, r -> r.stepId() == stepId)),
                    Attributions.of(opportunities, o -> o.stepId() == stepId), variants,
                    AbTests.of(variants, properties.significanceLevel())));
        });
        return steps;
    }

    private static List<VariantReport> variants(long stepId, List<StepVariant> known, List<Row> rows,
            List<OpportunityRow> opportunities) {
        Map<Long, String> labels = new LinkedHashMap<>();
        known.stream().filter(sv -> sv.variantId() != null).forEach(sv -> labels.put(sv.variantId(), sv.label()));
        rows.stream().filter(r -> r.stepId() == stepId).map(Row::variantId).sorted()
                .forEach(id -> labels.putIfAbsent(id, null));
        opportunities.stream().filter(o -> o.stepId() == stepId).map(OpportunityRow::variantId).sorted()
                .forEach(id -> labels.putIfAbsent(id, null));
        List<VariantReport> variants = new ArrayList<>();
        labels.forEach((variantId, label) -> variants.add(new VariantReport(variantId == 0 ? null : variantId, label,
                Metrics.of(sum(rows, r -> r.stepId() == stepId && r.variantId() == variantId)),
                Attributions.of(opportunities, o -> o.stepId() == stepId && o.variantId() == variantId))));
        return variants;
    }

    private static EnrollmentCounts enrollments(List<StateCount> states) {
        Map<String, Long> byState = new TreeMap<>();
        states.forEach(s -> byState.merge(s.state(), s.count(), Long::sum));
        long all = byState.values().stream().mapToLong(Long::longValue).sum();
        long live = byState.entrySet().stream().filter(e -> LIVE.contains(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
        return new EnrollmentCounts(all, live, byState.getOrDefault("FINISHED", 0L), byState);
    }

    private static Tally sum(List<Row> rows, Predicate<Row> which) {
        Tally tally = new Tally();
        rows.stream().filter(which).forEach(r -> tally.add(r.tally()));
        return tally;
    }
}
