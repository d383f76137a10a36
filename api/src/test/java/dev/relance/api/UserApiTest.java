package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;

@ApiTest
class UserApiTest {

    @Autowired
    ApiFixtures fixtures;

    @Test
    void an_admin_creates_a_user_who_can_sign_in_and_whose_password_is_never_shown() {
        Api admin = fixtures.as(Role.ADMIN);
        Response created = admin.post("/api/v1/users", """
                {"username": "marie", "email": "marie@relance.test", "displayName": "Marie", "role": "MARKETER",
                 "password": "a-very-long-password"}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("a-very-long-password").doesNotContainIgnoringCase("hash");
        assertThat(fixtures.anonymous().withBasic("marie", "a-very-long-password").get("/api/v1/me").json()
                .get("role").asString()).isEqualTo("MARKETER");
        ApiValidationTest.assertProblem(admin.post("/api/v1/users", """
                {"username": "MARIE", "email": "other@relance.test", "displayName": "M", "role": "SDR",
                 "password": "a-very-long-password"}
                """), 409, "duplicate-user");
    }

    @Test
    void a_short_password_is_a_field_error() {
        Api admin = fixtures.as(Role.ADMIN);
        Response response = admin.post("/api/v1/users", """
                {"username": "shorty", "email": "shorty@relance.test", "displayName": "S", "role": "SDR", "password": "short"}
                """);
        ApiValidationTest.assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in_nor_use_their_tokens() {
        Api admin = fixtures.as(Role.ADMIN);
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Response disabled = admin.put("/api/v1/users/" + sdr.id(), """
                {"username": "%s", "email": "%s", "displayName": "Gone", "role": "SDR", "enabled": false}
                """.formatted(sdr.user().username(), sdr.user().email()));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(fixtures.as(sdr).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(fixtures.anonymous().withBasic(sdr.user().username(), ApiFixtures.PASSWORD).get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void an_admin_groups_users_in_teams_that_managers_read_and_users_filter_by_team() {
        Api admin = fixtures.as(Role.ADMIN);
        String name = "Pod " + System.nanoTime();
        Response team = admin.post("/api/v1/teams", "{\"name\": \"" + name + "\"}");
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        long teamId = team.json().get("id").asLong();
        ApiValidationTest.assertProblem(admin.post("/api/v1/teams", "{\"name\": \"" + name.toUpperCase() + "\"}"), 409,
                "duplicate-team");
        SignedIn sdr = fixtures.signIn(Role.SDR);
        String member = """
                {"username": "%s", "email": "%s", "displayName": "Sam", "role": "SDR", "teamId": %s}
                """;

        Response joined = admin.put("/api/v1/users/" + sdr.id(), member.formatted(sdr.user().username(), sdr.user().email(),
                teamId));
        Response unknownTeam = admin.put("/api/v1/users/" + sdr.id(), member.formatted(sdr.user().username(),
                sdr.user().email(), 999_999));

        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("teamId").asLong()).isEqualTo(teamId);
        ApiValidationTest.assertProblem(unknownTeam, 400, "validation");
        assertThat(admin.get("/api/v1/users?teamId=" + teamId).json().get("items").valueStream()
                .map(u -> u.get("id").asLong())).containsExactly(sdr.id());
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/teams").json().get("items").valueStream()
                .map(t -> t.get("name").asString())).contains(name);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/reps?teamId=" + teamId).json().get("reps").valueStream()
                .map(r -> r.get("userId").asLong())).as("rep activity of one team").containsExactly(sdr.id());
        assertThat(admin.delete("/api/v1/teams/" + teamId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + sdr.id()).json().get("teamId").isNull()).isTrue();
    }
}
