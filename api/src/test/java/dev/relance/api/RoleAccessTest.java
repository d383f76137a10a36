package dev.relance.api;

import static dev.relance.engine.user.Role.ADMIN;
import static dev.relance.engine.user.Role.MANAGER;
import static dev.relance.engine.user.Role.MARKETER;
import static dev.relance.engine.user.Role.SDR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;

/**
 * The access matrix, role by role: every listed call is refused with a 403 problem for the roles
 * that may not make it, and gets past authorization (any answer but 401/403) for those that may.
 * Writing calls send an empty body, so that allowed roles get a 400 and nothing is written.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    record Call(String method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Call> MATRIX = List.of(
            new Call("GET", "/api/v1/imports", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/imports/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/imports/999999/errors", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/imports", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/imports/999999/restart", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/prospect-filters", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/prospect-filters", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/prospect-filters/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("DELETE", "/api/v1/prospect-filters/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/users", EnumSet.of(ADMIN)),
            new Call("GET", "/api/v1/teams", EnumSet.of(ADMIN, MANAGER)),
            new Call("GET", "/api/v1/teams/999999", EnumSet.of(ADMIN, MANAGER)),
            new Call("POST", "/api/v1/teams", EnumSet.of(ADMIN)),
            new Call("DELETE", "/api/v1/teams/999999", EnumSet.of(ADMIN)),
            new Call("POST", "/api/v1/users", EnumSet.of(ADMIN)),
            new Call("DELETE", "/api/v1/users/999999", EnumSet.of(ADMIN)),
            new Call("GET", "/api/v1/me", EVERYONE),
            new Call("GET", "/api/v1/me/tokens", EVERYONE),
            new Call("GET", "/api/v1/mailboxes", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/mailboxes", EnumSet.of(ADMIN)),
            new Call("PUT", "/api/v1/mailboxes/999999", EnumSet.of(ADMIN)),
            new Call("DELETE", "/api/v1/mailboxes/999999", EnumSet.of(ADMIN)),
            new Call("GET", "/api/v1/prospects", EVERYONE),
            new Call("POST", "/api/v1/prospects", EnumSet.of(ADMIN, SDR)),
            new Call("PUT", "/api/v1/prospects/999999", EnumSet.of(ADMIN, SDR)),
            new Call("DELETE", "/api/v1/prospects/999999", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/accounts", EVERYONE),
            new Call("POST", "/api/v1/accounts", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/suppressions", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/suppressions", EnumSet.of(ADMIN, SDR)),
            new Call("DELETE", "/api/v1/suppressions/999999", EnumSet.of(ADMIN)),
            new Call("PUT", "/api/v1/suppressions/999999", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/sequences", EVERYONE),
            new Call("POST", "/api/v1/sequences", EnumSet.of(ADMIN, MARKETER)),
            new Call("PUT", "/api/v1/sequences/999999", EnumSet.of(ADMIN, MARKETER)),
            new Call("DELETE", "/api/v1/sequences/999999", EnumSet.of(ADMIN, MARKETER)),
            new Call("POST", "/api/v1/sequences/999999/pause", EnumSet.of(ADMIN, MARKETER)),
            new Call("POST", "/api/v1/sequences/999999/activate", EnumSet.of(ADMIN, MARKETER)),
            new Call("POST", "/api/v1/prospects/999999/meeting-booked", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/templates/999999/versions", EVERYONE),
            new Call("POST", "/api/v1/templates/999999/versions", EnumSet.of(ADMIN, MARKETER)),
            new Call("POST", "/api/v1/templates/validate", EVERYONE),
            new Call("POST", "/api/v1/templates/preview", EVERYONE),
            new Call("GET", "/api/v1/snippets", EVERYONE),
            new Call("POST", "/api/v1/snippets", EnumSet.of(ADMIN, MARKETER)),
            new Call("DELETE", "/api/v1/snippets/999999", EnumSet.of(ADMIN, MARKETER)),
            new Call("GET", "/api/v1/stock-sequences", EVERYONE),
            new Call("POST", "/api/v1/stock-sequences/no-such/copy", EnumSet.of(ADMIN, MARKETER)),
            new Call("GET", "/api/v1/enrollments", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/enrollments", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/enrollments/bulk", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/enrollment-jobs", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/enrollment-jobs/999999", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/enrollment-jobs/999999/skipped", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/enrollment-jobs/999999/restart", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/prospects/999999/erase", EnumSet.of(ADMIN)),
            new Call("POST", "/api/v1/erasures", EnumSet.of(ADMIN)),
            new Call("GET", "/api/v1/erasures/999999", EnumSet.of(ADMIN)),
            new Call("POST", "/api/v1/enrollments/999999/pause", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/enrollments/999999/stop", EnumSet.of(ADMIN, SDR)),
            new Call("GET", "/api/v1/tasks", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/tasks/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/tasks/overdue-by-owner", EnumSet.of(ADMIN, MANAGER)),
            new Call("POST", "/api/v1/tasks/999999/complete", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/tasks/999999/skip", EnumSet.of(ADMIN, SDR)),
            new Call("POST", "/api/v1/inbound/classify", EVERYONE),
            new Call("GET", "/api/v1/inbound", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/inbound/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/inbound/999999/reviewed", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/inbound/999999/qualify", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/inbound/999999/disqualify", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/pipeline/stages", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/pipeline/stages", EnumSet.of(ADMIN)),
            new Call("PUT", "/api/v1/pipeline/stages/999999", EnumSet.of(ADMIN)),
            new Call("PUT", "/api/v1/pipeline/stages/order", EnumSet.of(ADMIN)),
            new Call("DELETE", "/api/v1/pipeline/stages/999999", EnumSet.of(ADMIN)),
            new Call("GET", "/api/v1/pipeline/metrics", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/opportunities", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/opportunities", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/opportunities/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("PUT", "/api/v1/opportunities/999999", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("POST", "/api/v1/opportunities/999999/stage", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/opportunities/999999/transitions", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("GET", "/api/v1/reports/sequences", EVERYONE),
            new Call("GET", "/api/v1/reports/sequences/999999", EVERYONE),
            new Call("GET", "/api/v1/reports/sequences/999999/funnel", EVERYONE),
            new Call("GET", "/api/v1/reports/reps", EnumSet.of(ADMIN, MANAGER, SDR)),
            new Call("PUT", "/api/v1/reports/targets/999999", EnumSet.of(ADMIN, MANAGER)),
            new Call("POST", "/api/v1/reports/sequences", EnumSet.noneOf(Role.class)),
            new Call("GET", "/actuator/prometheus", EnumSet.of(ADMIN)),
            new Call("GET", "/actuator/health", EVERYONE));

    @Autowired
    ApiFixtures fixtures;

    Map<Role, SignedIn> users;

    @BeforeAll
    void signIn() {
        users = fixtures.everyRole();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void each_role_gets_exactly_the_calls_of_the_matrix(Role role) {
        Api api = fixtures.as(users.get(role));
        SoftAssertions softly = new SoftAssertions();
        for (Call call : MATRIX) {
            Response response = api.send(call.method(), call.path(), call.method().equals("GET") || call.method().equals("DELETE") ? null : "{}");
            if (call.allowed().contains(role)) {
                softly.assertThat(response.status()).as(role + " " + call + " should pass authorization: " + response)
                        .isNotIn(401, 403).isLessThan(500);
            } else {
                softly.assertThat(response.status()).as(role + " " + call + " should be forbidden").isEqualTo(403);
                softly.assertThat(response.isProblem()).as(role + " " + call + " answers problem+json").isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void without_credentials_the_api_answers_401_problem_and_health_stays_open() {
        Api anonymous = fixtures.anonymous();
        Response response = anonymous.get("/api/v1/prospects");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(anonymous.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void http_basic_works_with_the_database_password_and_refuses_a_wrong_one() {
        SignedIn sdr = users.get(SDR);
        assertThat(fixtures.anonymous().withBasic(sdr.user().username(), ApiFixtures.PASSWORD).get("/api/v1/me").status())
                .isEqualTo(200);
        assertThat(fixtures.anonymous().withBasic(sdr.user().username(), "wrong-password").get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void a_revoked_or_unknown_token_is_refused() {
        SignedIn marketer = fixtures.signIn(MARKETER);
        Api api = fixtures.as(marketer);
        Response issued = api.post("/api/v1/me/tokens", """
                {"name": "ci"}
                """);
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        long tokenId = issued.json().get("token").get("id").asLong();
        Api withNewToken = fixtures.anonymous().withToken(secret);
        assertThat(withNewToken.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(withNewToken.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(fixtures.anonymous().withToken("rl_made-up").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void token_listings_never_show_secrets() {
        Api api = fixtures.as(users.get(MANAGER));
        Response tokens = api.get("/api/v1/me/tokens");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.body()).doesNotContain(users.get(MANAGER).token()).doesNotContain("secret");
    }

    @Test
    void an_sdr_sees_only_their_own_enrollments() {
        Api admin = fixtures.as(users.get(ADMIN));
        SignedIn first = fixtures.signIn(SDR);
        SignedIn second = fixtures.signIn(SDR);
        long mailbox = admin.post("/api/v1/mailboxes", Json.mailbox("first-sdr@relance.test", first.id())).json().get("id").asLong();
        long sequence = admin.post("/api/v1/sequences", Json.sequence("Visibility")).json().get("id").asLong();
        Api firstSdr = fixtures.as(first);
        long prospect = firstSdr.post("/api/v1/prospects", Json.prospect("visible@example.org")).json().get("id").asLong();
        Response enrolled = firstSdr.post("/api/v1/enrollments", """
                {"sequenceId": %d, "prospectId": %d, "mailboxId": %d}
                """.formatted(sequence, prospect, mailbox));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        long enrollment = enrolled.json().get("id").asLong();

        Api secondSdr = fixtures.as(second);
        assertThat(secondSdr.get("/api/v1/enrollments/" + enrollment).status()).isEqualTo(404);
        assertThat(secondSdr.post("/api/v1/enrollments/" + enrollment + "/stop", null).status()).isEqualTo(404);
        assertThat(secondSdr.get("/api/v1/enrollments?sequenceId=" + sequence).json().get("items")).isEmpty();
        assertThat(firstSdr.get("/api/v1/enrollments?sequenceId=" + sequence).json().get("items")).hasSize(1);
        assertThat(fixtures.as(users.get(MANAGER))
                .get("/api/v1/enrollments?sequenceId=" + sequence).json().get("items")).hasSize(1);
    }
}
