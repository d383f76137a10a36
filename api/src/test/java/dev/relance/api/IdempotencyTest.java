package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;

/** A retried creating POST with the same Idempotency-Key gets the first answer and creates nothing. */
@ApiTest
class IdempotencyTest {

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_retried_create_returns_the_first_answer_and_creates_once() {
        Api sdr = fixtures.as(Role.SDR).withHeader("Idempotency-Key", "create-ada-1");
        Response first = sdr.post("/api/v1/prospects", Json.prospect("ada@idempotent.test"));
        Response retry = sdr.post("/api/v1/prospects", Json.prospect("ada@idempotent.test"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email = 'ada@idempotent.test'").query(Long.class).single())
                .isOne();
    }

    @Test
    void a_double_click_on_enroll_enrolls_once_and_answers_both_clicks_alike() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api admin = fixtures.as(Role.ADMIN);
        long mailbox = admin.post("/api/v1/mailboxes", Json.mailbox("clicker@relance.test", sdr.id())).json().get("id").asLong();
        long sequence = admin.post("/api/v1/sequences", Json.sequence("Double click")).json().get("id").asLong();
        Api api = fixtures.as(sdr);
        long prospect = api.post("/api/v1/prospects", Json.prospect("clicked@idempotent.test")).json().get("id").asLong();
        String body = """
                {"sequenceId": %d, "prospectId": %d, "mailboxId": %d}
                """.formatted(sequence, prospect, mailbox);

        Api clicks = api.withHeader("Idempotency-Key", "enroll-" + prospect);
        Response first = clicks.post("/api/v1/enrollments", body);
        Response second = clicks.post("/api/v1/enrollments", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE prospect_id = :p").param("p", prospect)
                .query(Long.class).single()).isOne();
        assertThat(api.post("/api/v1/enrollments", body).status()).as("without a key, a second enroll is a conflict")
                .isEqualTo(409);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        Api sdr = fixtures.as(Role.SDR).withHeader("Idempotency-Key", "reused");
        assertThat(sdr.post("/api/v1/prospects", Json.prospect("one@idempotent.test")).status()).isEqualTo(201);
        Response reused = sdr.post("/api/v1/prospects", Json.prospect("two@idempotent.test"));
        ApiValidationTest.assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email = 'two@idempotent.test'").query(Long.class).single())
                .isZero();
    }

    @Test
    void keys_belong_to_their_user() {
        Api first = fixtures.as(Role.SDR).withHeader("Idempotency-Key", "shared");
        Api second = fixtures.as(Role.SDR).withHeader("Idempotency-Key", "shared");
        assertThat(first.post("/api/v1/prospects", Json.prospect("first@keys.test")).status()).isEqualTo(201);
        assertThat(second.post("/api/v1/prospects", Json.prospect("second@keys.test")).status()).isEqualTo(201);
    }
}
