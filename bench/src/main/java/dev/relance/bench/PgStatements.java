package dev.relance.bench;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With {@code -Dbench.pgstat=true}: PostgreSQL's own account of the measured run, from
 * pg_stat_statements (planning and execution time per statement, in the server). Off by default,
 * since tracking costs the server a little.
 */
final class PgStatements {

    private static final boolean ENABLED = Boolean.getBoolean("bench.pgstat");

    private static final String TOP = """
            SELECT calls, total_plan_time + total_exec_time AS total_ms, (total_plan_time + total_exec_time) / calls AS mean_ms,
                   rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
              FROM pg_stat_statements
             WHERE calls > 0
             ORDER BY total_plan_time + total_exec_time DESC
             LIMIT :limit
            """;

    private PgStatements() {
    }

    static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        return ENABLED ? builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on") : builder;
    }

    /** Starts counting from zero. */
    static void reset(JdbcClient jdbc) {
        if (ENABLED) {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).single();
        }
    }

    /** The statements that took the server the most time since {@link #reset}, per dispatched step. */
    static void print(JdbcClient jdbc, int steps) {
        if (!ENABLED) {
            return;
        }
        System.out.println("PostgreSQL time per statement during the measured run (pg_stat_statements, plan + execute):");
        System.out.println("  calls/step   µs/call   µs/step  statement");
        jdbc.sql(TOP).param("limit", 25).query((rs, row) -> String.format(Locale.ROOT, "  %10.2f %9.0f %9.0f  %s",
                rs.getLong("calls") / (double) steps, rs.getDouble("mean_ms") * 1000, rs.getDouble("total_ms") * 1000 / steps,
                abbreviate(rs.getString("query")))).list().forEach(System.out::println);
    }

    private static String abbreviate(String query) {
        return query.length() <= 150 ? query : query.substring(0, 147) + "...";
    }
}
