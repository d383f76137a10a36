package dev.relance.bench;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report benchmark's data, generated in SQL with generate_series straight into the schema:
 * SDRs, sequences of two email steps (two variants each) and a call step, prospects, enrollments,
 * events (sends, deliveries, opens human and machine, clicks, replies with intents, bounces,
 * auto-replies, task outcomes) spread over 180 days, and opportunities credited to sequences.
 * Ids are given explicitly so that every event can be tied to its enrollment's sequence, step and
 * variant by arithmetic.
 */
final class ReportFixture {

    static final int SEQUENCES = 200;
    static final int OWNERS = 20;
    static final String LAST_DAY = "2026-06-30";
    static final int ACCOUNTS = 50_000;

    private static final String USERS = """
            INSERT INTO app_user (id, username, email, display_name, role, password_hash, created_at, updated_at)
            SELECT g, 'sdr' || g, 'sdr' || g || '@bench.test', 'SDR ' || g, 'SDR', '{noop}x', now(), now()
            FROM generate_series(1, :owners) g
            """;

    private static final String TEMPLATE = """
            INSERT INTO template (id, name, created_at) VALUES (1, 'bench', now())
            """;

    private static final String SEQUENCE_ROWS = """
            INSERT INTO sequence (id, name, status, owner_id, created_at, updated_at)
            SELECT g, 'Sequence ' || g, 'ACTIVE', 1 + g % :owners, now(), now() FROM generate_series(1, :sequences) g
            """;

    // Step (s - 1) * 3 + k is step k of sequence s: 1 and 2 are emails, 3 a call.
    private static final String STEPS = """
            INSERT INTO sequence_step (id, sequence_id, position, type)
            SELECT (s - 1) * 3 + k, s, k, CASE WHEN k = 3 THEN 'CALL' ELSE 'AUTO_EMAIL' END
            FROM generate_series(1, :sequences) s, generate_series(1, 3) k
            """;

    // Variant (step - 1) * 2 + v, v = 1 (A) or 2 (B), of the email steps.
    private static final String VARIANTS = """
            INSERT INTO step_variant (id, step_id, label, template_id)
            SELECT (st.id - 1) * 2 + v, st.id, CASE v WHEN 1 THEN 'A' ELSE 'B' END, 1
            FROM sequence_step st, generate_series(1, 2) v WHERE st.type = 'AUTO_EMAIL'
            """;

    private static final String PROSPECTS = """
            INSERT INTO prospect (id, email, owner_id, account_id, created_at, updated_at)
            SELECT g, 'p' || g || '@company' || (g % :accounts) || '.test', 1 + g % :owners, 1 + g % :accounts, now(), now()
            FROM generate_series(1, :enrollments) g
            """;

    // Enrollment e: sequence 1 + e % S, owner 1 + e % O; 60 % live, 25 % finished, the rest ended otherwise.
    private static final String ENROLLMENTS = """
            INSERT INTO enrollment (id, prospect_id, sequence_id, owner_id, state, current_step_id, created_at, updated_at)
            SELECT e, e, 1 + e % :sequences, 1 + e % :owners,
                   CASE WHEN e % 20 < 12 THEN 'ACTIVE' WHEN e % 20 < 17 THEN 'FINISHED' WHEN e % 20 = 17 THEN 'REPLIED'
                        WHEN e % 20 = 18 THEN 'BOUNCED' ELSE 'STOPPED' END,
                   CASE WHEN e % 20 < 12 THEN (e % :sequences) * 3 + 1 + e % 3 END,
                   now(), now()
            FROM generate_series(1, :enrollments) e
            """;

    // Event n: enrollment e = 1 + n % E, kind by n / E (ten kinds for ten million events over a million
    // enrollments). Email facts are about message 2e + step - 1, of step 1 or 2, variant by e's parity.
    private static final String EVENTS = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, owner_id, machine, data)
            SELECT x.type, x.at, CASE WHEN x.type LIKE 'TASK%' THEN NULL ELSE 2 * x.e + x.k - 1 END, x.e, x.s,
                   CASE WHEN x.type LIKE 'TASK%' THEN (x.s - 1) * 3 + 3 ELSE (x.s - 1) * 3 + x.k END,
                   CASE WHEN x.type LIKE 'TASK%' THEN NULL ELSE ((x.s - 1) * 3 + x.k - 1) * 2 + 1 + x.e % 2 END,
                   x.e, 1 + x.e % :owners, CASE WHEN x.type IN ('OPENED', 'CLICKED') THEN x.n % 4 = 0 END, x.data
            FROM (
                SELECT n, 1 + n % :enrollments AS e, 1 + (1 + n % :enrollments) % :sequences AS s,
                       1 + (n / :enrollments) % 2 AS k,
                       CAST(:lastDay AS timestamptz) - make_interval(secs => ((hashint8(n)::bigint & 2147483647) % 15552000)::double precision)
                           AS at,
                       CASE (n / :enrollments) % 10
                           WHEN 0 THEN 'SENT' WHEN 1 THEN 'SENT' WHEN 2 THEN 'DELIVERED'
                           WHEN 3 THEN 'OPENED' WHEN 4 THEN 'OPENED' WHEN 5 THEN 'OPENED'
                           WHEN 6 THEN CASE WHEN n % 5 = 0 THEN 'CLICKED' ELSE 'OPENED' END
                           WHEN 7 THEN CASE WHEN n % 10 = 0 THEN 'REPLIED' WHEN n % 10 = 1 THEN 'AUTO_REPLIED'
                                            ELSE 'OPENED' END
                           WHEN 8 THEN CASE WHEN n % 25 = 0 THEN 'BOUNCED' ELSE 'DELIVERED' END
                           ELSE CASE WHEN n % 3 = 0 THEN 'TASK_DONE' ELSE 'CLICKED' END
                       END AS type,
                       CASE (n / :enrollments) % 10
                           WHEN 7 THEN jsonb_build_object('intent', (ARRAY['INTERESTED', 'NOT_INTERESTED', 'NEUTRAL',
                                                                           'QUESTION'])[1 + n % 4])
                           WHEN 8 THEN jsonb_build_object('hard', n % 2 = 0, 'phase', 'DSN')
                           WHEN 9 THEN jsonb_build_object('taskType', 'CALL', 'outcomeCode',
                                                          (ARRAY['CONNECTED', 'VOICEMAIL', 'NO_ANSWER',
                                                                 'MEETING_BOOKED'])[1 + n % 4])
                           ELSE '{}'::jsonb
                       END AS data
                FROM generate_series(0, :events - 1) n
            ) x
            """;

    // Accounts: prospect p works at account 1 + p % ACCOUNTS (its e-mail's company domain).
    private static final String ACCOUNTS_ROWS = """
            INSERT INTO account (id, domain, name, created_at, updated_at)
            SELECT a + 1, 'company' || a || '.test', 'Company ' || a, now(), now()
            FROM generate_series(0, :accounts - 1) a
            """;

    // The pipeline's paths, by stage position along the Demand Waterfall (1 INQUIRY ... 5 OPPORTUNITY,
    // 6 CLOSED_WON, 7 CLOSED_LOST): straight runs, skips, losses at every stage, reopenings after a
    // loss. Opportunity o takes path 1 + hashint4(o) % 20; its first transition is its creation,
    // then 1 hour to 30 days between transitions; transitions after the last day are not made yet.
    private static final String PATHS = """
            INSERT INTO bench_path VALUES
                (0, '{3}'), (1, '{3,4}'), (2, '{3,4,5}'), (3, '{1,2,3}'), (4, '{2,3,4,5}'),
                (5, '{3,4,5,6}'), (6, '{3,4,5,6}'), (7, '{3,5,6}'), (8, '{1,2,3,4,5,6}'), (9, '{3,4,6}'),
                (10, '{3,7}'), (11, '{3,4,7}'), (12, '{3,4,5,7}'), (13, '{3,4,5,7}'), (14, '{1,2,7}'),
                (15, '{3,4,5,7,5}'), (16, '{3,4,7,4,5,6}'), (17, '{3,4,5,7,5,6}'), (18, '{1,3,4}'),
                (19, '{2,4,5,7}')
            """;

    private static final String STEPS_OF_OPPORTUNITIES = """
            CREATE UNLOGGED TABLE bench_step AS
            SELECT o, i, position, at FROM (
                SELECT o, i, positions[i] AS position,
                       created + make_interval(secs => sum(CASE WHEN i = 1 THEN 0
                           ELSE 3600 + (hashint4(o * 16 + i) & 2147483647) % 2592000 END)
                           OVER (PARTITION BY o ORDER BY i)) AS at
                FROM (SELECT o, p.positions,
                             CAST(:lastDay AS timestamptz) + interval '1 day'
                                 - make_interval(secs => 1 + ((hashint4(-o) & 2147483647) % 31536000)) AS created
                      FROM generate_series(1, :opportunities) o
                      JOIN bench_path p ON p.k = (hashint4(o) & 2147483647) % 20) x,
                     generate_series(1, cardinality(x.positions)) i
            ) s
            WHERE at < CAST(:lastDay AS timestamptz) + interval '1 day'
            """;

    // Opportunity o: prospect 1 + (o - 1) * stride + ((o - 1) / 20) % stride (every owner gets 5,000
    // and every sequence 500 at the default sizes) and that prospect's account, owner and enrollment's
    // sequence (step 1, its variant), in EUR (60 %), USD (30 %) or GBP, 5 % without an amount; the
    // stage of its last transition, closed then if WON or LOST; expected close within a year.
    private static final String OPPORTUNITIES = """
            INSERT INTO opportunity (id, account_id, prospect_id, stage_id, name, amount, currency, expected_close_date,
                                     owner_id, source_sequence_id, source_step_id, source_variant_id, source_owner_id,
                                     created_at, updated_at, closed_at)
            SELECT f.o, 1 + e % :accounts, e, ps.id, 'Deal ' || f.o,
                   CASE WHEN f.o % 20 <> 0 THEN 500 + (hashint4(f.o * 7) & 2147483647) % 99500 END,
                   CASE WHEN f.o % 20 = 0 THEN NULL WHEN f.o % 10 < 6 THEN 'EUR' WHEN f.o % 10 < 9 THEN 'USD' ELSE 'GBP' END,
                   CAST(f.created_at AS date) + 14 + (hashint4(f.o * 11) & 2147483647) % 365,
                   1 + e % :owners, 1 + e % :sequences, (e % :sequences) * 3 + 1, (e % :sequences) * 6 + 1 + e % 2,
                   1 + e % :owners, f.created_at, l.at, CASE WHEN l.position >= 6 THEN l.at END
            FROM (SELECT o, 1 + (o - 1) * :stride + ((o - 1) / 20) % :stride AS e, min(at) AS created_at, max(i) AS last
                  FROM bench_step GROUP BY o) f
            JOIN bench_step l ON l.o = f.o AND l.i = f.last
            JOIN pipeline_stage ps ON ps.position = l.position
            """;

    private static final String TRANSITIONS = """
            INSERT INTO stage_transition (opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at,
                                          from_entered_at, reason)
            SELECT s.o, fs.id, ts.id, 1 + (1 + (s.o - 1) * :stride + ((s.o - 1) / 20) % :stride) % :owners, s.at, p.at,
                   CASE WHEN s.i = 1 THEN 'created' END
            FROM bench_step s
            JOIN pipeline_stage ts ON ts.position = s.position
            LEFT JOIN bench_step p ON p.o = s.o AND p.i = s.i - 1
            LEFT JOIN pipeline_stage fs ON fs.position = p.position
            ORDER BY s.at
            """;

    // As the engine does when it closes an opportunity (OpportunityRepository): the first email sent
    // to its prospect or anyone at its account before the close.
    private static final String FIRST_TOUCH = """
            UPDATE opportunity o
               SET first_touch_at = (SELECT min(ev.occurred_at) FROM event ev
                                      WHERE ev.type = 'SENT' AND ev.occurred_at <= o.closed_at
                                        AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                                WHERE p.id = o.prospect_id OR p.account_id = o.account_id))
             WHERE o.closed_at IS NOT NULL
            """;

    private static final String[] IDENTITIES = {
        "SELECT setval('app_user_id_seq', (SELECT max(id) FROM app_user))",
        "SELECT setval('sequence_id_seq', (SELECT max(id) FROM sequence))",
        "SELECT setval('sequence_step_id_seq', (SELECT max(id) FROM sequence_step))",
        "SELECT setval('step_variant_id_seq', (SELECT max(id) FROM step_variant))",
        "SELECT setval('prospect_id_seq', (SELECT max(id) FROM prospect))",
        "SELECT setval('enrollment_id_seq', (SELECT max(id) FROM enrollment))",
        "SELECT setval('template_id_seq', 1)",
        "SELECT setval('account_id_seq', (SELECT max(id) FROM account))"};

    private static final String ANALYZE_PIPELINE = """
            ANALYZE opportunity, stage_transition, pipeline_stage_daily, pipeline_closed_daily, pipeline_open,
                    pipeline_duration
            """;

    private static final String[] ROLLUP_TRIGGERS_OFF = {"""
            ALTER TABLE stage_transition DISABLE TRIGGER pipeline_rollup_before, DISABLE TRIGGER pipeline_rollup_after
            """, """
            ALTER TABLE opportunity DISABLE TRIGGER pipeline_rollup_after_insert,
                DISABLE TRIGGER pipeline_rollup_before_delete, DISABLE TRIGGER pipeline_rollup_before_update,
                DISABLE TRIGGER pipeline_rollup_after_update
            """};

    private static final String[] ROLLUP_TRIGGERS_ON = {"""
            ALTER TABLE stage_transition ENABLE TRIGGER pipeline_rollup_before, ENABLE TRIGGER pipeline_rollup_after
            """, """
            ALTER TABLE opportunity ENABLE TRIGGER pipeline_rollup_after_insert,
                ENABLE TRIGGER pipeline_rollup_before_delete, ENABLE TRIGGER pipeline_rollup_before_update,
                ENABLE TRIGGER pipeline_rollup_after_update
            """};

    private static final String[] PIPELINE_IDENTITIES = {
        "SELECT setval('opportunity_id_seq', (SELECT max(id) FROM opportunity))",
        "SELECT setval('stage_transition_id_seq', (SELECT max(id) FROM stage_transition))"};

    private ReportFixture() {
    }

    static void generate(JdbcClient jdbc, int enrollments, long events) {
        time("users, sequences, steps, variants", () -> {
            jdbc.sql(USERS).param("owners", OWNERS).update();
            jdbc.sql(TEMPLATE).update();
            jdbc.sql(SEQUENCE_ROWS).param("owners", OWNERS).param("sequences", SEQUENCES).update();
            jdbc.sql(STEPS).param("sequences", SEQUENCES).update();
            jdbc.sql(VARIANTS).update();
            jdbc.sql(ACCOUNTS_ROWS).param("accounts", ACCOUNTS).update();
        });
        time(String.format(Locale.ROOT, "%,d prospects", enrollments),
                () -> jdbc.sql(PROSPECTS).param("owners", OWNERS).param("accounts", ACCOUNTS)
                        .param("enrollments", enrollments).update());
        time(String.format(Locale.ROOT, "%,d enrollments", enrollments),
                () -> jdbc.sql(ENROLLMENTS).param("owners", OWNERS).param("sequences", SEQUENCES)
                        .param("enrollments", enrollments).update());
        time(String.format(Locale.ROOT, "%,d events", events),
                () -> jdbc.sql(EVENTS).param("owners", OWNERS).param("sequences", SEQUENCES)
                        .param("enrollments", enrollments).param("events", events).param("lastDay", LAST_DAY)
                        .update());
        for (String identity : IDENTITIES) {
            jdbc.sql(identity).query().singleRow();
        }
        time("analyze", () -> jdbc.sql("ANALYZE").update());
    }

    /**
     * The pipeline, replacing any: {@code opportunities} opportunities over the prospects and their
     * accounts, with their stage history over the 12 months up to the last day.
     */
    static void generatePipeline(JdbcClient jdbc, int enrollments, int opportunities) {
        time(String.format(Locale.ROOT, "%,d opportunities and their transitions", opportunities), () -> {
            // The rollup triggers would recompute each opportunity at each of its rows: off while the rows
            // are written, then one rebuild (as the V16 migration does for existing data).
            for (String off : ROLLUP_TRIGGERS_OFF) {
                jdbc.sql(off).update();
            }
            jdbc.sql("TRUNCATE stage_transition, opportunity").update();
            jdbc.sql("DROP TABLE IF EXISTS bench_step, bench_path").update();
            jdbc.sql("CREATE UNLOGGED TABLE bench_path (k int PRIMARY KEY, positions int[] NOT NULL)").update();
            jdbc.sql(PATHS).update();
            jdbc.sql(STEPS_OF_OPPORTUNITIES).param("opportunities", opportunities).param("lastDay", LAST_DAY).update();
            int stride = Math.max(1, enrollments / opportunities);
            jdbc.sql(OPPORTUNITIES).param("accounts", ACCOUNTS).param("owners", OWNERS).param("sequences", SEQUENCES)
                    .param("stride", stride).update();
            jdbc.sql(TRANSITIONS).param("owners", OWNERS).param("stride", stride).update();
            jdbc.sql(FIRST_TOUCH).update();
            jdbc.sql("DROP TABLE bench_step, bench_path").update();
            for (String identity : PIPELINE_IDENTITIES) {
                jdbc.sql(identity).query().singleRow();
            }
            for (String on : ROLLUP_TRIGGERS_ON) {
                jdbc.sql(on).update();
            }
        });
        time("pipeline rollups (rebuild)",
                () -> jdbc.sql("SELECT pipeline_rollups_rebuild()").query((rs, row) -> 1).list());
        time("analyze pipeline", () -> jdbc.sql(ANALYZE_PIPELINE).update());
    }

    static void time(String what, Runnable step) {
        long start = System.nanoTime();
        step.run();
        System.out.printf(Locale.ROOT, "  %-40s %8.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}
