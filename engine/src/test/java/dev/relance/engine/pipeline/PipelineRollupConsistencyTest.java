package dev.relance.engine.pipeline;

import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.EngineTest;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.testing.Drafts;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserService;

/**
 * The pipeline rollups against a recomputation from the raw rows. Four threads run random transactions
 * at once (creations, moves forwards and backwards, closings and reopenings, new owners, sources,
 * amounts, currencies and close dates), one in five rolled back, some failing on a conflict. Then every
 * rollup table must equal what this test computes from {@code opportunity} and {@code stage_transition}
 * alone, with its own SQL (stays from the previous transition rather than {@code from_entered_at}); and
 * again after a rebuild and after a reorder of the stages, which changes who "advanced".
 *
 * <p>Its own context (the property) gives it a database of its own: its stage reorder touches no other test.
 */
@EngineTest
@TestPropertySource(properties = "relance.pipeline.qualified-reply-stage=SQL")
class PipelineRollupConsistencyTest {

    private static final String[] STAGES = {"INQUIRY", "SAL", "SQL", "OPPORTUNITY", "CLOSED_WON", "CLOSED_LOST"};
    private static final String[] CURRENCIES = {"EUR", "USD"};

    // Entries: the first transition of an opportunity into a stage; advanced: a later transition into a
    // higher stage that is not LOST. Stays: from the previous transition to this one. The four grains by
    // GROUPING SETS, -1 where a key is grouped out.
    private static final String RECOMPUTED_STAGES = """
            WITH t AS (
                SELECT t.from_stage_id, t.to_stage_id, t.changed_at, s.position,
                       coalesce(o.owner_id, 0) AS owner_key, coalesce(o.source_sequence_id, 0) AS sequence_key,
                       row_number() OVER (PARTITION BY t.opportunity_id, t.to_stage_id ORDER BY t.changed_at, t.id) AS nth,
                       lag(t.changed_at) OVER (PARTITION BY t.opportunity_id ORDER BY t.changed_at, t.id) AS previous,
                       max(CASE WHEN s.category <> 'LOST' THEN s.position END)
                           OVER (PARTITION BY t.opportunity_id ORDER BY t.changed_at, t.id
                                 ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS best_later
                FROM stage_transition t
                JOIN pipeline_stage s ON s.id = t.to_stage_id
                JOIN opportunity o ON o.id = t.opportunity_id),
            facts AS (
                SELECT owner_key, sequence_key, (changed_at AT TIME ZONE 'UTC')::date AS day, to_stage_id AS stage_id,
                       1 AS entered, CASE WHEN best_later > position THEN 1 ELSE 0 END AS advanced, 0 AS stays,
                       0::numeric AS seconds
                FROM t WHERE nth = 1
                UNION ALL
                SELECT owner_key, sequence_key, (changed_at AT TIME ZONE 'UTC')::date, from_stage_id, 0, 0, 1,
                       EXTRACT(EPOCH FROM changed_at - previous)
                FROM t WHERE previous IS NOT NULL)
            SELECT CASE WHEN GROUPING(owner_key) = 1 THEN -1 ELSE owner_key END AS owner_key,
                   CASE WHEN GROUPING(sequence_key) = 1 THEN -1 ELSE sequence_key END AS sequence_key, day, stage_id,
                   sum(entered)::bigint AS entered, sum(advanced)::bigint AS advanced, sum(stays)::bigint AS stays,
                   sum(seconds)::numeric(24, 6) AS stay_seconds
            FROM facts
            GROUP BY GROUPING SETS ((owner_key, sequence_key, day, stage_id), (owner_key, day, stage_id),
                                    (sequence_key, day, stage_id), (day, stage_id))
            ORDER BY 1, 2, 3, 4
            """;

    private static final String ROLLED_UP_STAGES = """
            SELECT owner_key, sequence_key, day, stage_id, entered::bigint AS entered, advanced::bigint AS advanced,
                   stays::bigint AS stays, stay_seconds::numeric(24, 6) AS stay_seconds
            FROM pipeline_stage_daily
            WHERE entered <> 0 OR advanced <> 0 OR stays <> 0 OR stay_seconds <> 0
            ORDER BY 1, 2, 3, 4
            """;

    private static final String RECOMPUTED_CLOSED = """
            WITH c AS (
                SELECT coalesce(o.owner_id, 0) AS owner_key, coalesce(o.source_sequence_id, 0) AS sequence_key,
                       (o.closed_at AT TIME ZONE 'UTC')::date AS day, s.category, o.currency,
                       coalesce(o.amount, 0) AS amount,
                       greatest(0, floor(EXTRACT(EPOCH FROM o.closed_at - coalesce(o.first_touch_at, o.created_at))))
                           AS cycle
                FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
                WHERE s.category <> 'OPEN')
            SELECT CASE WHEN GROUPING(owner_key) = 1 THEN -1 ELSE owner_key END AS owner_key,
                   CASE WHEN GROUPING(sequence_key) = 1 THEN -1 ELSE sequence_key END AS sequence_key, day, category,
                   currency, count(*)::bigint AS closed, sum(amount)::numeric(24, 2) AS amount,
                   sum(cycle)::bigint AS cycle_seconds
            FROM c
            GROUP BY GROUPING SETS ((owner_key, sequence_key, day, category, currency),
                                    (owner_key, day, category, currency), (sequence_key, day, category, currency),
                                    (day, category, currency))
            ORDER BY 1, 2, 3, 4, 5
            """;

    private static final String ROLLED_UP_CLOSED = """
            SELECT owner_key, sequence_key, day, category, currency, closed::bigint AS closed,
                   amount::numeric(24, 2) AS amount, cycle_seconds
            FROM pipeline_closed_daily
            WHERE closed <> 0 OR amount <> 0 OR cycle_seconds <> 0
            ORDER BY 1, 2, 3, 4, 5
            """;

    private static final String RECOMPUTED_OPEN = """
            WITH c AS (
                SELECT coalesce(o.owner_id, 0) AS owner_key, coalesce(o.source_sequence_id, 0) AS sequence_key,
                       o.stage_id, o.currency, date_trunc('month', o.expected_close_date)::date AS close_month,
                       coalesce(o.amount, 0) AS amount
                FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
                WHERE s.category = 'OPEN')
            SELECT CASE WHEN GROUPING(owner_key) = 1 THEN -1 ELSE owner_key END AS owner_key,
                   CASE WHEN GROUPING(sequence_key) = 1 THEN -1 ELSE sequence_key END AS sequence_key, stage_id,
                   currency, close_month, count(*)::bigint AS open_count, sum(amount)::numeric(24, 2) AS amount
            FROM c
            GROUP BY GROUPING SETS ((owner_key, sequence_key, stage_id, currency, close_month),
                                    (owner_key, stage_id, currency, close_month),
                                    (sequence_key, stage_id, currency, close_month), (stage_id, currency, close_month))
            ORDER BY 1, 2, 3, 4, 5
            """;

    private static final String ROLLED_UP_OPEN = """
            SELECT owner_key, sequence_key, stage_id, currency, close_month, open_count::bigint AS open_count,
                   amount::numeric(24, 2) AS amount
            FROM pipeline_open
            WHERE open_count <> 0 OR amount <> 0
            ORDER BY 1, 2, 3, 4, 5
            """;

    // Every stay and every won opportunity's cycle, once per grain.
    private static final String RECOMPUTED_DURATIONS = """
            WITH d AS (
                SELECT opportunity_id, from_stage_id AS stage_id, changed_at AS ended_at,
                       EXTRACT(EPOCH FROM changed_at - lag(changed_at) OVER (PARTITION BY opportunity_id
                                                                               ORDER BY changed_at, id)) AS seconds
                FROM stage_transition
                UNION ALL
                SELECT o.id, NULL, o.closed_at,
                       greatest(0, floor(EXTRACT(EPOCH FROM o.closed_at - coalesce(o.first_touch_at, o.created_at))))
                FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
                WHERE s.category = 'WON')
            SELECT d.opportunity_id, g.owner_key, g.sequence_key, d.stage_id, d.ended_at,
                   (d.seconds * 1000000)::bigint AS micros
            FROM d
            JOIN opportunity o ON o.id = d.opportunity_id
            CROSS JOIN LATERAL (VALUES (coalesce(o.owner_id, 0), coalesce(o.source_sequence_id, 0)),
                                       (coalesce(o.owner_id, 0), -1), (-1, coalesce(o.source_sequence_id, 0)),
                                       (-1, -1)) AS g (owner_key, sequence_key)
            WHERE d.seconds IS NOT NULL
            ORDER BY 1, 2, 3, 4 NULLS FIRST, 5, 6
            """;

    private static final String ROLLED_UP_DURATIONS = """
            SELECT opportunity_id, owner_key, sequence_key, stage_id, ended_at, micros
            FROM pipeline_duration
            ORDER BY 1, 2, 3, 4 NULLS FIRST, 5, 6
            """;

    @Autowired
    OpportunityService opportunities;
    @Autowired
    StageService stages;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final Object clockLock = new Object();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2026})
    void rollups_equal_a_recomputation_after_concurrent_random_changes(long seed) throws Exception {
        Random setup = new Random(seed);
        clock.set(Instant.parse("2026-01-05T09:00:00Z").plus(Duration.ofDays(setup.nextInt(30))));
        List<Long> owners = new ArrayList<>();
        owners.add(null);
        List<Long> sources = new ArrayList<>();
        sources.add(null);
        for (int i = 0; i < 2; i++) {
            long owner = user("ae" + i);
            owners.add(owner);
            sources.add(sequences.create(Drafts.aSequence().build(), owner).id());
        }
        List<Prospect> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buyers.add(prospects.create(Drafts.aProspect().withEmail("buyer" + i + "." + seed + "." + System.nanoTime()
                    + "@deal" + i + ".test").build()));
        }
        List<Long> created = new CopyOnWriteArrayList<>();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(seed * 31 + t);
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        transaction(random, owners, sources, buyers, created, committed, failed);
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(committed.get()).as("committed transactions").isGreaterThan(60);
        assertThat(jdbc.sql("SELECT count(*) FROM stage_transition").query(Long.class).single()).isGreaterThan(100);
        assertRollupsMatchTheRawRows();

        jdbc.sql("SELECT pipeline_rollups_rebuild()").query((rs, row) -> 1).list();
        assertRollupsMatchTheRawRows();

        List<String> order = stages.list().stream().map(Stage::key).toList();
        List<String> swapped = new ArrayList<>(order);
        swapped.set(order.indexOf("SQL"), "OPPORTUNITY");
        swapped.set(order.indexOf("OPPORTUNITY"), "SQL");
        stages.reorder(swapped);
        assertRollupsMatchTheRawRows();
        stages.reorder(order);
        assertRollupsMatchTheRawRows();
    }

    // One transaction of one to three changes; one in five rolled back. A move to the current stage or
    // of an opportunity another transaction created and rolled back fails, and rolls back the rest.
    private void transaction(Random random, List<Long> owners, List<Long> sources, List<Prospect> buyers,
            List<Long> created, AtomicInteger committed, AtomicInteger failed) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        List<Long> mine = new ArrayList<>();
        try {
            template.executeWithoutResult(status -> {
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    advanceClock(random);
                    int what = random.nextInt(10);
                    if (what < 3 || created.isEmpty()) {
                        mine.add(opportunities.create(draft(random, owners, sources, buyers, pick(random, STAGES)),
                                null).id());
                    } else if (what < 8) {
                        opportunities.move(pick(random, created), pick(random, STAGES), null, null);
                    } else {
                        long id = pick(random, created);
                        Opportunity current = opportunities.get(id);
                        OpportunityDraft changed = draft(random, owners, sources, buyers, current.stage());
                        opportunities.replace(id, new OpportunityDraft(current.name(), null, current.prospectId(),
                                null, changed.amount(), changed.currency(), changed.expectedCloseDate(),
                                changed.ownerId(), null, changed.sourceSequenceId(), null, null, null, null));
                    }
                }
                if (random.nextInt(5) == 0) {
                    status.setRollbackOnly();
                }
            });
            committed.incrementAndGet();
            created.addAll(mine);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    private OpportunityDraft draft(Random random, List<Long> owners, List<Long> sources, List<Prospect> buyers,
            String stage) {
        boolean withAmount = random.nextInt(4) > 0;
        Prospect buyer = buyers.get(random.nextInt(buyers.size()));
        return new OpportunityDraft("Deal " + random.nextInt(1000), null, buyer.id(), stage,
                withAmount ? (100 * (1 + random.nextInt(200))) + "." + random.nextInt(10) + "0" : null,
                withAmount ? pick(random, CURRENCIES) : null,
                random.nextBoolean() ? LocalDate.parse("2026-02-01").plusDays(random.nextInt(300)) : null,
                owners.get(random.nextInt(owners.size())), null, sources.get(random.nextInt(sources.size())), null,
                null, null, null);
    }

    // Monotonic across threads, so each opportunity's history is in time order.
    private void advanceClock(Random random) {
        synchronized (clockLock) {
            clock.advance(Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 90 : 3 * 24 * 60)));
        }
    }

    private void assertRollupsMatchTheRawRows() {
        assertThat(rows(ROLLED_UP_STAGES)).as("pipeline_stage_daily").isEqualTo(rows(RECOMPUTED_STAGES));
        assertThat(rows(ROLLED_UP_CLOSED)).as("pipeline_closed_daily").isEqualTo(rows(RECOMPUTED_CLOSED));
        assertThat(rows(ROLLED_UP_OPEN)).as("pipeline_open").isEqualTo(rows(RECOMPUTED_OPEN));
        assertThat(rows(ROLLED_UP_DURATIONS)).as("pipeline_duration").isEqualTo(rows(RECOMPUTED_DURATIONS));
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long pick(Random random, List<Long> values) {
        return values.get(random.nextInt(values.size()));
    }

    private long user(String name) {
        return users.create(aUser(Role.SDR, name)).id();
    }
}
