package dev.relance.engine.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.relance.engine.report.SequenceReport.Attribution;
import dev.relance.engine.report.SequenceReport.Money;
import dev.relance.engine.report.SequenceRollupReader.OpportunityRow;

/** Adds opportunity rows up into an {@link Attribution}, amounts per currency. */
final class Attributions {

    private Attributions() {
    }

    static Attribution of(List<OpportunityRow> rows, Predicate<OpportunityRow> which) {
        long all = 0;
        long open = 0;
        long won = 0;
        long lost = 0;
        Map<String, BigDecimal> pipeline = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (OpportunityRow row : rows) {
            if (!which.test(row)) {
                continue;
            }
            all += row.count();
            switch (row.category()) {
                case "OPEN" -> {
                    open += row.count();
                    add(pipeline, row);
                }
                case "WON" -> {
                    won += row.count();
                    add(revenue, row);
                }
                default -> lost += row.count();
            }
        }
        return new Attribution(all, open, won, lost, money(pipeline), money(revenue));
    }

    private static void add(Map<String, BigDecimal> amounts, OpportunityRow row) {
        if (row.currency() != null && row.amount() != null) {
            amounts.merge(row.currency().strip(), row.amount(), BigDecimal::add);
        }
    }

    private static List<Money> money(Map<String, BigDecimal> amounts) {
        return amounts.entrySet().stream().map(e -> new Money(e.getKey(), e.getValue().toPlainString())).toList();
    }
}
