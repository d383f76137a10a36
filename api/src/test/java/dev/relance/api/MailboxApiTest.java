package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;

@ApiTest
class MailboxApiTest {

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwords_are_write_only_and_encrypted_at_rest() {
        Api admin = fixtures.as(Role.ADMIN);
        Response created = admin.post("/api/v1/mailboxes", Json.mailbox("secret-keeper@relance.test", null));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("smtp-secret-password");
        assertThat(created.json().get("smtp").get("passwordSet").asBoolean()).isTrue();
        byte[] stored = jdbc.sql("SELECT smtp_password_enc FROM mailbox WHERE id = :id")
                .param("id", created.json().get("id").asLong()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("smtp-secret-password");
        assertThat(admin.get("/api/v1/mailboxes/" + created.json().get("id").asLong()).body())
                .doesNotContain("smtp-secret-password");
    }

    @Test
    void a_replace_without_password_keeps_the_stored_one() {
        Api admin = fixtures.as(Role.ADMIN);
        long id = admin.post("/api/v1/mailboxes", Json.mailbox("keeper@relance.test", null)).json().get("id").asLong();
        byte[] before = password(id);

        Response replaced = admin.put("/api/v1/mailboxes/" + id, """
                {"emailAddress": "keeper@relance.test", "displayName": "Renamed", "timeZone": "Europe/Paris", "dailyCap": 50,
                 "smtp": {"host": "smtp.example.com", "port": 587, "security": "STARTTLS", "username": "keeper@relance.test"}}
                """);

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("dailyCap").asInt()).isEqualTo(50);
        assertThat(password(id)).isEqualTo(before);
    }

    @Test
    void a_display_name_with_a_line_break_is_refused_because_it_would_inject_headers() {
        Api admin = fixtures.as(Role.ADMIN);
        Response response = admin.post("/api/v1/mailboxes", Json.mailbox("inject@relance.test", null)
                .replace("Sam Seller", "Sam\\r\\nBcc: all@example.com"));
        ApiValidationTest.assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
    }

    @Test
    void a_mailbox_is_paused_resumed_and_disabled_for_good() {
        Api admin = fixtures.as(Role.ADMIN);
        long id = admin.post("/api/v1/mailboxes", Json.mailbox("lifecycle@relance.test", null)).json().get("id").asLong();

        assertThat(admin.post("/api/v1/mailboxes/" + id + "/pause", "{\"reason\": \"warm-up\"}").json().get("status").asString())
                .isEqualTo("PAUSED");
        assertThat(admin.post("/api/v1/mailboxes/" + id + "/resume", null).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(admin.post("/api/v1/mailboxes/" + id + "/disable", null).json().get("status").asString()).isEqualTo("DISABLED");
        ApiValidationTest.assertProblem(admin.post("/api/v1/mailboxes/" + id + "/resume", null), 409, "mailbox-disabled");
    }

    @Test
    void a_duplicate_address_is_a_conflict() {
        Api admin = fixtures.as(Role.ADMIN);
        assertThat(admin.post("/api/v1/mailboxes", Json.mailbox("twice@relance.test", null)).status()).isEqualTo(201);
        ApiValidationTest.assertProblem(admin.post("/api/v1/mailboxes", Json.mailbox("TWICE@relance.test", null)), 409,
                "duplicate-mailbox");
    }

    private byte[] password(long id) {
        return jdbc.sql("SELECT smtp_password_enc FROM mailbox WHERE id = :id").param("id", id).query(byte[].class).single();
    }
}
