package dev.relance.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.support.Timestamps;
import dev.relance.engine.testing.OpenTransactions;
import dev.relance.engine.user.User;

/**
 * Random interleavings of events written by several transactions at once (some begun early and
 * committed late, some rolled back), with folds in between. After every fold, the rollups must equal
 * a recomputation from the raw events the watermark says were folded; at the end, from all events.
 * An id or time watermark fails this: a transaction begun first and committed last would be skipped.
 */
@EngineTest
class RollupConsistencyTest extends TwoOwnersSequenceTestBase {

    private static final Instant DAY1 = Instant.parse("2026-03-03T00:00:00Z");
    private static final String[] INTENTS = {"INTERESTED", "NOT_INTERESTED", "NEUTRAL", "QUESTION"};
    private static final String[] OUTCOMES = {"CONNECTED", "VOICEMAIL", "MEETING_BOOKED", "NO_ANSWER"};

    private static final String INSERT = """
            INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, step_id, variant_id,
                               prospect_id, owner_id, machine, data)
            VALUES (:type, :at, :message, :enrollment, :sequence, :step, :variant, :prospect, :owner, :machine,
                    CAST(:data AS jsonb))
            """;

    // The unique columns count messages among folded events; the totals count folded events.
    private static final String RECOMPUTED = """
            WITH e AS (
                SELECT *, coalesce((data ->> 'delayed')::boolean, false) AS delayed,
                       coalesce((data ->> 'hard')::boolean, false) AS hard, coalesce(machine, false) AS robot
                FROM event
                WHERE sequence_id = :sequence AND tx < (SELECT folded_below FROM report_fold_state)
            )
            SELECT coalesce(step_id, 0) AS step_id, coalesce(variant_id, 0) AS variant_id, coalesce(owner_id, 0) AS owner_id,
                   count(*) FILTER (WHERE type = 'SENT') AS sent,
                   count(DISTINCT message_id) FILTER (WHERE type = 'BOUNCED' AND NOT delayed AND hard) AS bounced_hard,
                   count(DISTINCT message_id) FILTER (WHERE type = 'BOUNCED' AND NOT delayed AND NOT hard) AS bounced_soft,
                   count(*) FILTER (WHERE type = 'BOUNCED' AND data ->> 'phase' = 'SMTP') AS bounced_at_send,
                   count(DISTINCT message_id) FILTER (WHERE type = 'BOUNCED' AND NOT delayed
                                                      AND data ->> 'phase' = 'DSN') AS bounced_after_send,
                   count(DISTINCT message_id) FILTER (WHERE type = 'OPENED' AND NOT robot) AS opened_human,
                   count(DISTINCT message_id) FILTER (WHERE type = 'OPENED' AND robot) AS opened_machine,
                   count(*) FILTER (WHERE type = 'OPENED' AND NOT robot) AS opens_human_total,
                   count(*) FILTER (WHERE type = 'OPENED' AND robot) AS opens_machine_total,
                   count(DISTINCT message_id) FILTER (WHERE type = 'CLICKED' AND NOT robot) AS clicked_human,
                   count(DISTINCT message_id) FILTER (WHERE type = 'CLICKED' AND robot) AS clicked_machine,
                   count(*) FILTER (WHERE type = 'CLICKED' AND NOT robot) AS clicks_human_total,
                   count(*) FILTER (WHERE type = 'CLICKED' AND robot) AS clicks_machine_total,
                   count(DISTINCT message_id) FILTER (WHERE type = 'REPLIED') AS replied,
                   count(DISTINCT message_id) FILTER (WHERE type = 'REPLIED' AND data ->> 'intent' = 'INTERESTED')
                       AS interested,
                   count(*) FILTER (WHERE type = 'AUTO_REPLIED') AS out_of_office,
                   count(*) FILTER (WHERE type = 'UNSUBSCRIBED') AS unsubscribed,
                   count(*) FILTER (WHERE type = 'COMPLAINED') AS complained,
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND data ->> 'outcomeCode' = 'MEETING_BOOKED'
                                    OR type = 'STOPPED' AND (data ->> 'meetingBooked')::boolean) AS meetings
            FROM e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """;

    private static final String ROLLED_UP = """
            SELECT step_id, variant_id, owner_id, sum(sent) AS sent, sum(bounced_hard) AS bounced_hard,
                   sum(bounced_soft) AS bounced_soft, sum(bounced_at_send) AS bounced_at_send,
                   sum(bounced_after_send) AS bounced_after_send, sum(opened_human) AS opened_human,
                   sum(opened_machine) AS opened_machine, sum(opens_human_total) AS opens_human_total,
                   sum(opens_machine_total) AS opens_machine_total, sum(clicked_human) AS clicked_human,
                   sum(clicked_machine) AS clicked_machine, sum(clicks_human_total) AS clicks_human_total,
                   sum(clicks_machine_total) AS clicks_machine_total, sum(replied) AS replied,
                   sum(interested) AS interested, sum(out_of_office) AS out_of_office, sum(unsubscribed) AS unsubscribed,
                   sum(complained) AS complained, sum(meetings) AS meetings
            FROM report_sequence_daily WHERE sequence_id = :sequence
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """;

    // Event totals fall on the day of each event, whatever the order of folding.
    private static final String RECOMPUTED_DAILY_TOTALS = """
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(step_id, 0) AS step_id,
                   coalesce(variant_id, 0) AS variant_id, coalesce(owner_id, 0) AS owner_id,
                   count(*) FILTER (WHERE type = 'SENT') AS sent,
                   count(*) FILTER (WHERE type = 'OPENED' AND NOT coalesce(machine, false)) AS opens_human_total,
                   count(*) FILTER (WHERE type = 'CLICKED' AND coalesce(machine, false)) AS clicks_machine_total,
                   count(*) FILTER (WHERE type = 'AUTO_REPLIED') AS out_of_office
            FROM event WHERE sequence_id = :sequence AND tx < (SELECT folded_below FROM report_fold_state)
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """;

    private static final String DAILY_TOTALS = """
            SELECT day, step_id, variant_id, owner_id, sent::bigint AS sent, opens_human_total::bigint AS opens_human_total,
                   clicks_machine_total::bigint AS clicks_machine_total, out_of_office::bigint AS out_of_office
            FROM report_sequence_daily WHERE sequence_id = :sequence ORDER BY 1, 2, 3, 4
            """;

    private static final String RECOMPUTED_OWNERS = """
            SELECT owner_id, count(*) FILTER (WHERE type = 'SENT') AS auto_emails,
                   count(*) FILTER (WHERE type = 'TASK_DONE') AS calls,
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND data ->> 'outcomeCode' IN ('CONNECTED', 'MEETING_BOOKED'))
                       AS calls_connected,
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND data ->> 'outcomeCode' = 'MEETING_BOOKED'
                                    OR type = 'STOPPED' AND (data ->> 'meetingBooked')::boolean) AS meetings
            FROM event WHERE sequence_id = :sequence AND tx < (SELECT folded_below FROM report_fold_state)
              AND type IN ('SENT', 'TASK_DONE', 'STOPPED')
            GROUP BY 1 ORDER BY 1
            """;

    private static final String OWNERS = """
            SELECT owner_id, sum(auto_emails) AS auto_emails, sum(calls) AS calls, sum(calls_connected) AS calls_connected,
                   sum(meetings) AS meetings
            FROM report_owner_daily WHERE owner_id IN (:owners) GROUP BY 1 ORDER BY 1
            """;

    private static final String RECOMPUTED_PROSPECTS = """
            SELECT prospect_id, min(occurred_at) FILTER (WHERE type IN ('SENT', 'TASK_DONE')) AS touched_at,
                   min(occurred_at) FILTER (WHERE type = 'REPLIED') AS replied_at,
                   min(occurred_at) FILTER (WHERE type = 'REPLIED' AND data ->> 'intent' = 'INTERESTED') AS interested_at
            FROM event WHERE sequence_id = :sequence AND tx < (SELECT folded_below FROM report_fold_state)
              AND type IN ('SENT', 'TASK_DONE', 'REPLIED')
            GROUP BY 1 ORDER BY 1
            """;

    private static final String PROSPECTS = """
            SELECT prospect_id, touched_at, replied_at, interested_at FROM report_sequence_prospect
            WHERE sequence_id = :sequence ORDER BY 1
            """;

    @Override
    protected int enrollmentsPerOwner() {
        return 4;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void rollups_always_equal_a_recomputation_from_the_folded_events(long seed) throws SQLException {
        Random random = new Random(seed);
        for (int step = 0; step < 400; step++) {
            int action = random.nextInt(100);
            List<Connection> open = transactions.open();
            if (action < 8 && open.size() < 3) {
                insert(OpenTransactions.in(transactions.begin()), random);
            } else if (action < 14 && !open.isEmpty()) {
                transactions.end(open.get(random.nextInt(open.size())), random.nextInt(10) > 0);
            } else if (action < 20) {
                rollups.foldNow();
                assertRollupsMatchTheFoldedEvents();
            } else if (!open.isEmpty() && random.nextBoolean()) {
                insert(OpenTransactions.in(open.get(random.nextInt(open.size()))), random);
            } else {
                insert(jdbc, random);
            }
        }
        for (Connection connection : transactions.open()) {
            transactions.end(connection, true);
        }
        rollups.foldNow();
        assertRollupsMatchTheFoldedEvents();
        assertThat(jdbc.sql("SELECT count(*) FROM event WHERE sequence_id = :s AND tx >= (SELECT folded_below FROM report_fold_state)")
                .param("s", f.sequence.id()).query(Long.class).single()).as("every committed event was folded").isZero();
    }

    @org.junit.jupiter.api.Test
    void an_event_of_a_transaction_begun_first_and_committed_last_is_folded_once() throws SQLException {
        Connection early = transactions.begin();
        JdbcClient first = OpenTransactions.in(early);
        Enrollment to = enrolled.getFirst();
        first.sql(INSERT).param("type", "SENT").param("at", Timestamps.of(DAY1)).param("message", 2_000_000_000L)
                .param("enrollment", to.id()).param("sequence", f.sequence.id()).param("step", f.emailStep)
                .param("variant", f.variantA).param("prospect", to.prospectId()).param("owner", to.ownerId())
                .param("machine", null).param("data", "{}").update();
        jdbc.sql(INSERT).param("type", "SENT").param("at", Timestamps.of(DAY1)).param("message", 2_000_000_001L)
                .param("enrollment", to.id()).param("sequence", f.sequence.id()).param("step", f.emailStep)
                .param("variant", f.variantA).param("prospect", to.prospectId()).param("owner", to.ownerId())
                .param("machine", null).param("data", "{}").update();

        rollups.foldNow();
        assertThat(sent()).as("the later transaction committed, but the earlier one is open: neither is folded yet")
                .isZero();
        transactions.end(early, true);
        rollups.foldNow();
        assertThat(sent()).isEqualTo(2);
        rollups.foldNow();
        assertThat(sent()).isEqualTo(2);
    }

    private long sent() {
        return jdbc.sql("SELECT coalesce(sum(sent), 0) FROM report_sequence_daily WHERE sequence_id = :s")
                .param("s", f.sequence.id()).query(Long.class).single();
    }

    private void assertRollupsMatchTheFoldedEvents() {
        long sequence = f.sequence.id();
        assertThat(rows(ROLLED_UP, sequence)).isEqualTo(rows(RECOMPUTED, sequence));
        assertThat(rows(DAILY_TOTALS, sequence)).isEqualTo(rows(RECOMPUTED_DAILY_TOTALS, sequence));
        assertThat(rows(PROSPECTS, sequence)).isEqualTo(rows(RECOMPUTED_PROSPECTS, sequence));
        assertThat(jdbc.sql(OWNERS).param("owners", owners.stream().map(User::id).toList()).query().listOfRows())
                .isEqualTo(rows(RECOMPUTED_OWNERS, sequence));
    }

    private List<Map<String, Object>> rows(String sql, long sequence) {
        return jdbc.sql(sql).param("sequence", sequence).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> normalised = new java.util.LinkedHashMap<>();
                    row.forEach((k, v) -> normalised.put(k, v instanceof Number n && !(v instanceof java.math.BigDecimal)
                            ? (Object) n.longValue() : v instanceof java.math.BigDecimal d ? d.longValueExact() : v));
                    return normalised;
                }).toList();
    }

    private void insert(JdbcClient client, Random random) {
        Enrollment to = enrolled.get(random.nextInt(enrolled.size()));
        long variant = random.nextBoolean() ? f.variantA : f.variantB;
        // far from the message ids of other test classes sharing the context's database
        long message = 1_000_000_000L + to.id() * 10 + (variant == f.variantA ? 1 : 2);
        Instant at = DAY1.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        String type;
        Boolean machine = null;
        String data = "{}";
        Long step = f.emailStep;
        Long messageId = message;
        Long variantId = variant;
        switch (random.nextInt(11)) {
            case 0, 1 -> type = "SENT";
            case 2 -> {
                type = "OPENED";
                machine = random.nextInt(3) == 0;
            }
            case 3 -> {
                type = "CLICKED";
                machine = random.nextBoolean();
            }
            case 4 -> {
                type = "REPLIED";
                data = "{\"intent\": \"" + INTENTS[random.nextInt(INTENTS.length)] + "\"}";
            }
            case 5 -> {
                type = "BOUNCED";
                data = "{\"hard\": " + random.nextBoolean() + ", \"delayed\": " + (random.nextInt(4) == 0)
                        + ", \"phase\": \"" + (random.nextInt(3) == 0 ? "SMTP" : "DSN") + "\"}";
            }
            case 6 -> type = random.nextBoolean() ? "AUTO_REPLIED" : "UNSUBSCRIBED";
            case 7 -> type = "COMPLAINED";
            case 8 -> {
                type = "TASK_DONE";
                data = "{\"taskType\": \"CALL\", \"outcomeCode\": \"" + OUTCOMES[random.nextInt(OUTCOMES.length)] + "\"}";
                step = f.callStep;
                messageId = null;
                variantId = null;
            }
            case 9 -> {
                type = "STOPPED";
                data = "{\"meetingBooked\": true}";
                step = null;
                messageId = null;
                variantId = null;
            }
            default -> type = "DELIVERED";
        }
        client.sql(INSERT).param("type", type).param("at", Timestamps.of(at)).param("message", messageId)
                .param("enrollment", to.id()).param("sequence", f.sequence.id()).param("step", step)
                .param("variant", variantId).param("prospect", to.prospectId()).param("owner", to.ownerId())
                .param("machine", machine).param("data", data).update();
    }
}
