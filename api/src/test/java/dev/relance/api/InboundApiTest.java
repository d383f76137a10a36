package dev.relance.api;

import static dev.relance.api.ApiValidationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

/** The explain endpoint: a raw message in, the classifier's verdict and its reasons out. */
@ApiTest
class InboundApiTest {

    private static final String DSN = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: sam@relance.test
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn1@mx.example.net>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            Your message could not be delivered.

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; nobody@example.net
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown

            --B
            Content-Type: text/rfc822-headers

            Message-ID: <abc123@relance.test>
            Subject: Hello

            --B--
            """;

    @Autowired
    ApiFixtures fixtures;

    @Test
    void a_dsn_is_explained_as_a_hard_bounce_with_its_reasons() {
        JsonNode verdict = classify(fixtures.as(Role.MARKETER), DSN).json();

        assertThat(verdict.get("kind").asString()).isEqualTo("BOUNCE");
        JsonNode recipient = verdict.get("recipients").get(0);
        assertThat(recipient.get("recipient").asString()).isEqualTo("nobody@example.net");
        assertThat(recipient.get("status").asString()).isEqualTo("5.1.1");
        assertThat(recipient.get("hard").asBoolean()).isTrue();
        assertThat(verdict.get("referencedMessageIds").toString()).contains("abc123@relance.test");
        assertThat(verdict.get("reasons").size()).isPositive();
    }

    @Test
    void a_french_out_of_office_is_explained_with_its_return_date() {
        JsonNode verdict = classify(fixtures.as(Role.SDR), """
                From: marie@example.fr
                To: sam@relance.test
                Subject: Réponse automatique : Bonjour
                Auto-Submitted: auto-replied
                Date: Mon, 2 Mar 2026 10:00:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Bonjour, je suis absente et de retour le lundi 16 mars. Cordialement, Marie
                """).json();

        assertThat(verdict.get("kind").asString()).isEqualTo("AUTO_REPLY");
        assertThat(verdict.get("returnDate").asString()).endsWith("-03-16");
    }

    @Test
    void an_empty_body_is_a_400_problem() {
        assertProblem(classify(fixtures.as(Role.SDR), ""), 400, "validation");
    }

    @Test
    void bytes_that_are_not_mail_are_explained_as_unreadable_not_an_error() {
        Response response = classify(fixtures.as(Role.SDR), "\u0000\u0001 not a message at all \uFFFD");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("reasons").size()).isPositive();
    }

    private static Response classify(Api api, String raw) {
        return api.withHeader("Content-Type", "message/rfc822").sendRaw("POST", "/api/v1/inbound/classify",
                BodyPublishers.ofString(raw.replace("\n", "\r\n"), StandardCharsets.UTF_8));
    }
}
