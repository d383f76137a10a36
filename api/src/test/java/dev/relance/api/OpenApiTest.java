package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;

@ApiTest
class OpenApiTest {

    @Autowired
    ApiFixtures fixtures;


    @Test
    void the_openapi_document_describes_every_resource_and_swagger_ui_is_served() {
        Response docs = fixtures.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/prospects", "/api/v1/prospects/{id}",
                "/api/v1/accounts", "/api/v1/mailboxes", "/api/v1/sequences", "/api/v1/suppressions", "/api/v1/users",
                "/api/v1/enrollments", "/api/v1/enrollments/bulk", "/api/v1/enrollments/{id}/pause", "/api/v1/me/tokens");
        assertThat(fixtures.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
