package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

/** Bulk enrollment jobs and erasure through HTTP. */
@ApiTest
class EnrollmentJobAndErasureApiTest {

    @Autowired
    ApiFixtures fixtures;

    @Test
    void a_job_answers_202_with_its_location_runs_in_the_background_and_reports_skipped_prospects_as_csv() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api api = fixtures.as(sdr);
        SignedIn admin = fixtures.signIn(Role.ADMIN);
        long mailbox = fixtures.as(admin).post("/api/v1/mailboxes", Json.mailbox("jobs" + System.nanoTime() + "@relance.test",
                sdr.id())).json().get("id").asLong();
        long sequence = fixtures.as(Role.MARKETER).post("/api/v1/sequences", Json.sequence("Jobs")).json().get("id").asLong();
        long a = api.post("/api/v1/prospects", Json.prospect("a" + System.nanoTime() + "@jobs-one.test")).json().get("id").asLong();
        String suppressedEmail = "b" + System.nanoTime() + "@jobs-two.test";
        long b = api.post("/api/v1/prospects", Json.prospect(suppressedEmail)).json().get("id").asLong();
        api.post("/api/v1/suppressions", "{\"kind\": \"ADDRESS\", \"value\": \"" + suppressedEmail + "\"}");

        Response started = api.post("/api/v1/enrollment-jobs", """
                {"sequenceId": %d, "mailboxId": %d, "prospectIds": [%d, %d]}
                """.formatted(sequence, mailbox, a, b));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        JsonNode done = awaitFinished(api, path);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("enrolled").asInt()).isEqualTo(1);
        assertThat(done.get("skipped").asInt()).isEqualTo(1);
        assertThat(done.get("percentage").asInt()).isEqualTo(100);
        Response csv = api.get(path + "/skipped");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("prospectId,email,code,reason\r\n")
                .contains(b + "," + suppressedEmail + ",suppressed,");
        assertThat(fixtures.as(fixtures.signIn(Role.SDR)).get(path).status()).as("another SDR's job").isEqualTo(404);
    }

    @Test
    void an_sdr_saves_a_filter_that_only_they_and_managers_see_and_enrolls_its_prospects_by_id() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api api = fixtures.as(sdr);
        long mailbox = fixtures.as(Role.ADMIN).post("/api/v1/mailboxes", Json.mailbox("sf" + System.nanoTime() + "@relance.test",
                sdr.id())).json().get("id").asLong();
        long sequence = fixtures.as(Role.MARKETER).post("/api/v1/sequences", Json.sequence("Saved")).json().get("id").asLong();
        String segment = "seg" + System.nanoTime();
        for (String email : new String[] {"a", "b"}) {
            api.post("/api/v1/prospects", """
                    {"email": "%s%d@saved.test", "customFields": {"segment": "%s"}}
                    """.formatted(email, System.nanoTime(), segment));
        }
        api.post("/api/v1/prospects", """
                {"email": "c%d@saved.test", "customFields": {"segment": "other"}}
                """.formatted(System.nanoTime()));
        String filter = """
                {"name": "Segment %s", "criteria": {"customField": "segment", "customValue": "%s"}}
                """.formatted(segment, segment);

        Response saved = api.post("/api/v1/prospect-filters", filter);
        Response duplicate = api.post("/api/v1/prospect-filters", filter);
        Response halfCustom = api.post("/api/v1/prospect-filters", """
                {"name": "half", "criteria": {"customField": "segment"}}
                """);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        long id = saved.json().get("id").asLong();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(halfCustom.status()).isEqualTo(400);
        assertThat(halfCustom.isProblem()).isTrue();
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/prospect-filters/" + id).status()).isEqualTo(200);
        Api otherSdr = fixtures.as(fixtures.signIn(Role.SDR));
        assertThat(otherSdr.get("/api/v1/prospect-filters/" + id).status()).isEqualTo(404);
        assertThat(otherSdr.post("/api/v1/enrollment-jobs", """
                {"sequenceId": %d, "savedFilterId": %d}
                """.formatted(sequence, id)).status()).as("another SDR's saved filter").isEqualTo(404);
        assertThat(fixtures.as(Role.MANAGER).delete("/api/v1/prospect-filters/" + id).status()).isEqualTo(403);

        Response started = api.post("/api/v1/enrollment-jobs", """
                {"sequenceId": %d, "mailboxId": %d, "savedFilterId": %d}
                """.formatted(sequence, mailbox, id));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode done = awaitFinished(api, location.substring(location.indexOf("/api/")));
        assertThat(done.get("enrolled").asInt()).isEqualTo(2);
        assertThat(done.get("total").asInt()).isEqualTo(2);
        assertThat(api.delete("/api/v1/prospect-filters/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/prospect-filters/" + id).status()).isEqualTo(404);
    }

    @Test
    void only_an_admin_erases_and_an_erased_address_is_never_enrolled_again() {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Api api = fixtures.as(sdr);
        Api admin = fixtures.as(Role.ADMIN);
        String email = "erase" + System.nanoTime() + "@erase-api.test";
        long prospect = api.post("/api/v1/prospects", Json.prospect(email)).json().get("id").asLong();

        assertThat(api.post("/api/v1/prospects/" + prospect + "/erase", null).status()).isEqualTo(403);
        Response erased = admin.post("/api/v1/prospects/" + prospect + "/erase", null);
        Response again = admin.post("/api/v1/erasures", "{\"email\": \"" + email.toUpperCase() + "\"}");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(201);
        assertThat(erased.body()).doesNotContain(email).doesNotContain("Lovelace");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("alreadyErased").asBoolean()).isTrue();
        assertThat(again.json().get("id").asLong()).isEqualTo(erased.json().get("id").asLong());
        assertThat(admin.get(erased.headers().firstValue("Location").orElseThrow()
                .substring(erased.headers().firstValue("Location").orElseThrow().indexOf("/api/"))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/prospects/" + prospect).json().get("email").asString()).endsWith("@erased.invalid");

        JsonNode fresh = api.post("/api/v1/prospects", Json.prospect("fresh" + System.nanoTime() + "@erase-api.test")).json();
        assertThat(fresh.get("doNotContact").isNull()).isTrue();
        assertThat(fresh.get("email").asString()).startsWith("fresh");
        Response recreatedResponse = api.post("/api/v1/prospects", Json.prospect(email));
        assertThat(recreatedResponse.status()).isEqualTo(201);
        JsonNode flag = recreatedResponse.json().get("doNotContact");
        assertThat(flag.get("matchedBy").asString()).isEqualTo("ADDRESS_HASH");
        assertThat(flag.get("reason").asString()).isEqualTo("ERASURE");
        assertThat(recreatedResponse.body()).doesNotContain(SuppressionService.addressHash(email));
        long recreated = recreatedResponse.json().get("id").asLong();
        assertThat(api.get("/api/v1/prospects/" + recreated).json().get("doNotContact").get("matchedBy").asString())
                .isEqualTo("ADDRESS_HASH");
        assertThat(api.get("/api/v1/prospects?email=" + email).json().get("items").get(0).get("doNotContact")
                .get("reason").asString()).isEqualTo("ERASURE");
        JsonNode forMarketer = fixtures.as(Role.MARKETER).get("/api/v1/prospects/" + recreated).json().get("doNotContact");
        assertThat(forMarketer.get("reason").asString()).isEqualTo("ERASURE");
        assertThat(forMarketer.get("suppressionId").isNull()).as("a marketer does not read suppressions").isTrue();
        assertThat(flag.get("suppressionId").isNull()).isFalse();
        long mailbox = admin.post("/api/v1/mailboxes", Json.mailbox("er" + System.nanoTime() + "@relance.test", sdr.id()))
                .json().get("id").asLong();
        long sequence = fixtures.as(Role.MARKETER).post("/api/v1/sequences", Json.sequence("Erased")).json().get("id").asLong();
        Response enroll = api.post("/api/v1/enrollments", """
                {"sequenceId": %d, "prospectId": %d, "mailboxId": %d}
                """.formatted(sequence, recreated, mailbox));
        assertThat(enroll.status()).isEqualTo(409);
        assertThat(enroll.json().get("type").asString()).endsWith("/suppressed");
    }

    private static JsonNode awaitFinished(Api api, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = api.get(path).json();
            String status = job.get("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED") || Instant.now().isAfter(deadline)) {
                return job;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
