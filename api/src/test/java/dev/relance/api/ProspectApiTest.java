package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

@ApiTest
class ProspectApiTest {

    @Autowired
    ApiFixtures fixtures;

    @Test
    void a_prospect_is_created_read_replaced_and_deleted() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api api = fixtures.as(sdr);

        Response created = api.post("/api/v1/prospects", Json.prospect("Ada@Analytics-Example.COM"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/prospects/" + id));
        assertThat(created.json().get("email").asString()).isEqualTo("Ada@analytics-example.com");
        assertThat(created.json().get("ownerId").asLong()).as("owned by its creator").isEqualTo(sdr.id());
        assertThat(created.json().get("customFields").get("industry").asString()).isEqualTo("Analytics");

        Response replaced = api.put("/api/v1/prospects/" + id, """
                {"email": "ada@analytics-example.com", "firstName": "Augusta", "timeZone": "Europe/Paris", "ownerId": %d}
                """.formatted(sdr.id()));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/prospects/" + id).json().get("firstName").asString()).isEqualTo("Augusta");

        assertThat(api.delete("/api/v1/prospects/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/prospects/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_business_domain_makes_one_shared_account_and_free_mail_makes_none() {
        Api api = fixtures.as(Role.SDR);
        JsonNode first = api.post("/api/v1/prospects", Json.prospect("one@shared-company.test")).json();
        JsonNode second = api.post("/api/v1/prospects", Json.prospect("two@Shared-Company.test")).json();
        JsonNode personal = api.post("/api/v1/prospects", Json.prospect("someone@gmail.com")).json();

        assertThat(first.get("accountId").asLong()).isEqualTo(second.get("accountId").asLong());
        assertThat(api.get("/api/v1/accounts/" + first.get("accountId").asLong()).json().get("domain").asString())
                .isEqualTo("shared-company.test");
        assertThat(personal.get("accountId").isNull()).isTrue();
    }

    @Test
    void lists_are_paged_newest_first_with_an_opaque_cursor_and_filtered() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api api = fixtures.as(sdr);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("/api/v1/prospects", Json.prospect("paged" + i + "@paging.test")).json().get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/prospects?limit=2&ownerId=" + sdr.id() + cursor).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(ids.reversed());
        assertThat(api.get("/api/v1/prospects?email=PAGED3@paging.test").json().get("items")).hasSize(1);
    }

    @Test
    void an_sdr_cannot_change_a_colleagues_prospect_but_an_admin_can() {
        Api owner = fixtures.as(Role.SDR);
        Api colleague = fixtures.as(Role.SDR);
        Api admin = fixtures.as(Role.ADMIN);
        long id = owner.post("/api/v1/prospects", Json.prospect("mine@ownership.test")).json().get("id").asLong();

        ApiValidationTest.assertProblem(colleague.delete("/api/v1/prospects/" + id), 403, "forbidden");
        ApiValidationTest.assertProblem(colleague.put("/api/v1/prospects/" + id, Json.prospect("mine@ownership.test")), 403, "forbidden");
        assertThat(colleague.get("/api/v1/prospects/" + id).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/prospects/" + id).status()).isEqualTo(204);
    }

    @Test
    void suppressions_normalise_their_value_and_refuse_duplicates() {
        Api sdr = fixtures.as(Role.SDR);
        Response domain = sdr.post("/api/v1/suppressions", """
                {"kind": "DOMAIN", "value": "@Competitor.TEST", "source": "legal request"}
                """);
        assertThat(domain.status()).as(domain.toString()).isEqualTo(201);
        assertThat(domain.json().get("value").asString()).isEqualTo("competitor.test");
        assertThat(domain.json().get("reason").asString()).isEqualTo("MANUAL");
        ApiValidationTest.assertProblem(sdr.post("/api/v1/suppressions", """
                {"kind": "DOMAIN", "value": "competitor.test"}
                """), 409, "duplicate-suppression");
        ApiValidationTest.assertProblem(sdr.post("/api/v1/suppressions", """
                {"kind": "ADDRESS", "value": "not an address"}
                """), 400, "validation");
        long id = domain.json().get("id").asLong();
        Response corrected = sdr.put("/api/v1/suppressions/" + id, """
                {"kind": "DOMAIN", "value": "competitor.test", "reason": "COMPLAINT", "source": "ticket 42"}
                """);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("source").asString()).isEqualTo("ticket 42");
        ApiValidationTest.assertProblem(sdr.put("/api/v1/suppressions/" + id, """
                {"kind": "DOMAIN", "value": "someone-else.test"}
                """), 400, "validation");
    }
}
