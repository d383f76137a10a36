package dev.relance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineTest
class MigrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrations_create_the_core_model_quartz_and_batch_tables_on_an_empty_database() {
        List<String> tables = jdbc.sql("""
                SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = 'public'
                """).query(String.class).list();
        assertThat(tables).contains("app_user", "api_token", "mailbox", "account", "prospect", "suppression", "sequence",
                "sequence_schedule", "send_window", "sequence_step", "step_variant", "template", "template_version",
                "enrollment", "message", "event", "task", "pipeline_stage", "opportunity", "stage_transition",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "batch_job_instance", "batch_step_execution");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single())
                .isZero();
    }

    @Test
    void the_test_session_does_not_run_in_utc_so_hidden_conversions_fail_loudly() {
        assertThat(jdbc.sql("SHOW TimeZone").query(String.class).single()).isNotIn("UTC", "Etc/UTC", "GMT");
    }

    @Test
    void the_default_pipeline_is_the_demand_waterfall() {
        assertThat(jdbc.sql("SELECT key FROM pipeline_stage ORDER BY position").query(String.class).list())
                .containsExactly("INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "CLOSED_WON", "CLOSED_LOST");
    }

    @Test
    void status_columns_are_constrained_by_the_database() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app_user (username, email, display_name, role, password_hash, created_at, updated_at)
                VALUES ('x', 'x@example.com', 'X', 'GOD', 'h', now(), now())
                """).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void prospect_emails_are_unique_whatever_their_case() {
        jdbc.sql("""
                INSERT INTO prospect (email, created_at, updated_at) VALUES ('Ann@Example.com', now(), now())
                """).update();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO prospect (email, created_at, updated_at) VALUES ('ann@example.COM', now(), now())
                """).update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
