package dev.relance.api;

import static dev.relance.engine.user.Role.ADMIN;
import static dev.relance.engine.user.Role.MANAGER;
import static dev.relance.engine.user.Role.SDR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.testing.MutableClock;

/** Stages, opportunities, moves and metrics over HTTP: roles, problems for bad input, CSV. */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineApiTest {

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.core.env.Environment environment;

    SignedIn sdr;
    SignedIn otherSdr;
    Api admin;
    Api manager;
    long prospect;

    @BeforeAll
    void signIn() {
        admin = fixtures.as(ADMIN);
        manager = fixtures.as(MANAGER);
        sdr = fixtures.signIn(SDR);
        otherSdr = fixtures.signIn(SDR);
        Response created = fixtures.as(sdr).post("/api/v1/prospects", Json.prospect("deal@pipeline-api.test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        prospect = created.json().get("id").asLong();
    }

    @Test
    void an_sdr_creates_moves_closes_and_reopens_their_opportunity_and_every_change_is_recorded() {
        Api api = fixtures.as(sdr);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        Response created = api.post("/api/v1/opportunities", """
                {"name": "Pipeline API deal", "prospectId": %d, "stage": "SAL", "amount": "25000.00", "currency": "EUR",
                 "sourceOwnerId": %d, "demandUnit": "Finance"}
                """.formatted(prospect, sdr.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("ownerId").asLong()).isEqualTo(sdr.id());
        assertThat(created.json().get("amount").asString()).isEqualTo("25000.00");
        assertThat(created.json().get("accountId").isNull()).isFalse();

        clock.set(Instant.parse("2026-03-09T10:00:00Z"));
        Response won = api.post("/api/v1/opportunities/" + id + "/stage", """
                {"stage": "CLOSED_WON"}
                """);
        assertThat(won.json().get("closedAt").asString()).isEqualTo("2026-03-09T10:00:00Z");
        Response reopened = api.post("/api/v1/opportunities/" + id + "/stage", """
                {"stage": "OPPORTUNITY"}
                """);
        assertThat(reopened.json().get("closedAt").isNull()).isTrue();
        Response again = api.post("/api/v1/opportunities/" + id + "/stage", """
                {"stage": "OPPORTUNITY"}
                """);
        assertThat(again.status()).isEqualTo(409);

        Response edited = api.put("/api/v1/opportunities/" + id, """
                {"name": "Renamed deal", "prospectId": %d, "amount": "30000.00", "currency": "EUR"}
                """.formatted(prospect));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("amount").asString()).isEqualTo("30000.00");
        assertThat(edited.json().get("stage").asString()).isEqualTo("OPPORTUNITY");
        assertThat(edited.json().get("source").get("ownerId").asLong()).isEqualTo(sdr.id());
        assertField(api.put("/api/v1/opportunities/" + id, """
                {"name": "Renamed deal", "prospectId": %d, "stage": "SQL"}
                """.formatted(prospect)), "stage");

        Response history = api.get("/api/v1/opportunities/" + id + "/transitions");
        assertThat(history.json()).hasSize(3);
        assertThat(history.json().get(2).get("fromStage").asString()).isEqualTo("CLOSED_WON");
        assertThat(history.json().get(2).get("reason").asString()).isEqualTo("reopened");
        assertThat(history.json().get(2).get("changedBy").asLong()).isEqualTo(sdr.id());
    }

    @Test
    void an_sdr_sees_only_their_own_opportunities_and_figures() {
        long mine = fixtures.as(sdr).post("/api/v1/opportunities", opportunity("SQL", null, null)).json().get("id")
                .asLong();
        Api other = fixtures.as(otherSdr);
        assertThat(other.get("/api/v1/opportunities/" + mine).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/opportunities/" + mine + "/stage", "{\"stage\": \"SAL\"}").status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/opportunities?ownerId=" + sdr.id()).json().get("items")).isEmpty();
        assertThat(manager.get("/api/v1/opportunities/" + mine).status()).isEqualTo(200);
        Response forSomeoneElse = other.post("/api/v1/opportunities", """
                {"name": "Not mine", "prospectId": %d, "ownerId": %d}
                """.formatted(prospect, sdr.id()));
        assertThat(forSomeoneElse.status()).isEqualTo(403);

        // The other SDR asks for the first one's figures and gets their own (none).
        Response figures = other.get("/api/v1/pipeline/metrics?ownerId=" + sdr.id());
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.json().get("ownerId").asLong()).isEqualTo(otherSdr.id());
        assertThat(manager.get("/api/v1/pipeline/metrics?ownerId=" + sdr.id()).json().get("ownerId").asLong())
                .isEqualTo(sdr.id());
    }

    @Test
    void bad_input_is_a_problem_never_a_500() {
        Api api = fixtures.as(sdr);
        assertField(api.post("/api/v1/opportunities", opportunity("NO_SUCH_STAGE", null, null)), "stage");
        assertField(api.post("/api/v1/opportunities", opportunity("SAL", "\"-10.00\"", "\"EUR\"")), "amount");
        assertField(api.post("/api/v1/opportunities", opportunity("SAL", "\"10.001\"", "\"EUR\"")), "amount");
        assertField(api.post("/api/v1/opportunities", opportunity("SAL", "\"10.00\"", "\"XYZ\"")), "currency");
        assertField(api.post("/api/v1/opportunities", opportunity("SAL", "\"10.00\"", null)), "currency");
        assertField(api.post("/api/v1/opportunities", opportunity("SAL", null, "\"EUR\"")), "amount");
        assertField(api.post("/api/v1/opportunities", """
                {"name": "Nowhere"}
                """), "accountId");
        assertField(api.post("/api/v1/opportunities", """
                {"name": "Ghost", "accountId": 999999}
                """), "accountId");
        long id = api.post("/api/v1/opportunities", opportunity("SAL", null, null)).json().get("id").asLong();
        assertField(api.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\": \"WHATEVER\"}"), "stage");
        assertField(api.get("/api/v1/pipeline/metrics?from=2026-03-31&to=2026-03-01"), "from");
        assertField(api.get("/api/v1/pipeline/metrics?from=yesterday"), "from");
        assertField(api.get("/api/v1/pipeline/metrics?format=xml"), "format");
        assertThat(api.post("/api/v1/opportunities/999999/stage", "{\"stage\": \"SAL\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbound/999999/qualify", null).status()).isEqualTo(404);
    }

    @Test
    void admins_configure_stages_and_a_stage_in_use_cannot_be_deleted() {
        Response created = admin.post("/api/v1/pipeline/stages", """
                {"key": "DEMO_DONE", "name": "Demo done", "probability": 0.4, "category": "OPEN"}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long stage = created.json().get("id").asLong();
        Response listed = admin.get("/api/v1/pipeline/stages");
        assertThat(listed.json().get(listed.json().size() - 1).get("key").asString()).isEqualTo("DEMO_DONE");
        assertThat(admin.post("/api/v1/pipeline/stages", """
                {"key": "DEMO_DONE", "name": "Again", "probability": 0.4, "category": "OPEN"}
                """).status()).isEqualTo(409);
        assertField(admin.post("/api/v1/pipeline/stages", """
                {"key": "TOO_SURE", "name": "Too sure", "probability": 1.5, "category": "OPEN"}
                """), "probability");

        java.util.List<String> keys = new java.util.ArrayList<>();
        listed.json().forEach(s -> keys.add(s.get("key").asString()));
        keys.remove("DEMO_DONE");
        keys.add(keys.indexOf("OPPORTUNITY"), "DEMO_DONE");
        Response order = admin.put("/api/v1/pipeline/stages/order", "{\"keys\": [\"" + String.join("\", \"", keys) + "\"]}");
        assertThat(order.status()).as(order.toString()).isEqualTo(200);
        assertThat(order.json().get(4).get("key").asString()).isEqualTo("DEMO_DONE");
        assertField(admin.put("/api/v1/pipeline/stages/order", "{\"keys\": [\"SAL\"]}"), "keys");

        fixtures.as(sdr).post("/api/v1/opportunities", opportunity("DEMO_DONE", null, null));
        Response inUse = admin.delete("/api/v1/pipeline/stages/" + stage);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("type").asString()).isEqualTo("https://relance.dev/problems/in-use");
        long sal = fixtures.as(sdr).get("/api/v1/pipeline/stages").json().get(2).get("id").asLong();
        assertThat(admin.delete("/api/v1/pipeline/stages/" + sal).status()).isEqualTo(409);

        long unused = admin.post("/api/v1/pipeline/stages", """
                {"key": "UNUSED", "name": "Unused", "probability": 0.3, "category": "OPEN"}
                """).json().get("id").asLong();
        assertThat(admin.delete("/api/v1/pipeline/stages/" + unused).status()).isEqualTo(204);
        assertThat(manager.post("/api/v1/pipeline/stages", "{}").status()).isEqualTo(403);
    }

    @Test
    void metrics_export_as_csv_with_formula_cells_neutralised() {
        admin.post("/api/v1/pipeline/stages", """
                {"key": "FORMULA", "name": "=HYPERLINK(\\"http://evil.test\\",\\"x\\")", "probability": 0.1, "category": "OPEN"}
                """);
        Response csv = manager.get("/api/v1/pipeline/metrics?format=csv&from=2026-03-01&to=2026-03-31");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("stage,name,position,category,probability,entered,advanced,conversionRate,")
                .contains("\r\nFORMULA,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",");
        java.net.http.HttpResponse<String> byAccept = acceptingCsv("/api/v1/pipeline/metrics?table=currencies");
        assertThat(byAccept.statusCode()).isEqualTo(200);
        assertThat(byAccept.body()).startsWith("currency,openCount,openAmount,weightedAmount,");
        assertField(manager.get("/api/v1/pipeline/metrics?format=csv&table=nope"), "table");
    }

    // The test client always sends a JSON Accept header; this request asks for CSV only.
    private java.net.http.HttpResponse<String> acceptingCsv(String path) {
        SignedIn who = fixtures.signIn(MANAGER);
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/csv")
                    .header("Authorization", "Bearer " + who.token()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String opportunity(String stage, String amount, String currency) {
        return """
                {"name": "Pipeline API deal", "prospectId": %d, "stage": "%s", "amount": %s, "currency": %s}
                """.formatted(prospect, stage, amount, currency);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        java.util.List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.toString()).contains(field);
    }
}
