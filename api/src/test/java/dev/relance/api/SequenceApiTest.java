package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

@ApiTest
class SequenceApiTest {

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_sequence_is_written_and_read_as_one_document_with_schedule_and_steps() {
        Api marketer = fixtures.as(Role.MARKETER);
        Response created = marketer.post("/api/v1/sequences", Json.sequence("Outbound Q3"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode sequence = marketer.get("/api/v1/sequences/" + created.json().get("id").asLong()).json();
        assertThat(sequence.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(sequence.get("schedule").get("windows")).as("default Monday-Friday windows").hasSize(5);
        assertThat(sequence.get("steps")).hasSize(3);
        assertThat(sequence.get("steps").get(1).get("threadMode").asString()).isEqualTo("REPLY_IN_THREAD");
        assertThat(sequence.get("steps").get(1).get("delay").get("unit").asString()).isEqualTo("BUSINESS_DAYS");
        assertThat(sequence.get("steps").get(0).get("variants").get(0).get("templateVersion").asInt()).isEqualTo(1);
        assertThat(marketer.get("/api/v1/sequences").json().get("items").get(0).get("stepCount").asInt()).isEqualTo(3);
    }

    @Test
    void a_liquid_syntax_error_is_reported_on_its_field_with_its_line_and_nothing_is_written() {
        Api marketer = fixtures.as(Role.MARKETER);
        long before = jdbc.sql("SELECT count(*) FROM sequence").query(Long.class).single();
        Response response = marketer.post("/api/v1/sequences", Json.sequence("Broken")
                .replace("Hi {{ first_name | default: 'there' }}", "Hi {% if first_name %} unterminated"));

        ApiValidationTest.assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].variants[0].bodyText");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("line");
        assertThat(jdbc.sql("SELECT count(*) FROM sequence").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void editing_a_variant_makes_a_new_template_version_and_keeps_the_old_one() {
        Api marketer = fixtures.as(Role.MARKETER);
        JsonNode created = marketer.post("/api/v1/sequences", Json.sequence("Versioned")).json();
        long id = created.get("id").asLong();
        JsonNode firstStep = created.get("steps").get(0);
        JsonNode variant = firstStep.get("variants").get(0);
        String replacement = """
                {"name": "Versioned", "steps": [
                  {"id": %d, "type": "AUTO_EMAIL", "delay": {"amount": 0, "unit": "MINUTES"},
                   "variants": [{"id": %d, "label": "A", "subject": "New subject", "bodyText": "New body"}]}]}
                """.formatted(firstStep.get("id").asLong(), variant.get("id").asLong());

        Response replaced = marketer.put("/api/v1/sequences/" + id, replacement);

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode newVariant = replaced.json().get("steps").get(0).get("variants").get(0);
        assertThat(newVariant.get("templateVersion").asInt()).isEqualTo(2);
        assertThat(newVariant.get("subject").asString()).isEqualTo("New subject");
        assertThat(jdbc.sql("SELECT subject FROM template_version WHERE id = :id")
                .param("id", variant.get("templateVersionId").asLong()).query(String.class).single())
                .isEqualTo(variant.get("subject").asString());
    }

    @Test
    void an_sdr_reads_sequences_but_cannot_write_them() {
        Api sdr = fixtures.as(Role.SDR);
        assertThat(sdr.get("/api/v1/sequences").status()).isEqualTo(200);
        ApiValidationTest.assertProblem(sdr.post("/api/v1/sequences", Json.sequence("Nope")), 403, "forbidden");
    }
}
