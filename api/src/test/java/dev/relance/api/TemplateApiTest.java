package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

@ApiTest
class TemplateApiTest {

    @Autowired
    ApiFixtures fixtures;

    @Test
    void a_marketer_revises_a_variants_template_and_the_sequence_shows_the_new_version() {
        Api marketer = fixtures.as(Role.MARKETER);
        JsonNode sequence = marketer.post("/api/v1/sequences", Json.sequence("Revisable")).json();
        long templateId = sequence.get("steps").get(0).get("variants").get(0).get("templateId").asLong();

        Response revised = marketer.post("/api/v1/templates/" + templateId + "/versions", """
                {"subject": "Better subject", "bodyText": "Hi {{ first_name | default: 'there' }}, a better body."}
                """);

        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        assertThat(revised.json().get("version").asInt()).isEqualTo(2);
        assertThat(marketer.get("/api/v1/templates/" + templateId + "/versions").json()).hasSize(2);
        JsonNode variant = marketer.get("/api/v1/sequences/" + sequence.get("id").asLong()).json()
                .get("steps").get(0).get("variants").get(0);
        assertThat(variant.get("subject").asString()).isEqualTo("Better subject");
        ApiValidationTest.assertProblem(fixtures.as(Role.SDR).post("/api/v1/templates/" + templateId + "/versions", """
                {"subject": "Nope", "bodyText": "Nope"}
                """), 403, "forbidden");
    }

    @Test
    void validation_answers_errors_with_line_and_column_and_warnings_apart() {
        Response response = fixtures.as(Role.SDR).post("/api/v1/templates/validate", """
                {"subject": "Hi {{ first_name | default: 'there' }}",
                 "bodyText": "Line one\\n{% if first_name %}unclosed\\n{{ custom.never_seen | default: 'x' }}"}
                """);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("valid").asBoolean()).isFalse();
        assertThat(response.json().get("errors").get(0).get("line").asInt()).isPositive();
    }

    @Test
    void a_preview_renders_for_a_stored_prospect_with_the_unsubscribe_footer() {
        Api sdr = fixtures.as(Role.SDR);
        long prospect = sdr.post("/api/v1/prospects", """
                {"email": "camille@preview-fr.test", "firstName": "Camille", "timeZone": "Europe/Paris", "locale": "fr-FR"}
                """).json().get("id").asLong();

        Response preview = sdr.post("/api/v1/templates/preview", """
                {"subject": "{Bonjour|Salut} {{ first_name }}", "bodyText": "Un mot pour {{ company | default: 'votre équipe' }}.",
                 "prospectId": %d}
                """.formatted(prospect));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("subject").asString()).matches("(Bonjour|Salut) Camille");
        assertThat(preview.json().get("text").asString()).contains("Un mot pour").contains("unsubscribe");
        assertThat(preview.json().get("html").isNull()).isTrue();
    }

    @Test
    void a_preview_of_an_invalid_template_is_a_400_with_field_errors() {
        Response preview = fixtures.as(Role.MARKETER).post("/api/v1/templates/preview", """
                {"subject": "Hi", "bodyText": "{% for x in %}"}
                """);
        ApiValidationTest.assertProblem(preview, 400, "validation");
    }

    @Test
    void snippets_are_versioned_and_included_by_name() {
        Api marketer = fixtures.as(Role.MARKETER);
        Response created = marketer.post("/api/v1/snippets", """
                {"name": "ps_demo", "description": "PS", "body": "PS: a 2-minute demo video is here."}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        marketer.put("/api/v1/snippets/" + id, """
                {"name": "ps_demo", "description": "PS", "body": "PS: a 90-second demo video is here."}
                """);
        assertThat(marketer.get("/api/v1/snippets/" + id + "/versions").json()).hasSize(2);

        Response preview = marketer.post("/api/v1/templates/preview", """
                {"subject": "Hi", "bodyText": "Body.\\n\\n{% snippet 'ps_demo' %}"}
                """);
        assertThat(preview.json().get("text").asString()).contains("90-second");
    }

    @Test
    void a_stock_cadence_is_copied_into_a_draft_sequence_in_french() {
        Api marketer = fixtures.as(Role.MARKETER);
        JsonNode stock = marketer.get("/api/v1/stock-sequences").json();
        assertThat(stock.size()).isGreaterThanOrEqualTo(6);

        Response copy = marketer.post("/api/v1/stock-sequences/cold-calling-referral/copy?locale=fr", null);

        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        assertThat(copy.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(copy.json().get("steps").size()).isGreaterThanOrEqualTo(5);
        assertThat(copy.json().get("steps").get(0).get("variants").get(0).get("bodyText").asString()).contains("Bonjour");
        ApiValidationTest.assertProblem(marketer.post("/api/v1/stock-sequences/no-such-cadence/copy", null), 404, "not-found");
    }
}
