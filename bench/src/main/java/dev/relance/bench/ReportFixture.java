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
            INSERT INTO prospect (id, email, owner_id, created_at, updated_at)
            SELECT g, 'p' || g || '@company' || (g % 50000) || '.test', 1 + g % :owners, now(), now()
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

    // Opportunities credited to sequences: one per 50 enrollments, at stages along the waterfall.
    private static final String OPPORTUNITIES = """
            INSERT INTO opportunity (prospect_id, stage_id, name, amount, currency, owner_id, source_sequence_id,
                                     source_step_id, source_variant_id, source_owner_id, created_at, updated_at)
            SELECT e, (SELECT id FROM pipeline_stage WHERE position = 3 + e % 5), 'Deal ' || e, 1000 + e % 9000, 'EUR',
                   1 + e % :owners, 1 + e % :sequences, (e % :sequences) * 3 + 1, (e % :sequences) * 6 + 1 + e % 2,
                   1 + e % :owners, CAST(:lastDay AS timestamptz) - make_interval(days => e % 180),
                   CAST(:lastDay AS timestamptz)
            FROM generate_series(50, :enrollments, 50) e
            """;

    private static final String TRANSITIONS = """
            INSERT INTO stage_transition (opportunity_id, from_stage_id, to_stage_id, changed_at)
            SELECT o.id, NULL, ps.id, o.created_at
            FROM opportunity o JOIN pipeline_stage ps ON ps.position BETWEEN 3 AND 5
            WHERE ps.position <= (SELECT position FROM pipeline_stage WHERE id = o.stage_id)
            """;

    private static final String[] IDENTITIES = {
        "SELECT setval('app_user_id_seq', (SELECT max(id) FROM app_user))",
        "SELECT setval('sequence_id_seq', (SELECT max(id) FROM sequence))",
        "SELECT setval('sequence_step_id_seq', (SELECT max(id) FROM sequence_step))",
        "SELECT setval('step_variant_id_seq', (SELECT max(id) FROM step_variant))",
        "SELECT setval('prospect_id_seq', (SELECT max(id) FROM prospect))",
        "SELECT setval('enrollment_id_seq', (SELECT max(id) FROM enrollment))",
        "SELECT setval('template_id_seq', 1)"};

    private ReportFixture() {
    }

    static void generate(JdbcClient jdbc, int enrollments, long events) {
        time("users, sequences, steps, variants", () -> {
            jdbc.sql(USERS).param("owners", OWNERS).update();
            jdbc.sql(TEMPLATE).update();
            jdbc.sql(SEQUENCE_ROWS).param("owners", OWNERS).param("sequences", SEQUENCES).update();
            jdbc.sql(STEPS).param("sequences", SEQUENCES).update();
            jdbc.sql(VARIANTS).update();
        });
        time(String.format(Locale.ROOT, "%,d prospects", enrollments),
                () -> jdbc.sql(PROSPECTS).param("owners", OWNERS).param("enrollments", enrollments).update());
        time(String.format(Locale.ROOT, "%,d enrollments", enrollments),
                () -> jdbc.sql(ENROLLMENTS).param("owners", OWNERS).param("sequences", SEQUENCES)
                        .param("enrollments", enrollments).update());
        time(String.format(Locale.ROOT, "%,d events", events),
                () -> jdbc.sql(EVENTS).param("owners", OWNERS).param("sequences", SEQUENCES)
                        .param("enrollments", enrollments).param("events", events).param("lastDay", LAST_DAY)
                        .update());
        time("opportunities and stage transitions", () -> {
            jdbc.sql(OPPORTUNITIES).param("owners", OWNERS).param("sequences", SEQUENCES)
                    .param("enrollments", enrollments).param("lastDay", LAST_DAY).update();
            jdbc.sql(TRANSITIONS).update();
        });
        for (String identity : IDENTITIES) {
            jdbc.sql(identity).query().singleRow();
        }
        time("analyze", () -> jdbc.sql("ANALYZE").update());
    }

    static void time(String what, Runnable step) {
        long start = System.nanoTime();
        step.run();
        System.out.printf(Locale.ROOT, "  %-40s %8.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}
