package dev.relance.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.testing.OpenTransactions;

/**
 * The enrollment counts of the list of sequences (folded counts plus deltas) against a count of the
 * enrollment table, while state and owner changes are written by several transactions at once (some
 * left open across folds, some rolled back). Each open transaction changes its own enrollments, as the
 * dispatcher's chunks do.
 */
@EngineTest
class EnrollmentStateCountsTest extends TwoOwnersSequenceTestBase {

    private static final String[] STATES = {"ACTIVE", "PAUSED", "WAITING_TASK", "FINISHED", "REPLIED", "BOUNCED",
        "UNSUBSCRIBED", "STOPPED", "NEEDS_ATTENTION"};

    private static final String CHANGE = """
            UPDATE enrollment SET state = :state, owner_id = :owner WHERE id = :id
            """;

    private static final String COUNTED = """
            SELECT owner_id, state, sum(n)::bigint AS n
            FROM (SELECT owner_id, state, n FROM report_enrollment_states WHERE sequence_id = :sequence
                  UNION ALL
                  SELECT owner_id, state, n FROM report_enrollment_state_delta WHERE sequence_id = :sequence) c
            GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
            """;

    private static final String RECOUNTED = """
            SELECT owner_id, state, count(*)::bigint AS n FROM enrollment WHERE sequence_id = :sequence
            GROUP BY 1, 2 ORDER BY 1, 2
            """;

    @Autowired
    SequenceReports reports;

    @Override
    protected int enrollmentsPerOwner() {
        return 6;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void counts_always_equal_a_count_of_the_committed_enrollments(long seed) throws SQLException {
        Random random = new Random(seed);
        // Connection i (0 to 2, kept open) changes only enrollments i, i + 4, ...; the autocommitted
        // changes take the enrollments 3, 7, 11.
        Connection[] slots = new Connection[3];
        assertCountsMatch();
        for (int step = 0; step < 300; step++) {
            int action = random.nextInt(100);
            int slot = random.nextInt(4);
            if (action < 10) {
                rollups.foldNow();
                assertCountsMatch();
            } else if (action < 20 && slot < 3 && slots[slot] != null) {
                Connection connection = slots[slot];
                slots[slot] = null;
                transactions.end(connection, random.nextInt(5) > 0);
                assertCountsMatch();
            } else if (slot < 3) {
                if (slots[slot] == null) {
                    slots[slot] = transactions.begin();
                }
                change(OpenTransactions.in(slots[slot]), slot, random);
            } else {
                change(jdbc, 3, random);
                assertCountsMatch();
            }
        }
        for (Connection connection : slots) {
            if (connection != null) {
                transactions.end(connection, true);
            }
        }
        assertCountsMatch();
        rollups.foldNow();
        assertCountsMatch();
        assertThat(jdbc.sql("SELECT count(*) FROM report_enrollment_state_delta").query(Long.class).single())
                .as("every committed change was folded").isZero();
    }

    private void change(JdbcClient client, int slot, Random random) {
        int index = slot + 4 * random.nextInt(enrolled.size() / 4);
        client.sql(CHANGE).param("state", STATES[random.nextInt(STATES.length)])
                .param("owner", owners.get(random.nextInt(owners.size())).id())
                .param("id", enrolled.get(index).id()).update();
    }

    private void assertCountsMatch() {
        long sequence = f.sequence.id();
        List<Map<String, Object>> recounted = jdbc.sql(RECOUNTED).param("sequence", sequence).query().listOfRows();
        assertThat(jdbc.sql(COUNTED).param("sequence", sequence).query().listOfRows()).isEqualTo(recounted);
        Map<String, Long> byState = new TreeMap<>();
        recounted.forEach(row -> byState.merge((String) row.get("state"), (Long) row.get("n"), Long::sum));
        SequenceLine line = reports.list(new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")),
                null).stream().filter(l -> l.sequenceId() == sequence).findFirst().orElseThrow();
        assertThat(line.enrollments().byState()).isEqualTo(byState);
        assertThat(line.enrollments().enrolled()).isEqualTo(enrolled.size());
    }
}
