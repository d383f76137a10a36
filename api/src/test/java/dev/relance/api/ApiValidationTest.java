package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;

/** Bad input gets a 4xx problem+json, never a 500, and writes nothing. */
@ApiTest
class ApiValidationTest {

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Api sdr;

    @BeforeEach
    void signIn() {
        sdr = fixtures.as(Role.SDR);
    }

    @Test
    void malformed_json_is_a_400_problem_and_writes_nothing() {
        long before = prospects();
        Response response = sdr.post("/api/v1/prospects", "{\"email\": \"a@example.com\", ");
        assertProblem(response, 400, "malformed-request");
        assertThat(prospects()).isEqualTo(before);
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        long before = suppressions();
        Response response = sdr.post("/api/v1/suppressions", """
                {"kind": "EVERYTHING", "value": "a@example.com"}
                """);
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("ADDRESS", "DOMAIN");
        assertThat(suppressions()).isEqualTo(before);
    }

    @Test
    void an_invalid_email_address_is_a_field_error() {
        long before = prospects();
        Response response = sdr.post("/api/v1/prospects", Json.prospect("not-an-address"));
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(prospects()).isEqualTo(before);
    }

    @Test
    void a_missing_required_field_is_a_field_error() {
        long before = prospects();
        Response response = sdr.post("/api/v1/prospects", """
                {"firstName": "Ada"}
                """);
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(prospects()).isEqualTo(before);
    }

    @Test
    void an_unknown_field_is_refused_rather_than_silently_ignored() {
        Response response = sdr.post("/api/v1/prospects", """
                {"email": "typo@example.com", "frist_name": "Ada"}
                """);
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("frist_name");
    }

    @Test
    void a_10_mb_body_is_a_413_problem_and_writes_nothing() {
        long before = prospects();
        char[] padding = new char[10 * 1024 * 1024];
        Arrays.fill(padding, 'x');
        String body = "{\"email\": \"big@example.com\", \"title\": \"" + new String(padding) + "\"}";
        Response response = sdr.post("/api/v1/prospects", body);
        assertProblem(response, 413, "payload-too-large");
        assertThat(prospects()).isEqualTo(before);
    }

    @Test
    void a_10_mb_chunked_body_without_length_is_also_a_413() {
        long before = prospects();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        var chunks = java.util.stream.Stream.generate(() -> chunk).limit(160).toList();
        Response response = sdr.sendRaw("POST", "/api/v1/prospects", HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(chunks)));
        assertProblem(response, 413, "payload-too-large");
        assertThat(prospects()).isEqualTo(before);
    }

    @Test
    void a_duplicate_email_is_a_409_problem_whatever_its_case_and_writes_nothing() {
        assertThat(sdr.post("/api/v1/prospects", Json.prospect("Grace@Example-Dup.com")).status()).isEqualTo(201);
        long before = prospects();
        long accountsBefore = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
        Response response = sdr.post("/api/v1/prospects", Json.prospect("grace@EXAMPLE-DUP.com"));
        assertProblem(response, 409, "duplicate-prospect");
        assertThat(prospects()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(accountsBefore);
    }

    @Test
    void a_wrong_type_in_a_path_or_query_parameter_is_a_400_not_a_500() {
        assertProblem(sdr.get("/api/v1/prospects/abc"), 400, "validation");
        assertProblem(sdr.get("/api/v1/enrollments?state=DANCING"), 400, "validation");
        assertProblem(sdr.get("/api/v1/prospects?limit=100000"), 400, "validation");
        assertProblem(sdr.get("/api/v1/prospects?cursor=not-a-cursor"), 400, "validation");
    }

    @Test
    void an_unknown_id_is_a_404_problem() {
        assertProblem(sdr.get("/api/v1/prospects/987654321"), 404, "not-found");
    }

    @Test
    void a_body_in_another_media_type_is_a_415_problem() {
        Response response = sdr.withHeader("Content-Type", "text/plain").post("/api/v1/prospects", "email=a@b.c");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void a_time_zone_that_does_not_exist_is_a_field_error() {
        Response response = sdr.post("/api/v1/prospects", """
                {"email": "tz@example.com", "timeZone": "Mars/Olympus_Mons"}
                """);
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
    }

    private long prospects() {
        return jdbc.sql("SELECT count(*) FROM prospect").query(Long.class).single();
    }

    private long suppressions() {
        return jdbc.sql("SELECT count(*) FROM suppression").query(Long.class).single();
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("https://relance.dev/problems/" + type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
