package dev.relance.engine.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Soft bounces in a row per prospect address: a run of them ends like a hard bounce, and any sign
 * the address works (a reply, an auto-reply) starts the count again.
 */
@Repository
class BounceCounts {

    private static final String ADD_SOFT = """
            UPDATE prospect SET soft_bounces_in_row = soft_bounces_in_row + 1 WHERE id = :id
            RETURNING soft_bounces_in_row
            """;

    private static final String RESET = "UPDATE prospect SET soft_bounces_in_row = 0 WHERE id = :id AND soft_bounces_in_row <> 0";

    private final JdbcClient jdbc;

    BounceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more soft bounce; returns the count in a row. */
    int addSoft(long prospectId) {
        return jdbc.sql(ADD_SOFT).param("id", prospectId).query(Integer.class).optional().orElse(0);
    }

    void reset(long prospectId) {
        jdbc.sql(RESET).param("id", prospectId).update();
    }
}
