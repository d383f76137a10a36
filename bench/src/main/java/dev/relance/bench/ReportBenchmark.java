package dev.relance.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.pipeline.MetricsQuery;
import dev.relance.engine.pipeline.Opportunity;
import dev.relance.engine.pipeline.OpportunityService;
import dev.relance.engine.pipeline.PipelineMetricsService;
import dev.relance.engine.pipeline.StageCategory;
import dev.relance.engine.report.RepActivityReport.Granularity;
import dev.relance.engine.report.RepReports;
import dev.relance.engine.report.ReportPeriod;
import dev.relance.engine.report.ReportRollups;
import dev.relance.engine.report.SequenceReports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Report latency on a large dataset: {@code -Dbench.events} events (default 10,000,000) over
 * {@code -Dbench.enrollments} enrollments (1,000,000), generated in SQL (see {@link ReportFixture}),
 * folded once into the rollups; then each report is called {@code -Dbench.calls} times (200) on
 * random sequences, after a warm-up, and its p50, p95 and max are printed; then the pipeline metrics on
 * {@code -Dbench.opportunities} opportunities (100,000) and their stage history. With
 * {@code -Dbench.datadir=DIR} the database is kept in DIR and reused by the next run (the pipeline is
 * generated again when its size differs or with {@code -Dbench.regenPipeline=true});
 * {@code -Dbench.only=A|B} times only the queries whose name contains A or B. See bench/README.md.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enrollments = Integer.getInteger("bench.enrollments", 1_000_000);
        long events = Long.getLong("bench.events", 10_000_000L);
        int calls = Integer.getInteger("bench.calls", 200);
        int opportunities = Integer.getInteger("bench.opportunities", 100_000);
        String dataDirectory = System.getProperty("bench.datadir");
        EmbeddedPostgres.Builder builder = PgStatements.configure(EmbeddedPostgres.builder());
        if (dataDirectory != null) {
            // Kept between runs: the generated data and folded rollups are reused when present.
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try (EmbeddedPostgres postgres = builder.start();
             ConfigurableApplicationContext engine = engine(postgres)) {
            JdbcClient jdbc = engine.getBean(JdbcClient.class);
            System.out.println("setup:");
            long existing = jdbc.sql("SELECT count(*) FROM enrollment").query(Long.class).single();
            if (existing == 0) {
                long start = System.nanoTime();
                ReportFixture.generate(jdbc, enrollments, events);
                double generated = (System.nanoTime() - start) / 1e9;
                long foldStart = System.nanoTime();
                ReportRollups.Fold fold = engine.getBean(ReportRollups.class).foldNow();
                double folded = (System.nanoTime() - foldStart) / 1e9;
                System.out.printf(Locale.ROOT, "  %-40s %8.1f s (%,d events, %,.0f events/s)%n", "fold once", folded,
                        fold.events(), fold.events() / folded);
                ReportFixture.time("analyze", () -> jdbc.sql("ANALYZE").update());
                System.out.printf(Locale.ROOT, "  generated in %.1f s, folded in %.1f s%n", generated, folded);
            } else {
                System.out.printf(Locale.ROOT, "  reusing the data in %s (%,d enrollments)%n", dataDirectory, existing);
            }
            long opportunityRows = jdbc.sql("SELECT count(*) FROM opportunity").query(Long.class).single();
            if (opportunityRows != opportunities || Boolean.getBoolean("bench.regenPipeline")) {
                ReportFixture.generatePipeline(jdbc, enrollments, opportunities);
            }
            ReportFixture.time("vacuum analyze", () -> jdbc.sql("VACUUM ANALYZE").update());
            printSizes(jdbc);
            printPipeline(jdbc);

            SequenceReports sequences = engine.getBean(SequenceReports.class);
            RepReports reps = engine.getBean(RepReports.class);
            LocalDate last = LocalDate.parse(ReportFixture.LAST_DAY);
            ReportPeriod month = new ReportPeriod(last.minusDays(29), last);
            ReportPeriod quarter = new ReportPeriod(last.minusDays(89), last);
            Random random = new Random(7);
            System.out.printf(Locale.ROOT, "%ncalls: %d each, after %d warm-up calls; load average before: %s%n", calls,
                    calls / 4, loadAverage());
            System.out.println("| query | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---|---|---|");
            measure("sequence report, 30 days (GET /reports/sequences/{id})", calls,
                    i -> sequences.report(1 + random.nextInt(ReportFixture.SEQUENCES), month, null));
            measure("sequence report, 90 days, one owner", calls,
                    i -> sequences.report(1 + random.nextInt(ReportFixture.SEQUENCES), quarter,
                            (long) (1 + random.nextInt(ReportFixture.OWNERS))));
            measure("sequence funnel (GET /reports/sequences/{id}/funnel)", calls,
                    i -> sequences.funnel(1 + random.nextInt(ReportFixture.SEQUENCES), null));
            measure("all sequences, 30 days (GET /reports/sequences)", calls, i -> sequences.list(month, null));
            measure("rep activity, 30 days by week (GET /reports/reps)", calls,
                    i -> reps.activity(month, Granularity.WEEK, null));

            PipelineMetricsService pipeline = engine.getBean(PipelineMetricsService.class);
            PgStatements.reset(jdbc);
            measure("pipeline metrics, 90 days (GET /pipeline/metrics)", calls,
                    i -> pipeline.metrics(new MetricsQuery(quarter.from(), quarter.to(), null, null)));
            measure("pipeline metrics, 90 days, one owner", calls,
                    i -> pipeline.metrics(new MetricsQuery(quarter.from(), quarter.to(),
                            (long) (1 + random.nextInt(ReportFixture.OWNERS)), null)));
            measure("pipeline metrics, 90 days, one source sequence", calls,
                    i -> pipeline.metrics(new MetricsQuery(quarter.from(), quarter.to(), null,
                            (long) (1 + random.nextInt(ReportFixture.SEQUENCES)))));
            measure("pipeline metrics, 90 days, one owner and one source sequence", calls,
                    i -> pipeline.metrics(new MetricsQuery(quarter.from(), quarter.to(),
                            (long) (1 + random.nextInt(ReportFixture.OWNERS)),
                            (long) (1 + random.nextInt(ReportFixture.SEQUENCES)))));
            // What the rollup triggers add to a write: a move of a random opportunity, rolled back.
            OpportunityService opportunityService = engine.getBean(OpportunityService.class);
            TransactionTemplate rolledBack = new TransactionTemplate(engine.getBean(PlatformTransactionManager.class));
            measure("pipeline move, rolled back (POST /opportunities/{id}/stage)", calls,
                    i -> rolledBack.executeWithoutResult(status -> {
                        Opportunity opportunity = opportunityService.get(1 + random.nextInt(opportunities));
                        String target = opportunity.category() == StageCategory.LOST ? "SQL" : "CLOSED_LOST";
                        opportunityService.move(opportunity.id(), target, "bench", null);
                        status.setRollbackOnly();
                    }));
            if (Boolean.getBoolean("bench.explain")) {
                explainMedians(jdbc, quarter);
            }
            System.out.printf(Locale.ROOT, "load average after the calls: %s%n", loadAverage());
            PgStatements.print(jdbc, (calls + calls / 4) * 4);
        }
    }

    private static void measure(String name, int calls, IntConsumer call) {
        String only = System.getProperty("bench.only", "");
        if (Arrays.stream(only.split("\\|")).noneMatch(name::contains)) {
            return;
        }
        for (int i = 0; i < calls / 4; i++) {
            call.accept(i);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, nanos[calls / 2] / 1e6,
                nanos[(int) Math.ceil(calls * 0.95) - 1] / 1e6, nanos[calls - 1] / 1e6);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void printPipeline(JdbcClient jdbc) {
        jdbc.sql("""
                SELECT s.key, count(o.id) AS opportunities, count(o.closed_at) AS closed,
                       (SELECT count(*) FROM stage_transition t WHERE t.to_stage_id = s.id) AS entries
                FROM pipeline_stage s LEFT JOIN opportunity o ON o.stage_id = s.id
                GROUP BY s.id, s.key ORDER BY s.position
                """).query().listOfRows().forEach(row -> System.out.printf(Locale.ROOT,
                "  stage %-12s %,8d opportunities now, %,8d transitions into it%n", row.get("key"),
                ((Number) row.get("opportunities")).longValue(), ((Number) row.get("entries")).longValue()));
    }

    // The plan of the one pipeline statement that grows with the period (MetricsRepository's medians),
    // for everyone.
    private static void explainMedians(JdbcClient jdbc, ReportPeriod period) {
        System.out.println("plan of the medians, everyone, 90 days:");
        jdbc.sql("""
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT s.id AS stage_id, m.low_middle, m.high_middle
                FROM pipeline_stage s
                CROSS JOIN LATERAL (
                    SELECT count(*) AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY d.micros) AS low_middle,
                           percentile_disc(0.5 + 1e-12) WITHIN GROUP (ORDER BY d.micros) AS high_middle
                    FROM pipeline_duration d
                    WHERE d.owner_key = -1 AND d.sequence_key = -1 AND d.stage_id = s.id
                      AND d.ended_at >= CAST(:from AS date) AND d.ended_at < CAST(:to AS date) + 1) m
                WHERE m.n > 0
                UNION ALL
                SELECT NULL, percentile_disc(0.5) WITHIN GROUP (ORDER BY micros),
                       percentile_disc(0.5 + 1e-12) WITHIN GROUP (ORDER BY micros)
                FROM pipeline_duration
                WHERE owner_key = -1 AND sequence_key = -1 AND stage_id IS NULL
                  AND ended_at >= CAST(:from AS date) AND ended_at < CAST(:to AS date) + 1
                HAVING count(*) > 0
                """).param("from", period.from()).param("to", period.to()).query(String.class).list()
                .forEach(line -> System.out.println("  " + line));
    }

    private static void printSizes(JdbcClient jdbc) {
        jdbc.sql("""
                SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) AS size
                FROM pg_stat_user_tables
                WHERE relname IN ('event_default', 'enrollment', 'report_sequence_daily', 'report_owner_daily',
                                  'report_message_first', 'report_sequence_prospect', 'opportunity',
                                  'stage_transition', 'account', 'prospect', 'pipeline_stage_daily',
                                  'pipeline_closed_daily', 'pipeline_open', 'pipeline_duration',
                                  'report_enrollment_states')
                ORDER BY relname
                """).query().listOfRows().forEach(row -> System.out.printf(Locale.ROOT, "  %-28s %,12d rows %10s%n",
                row.get("relname"), ((Number) row.get("n_live_tup")).longValue(), row.get("size")));
    }

    private static ConfigurableApplicationContext engine(EmbeddedPostgres postgres) {
        return BenchEngine.start(postgres, Map.of());
    }
}
