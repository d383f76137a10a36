package dev.relance.api;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.report.ReportRollups;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;

/** Reports over HTTP: who sees whose figures, CSV export and its escaping, targets. */
@ApiTest
class ReportApiTest {

    private static final Instant START = TestClockConfiguration.START; // Tuesday 2026-03-03 08:00 UTC
    private static final String DAY = "from=2026-03-03&to=2026-03-03";
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.test\",\"x\")";

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    SequenceService sequences;
    @Autowired
    ProspectService prospects;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    EventLog events;
    @Autowired
    ReportRollups rollups;
    @LocalServerPort
    int port;

    SignedIn sdr;
    SignedIn otherSdr;
    Sequence sequence;

    /** A sequence named like a spreadsheet formula; each SDR sent one email from it. */
    @BeforeEach
    void oneEmailEachFromTwoSdrs() {
        clock.set(START);
        sdr = fixtures.signIn(Role.SDR);
        otherSdr = fixtures.signIn(Role.SDR);
        SequenceDraft draft = aSequence().build();
        sequence = sequences.create(new SequenceDraft(FORMULA_NAME, null, draft.status(), null, draft.rules(),
                draft.schedule(), draft.steps()), null);
        sentOne(sdr);
        sentOne(otherSdr);
        rollups.foldNow();
    }

    @Test
    void an_sdr_sees_only_their_own_figures_and_a_manager_everyones() {
        Response mine = fixtures.as(sdr).get("/api/v1/reports/sequences/" + sequence.id() + "?" + DAY + "&ownerId="
                + otherSdr.id());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("ownerId").asLong()).isEqualTo(sdr.id());
        assertThat(mine.json().get("metrics").get("counts").get("sent").asLong()).isEqualTo(1);

        Response all = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id() + "?" + DAY);
        assertThat(all.json().get("metrics").get("counts").get("sent").asLong()).isEqualTo(2);
        assertThat(all.json().get("metrics").get("rates").get("replyRate").get("denominatorName").asString())
                .isEqualTo("delivered");
        assertThat(all.json().get("metrics").get("rates").get("replyRate").get("value").asDouble()).isZero();
        Response theirs = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id() + "?" + DAY
                + "&ownerId=" + otherSdr.id());
        assertThat(theirs.json().get("metrics").get("counts").get("sent").asLong()).isEqualTo(1);
        Response marketer = fixtures.as(Role.MARKETER).get("/api/v1/reports/sequences/" + sequence.id() + "/funnel");
        assertThat(marketer.json().get("steps").get(0).get("prospects").asLong()).isEqualTo(2);
    }

    @Test
    void an_empty_period_has_null_rates_not_nan() {
        Response empty = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id()
                + "?from=2026-01-01&to=2026-01-31");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).doesNotContain("NaN");
        assertThat(empty.json().get("metrics").get("rates").get("openRate").get("value").isNull()).isTrue();
    }

    @Test
    void csv_export_escapes_cells_and_defuses_formulas() {
        Response csv = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences?format=csv&" + DAY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("sequences.csv");
        assertThat(csv.body()).startsWith("sequenceId,name,status,enrolled,active,finished,sent,");
        assertThat(csv.body()).contains(sequence.id() + ",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",ACTIVE,2,2,0,2,");

        Response steps = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id() + "?format=csv&" + DAY);
        assertThat(steps.body().lines().toList()).hasSizeGreaterThanOrEqualTo(3) // header, sequence, step, variant
                .anySatisfy(line -> assertThat(line).startsWith("variant,"));
        Response abTests = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id()
                + "?format=csv&table=ab-tests&" + DAY);
        assertThat(abTests.status()).isEqualTo(200);
        Response funnel = fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/" + sequence.id() + "/funnel?format=csv");
        assertThat(funnel.body()).startsWith("sequenceId,step,name,prospects,").contains(",touched,Prospects touched,2,");
        Response reps = fixtures.as(sdr).get("/api/v1/reports/reps?format=csv&" + DAY);
        assertThat(reps.body().lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith(sdr.id() + ","));
    }

    @Test
    void accept_text_csv_gets_csv() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/sequences/" + sequence.id()
                        + "/funnel"))
                .header("Authorization", "Bearer " + sdr.token()).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.body()).contains(",touched,Prospects touched,1,"); // the SDR's own prospect
    }

    @Test
    void targets_are_set_by_a_manager_and_an_sdr_sees_their_own_activity_against_them() {
        Response set = fixtures.as(Role.MANAGER).put("/api/v1/reports/targets/" + sdr.id(), """
                {"dailyCalls": 10, "dailyEmails": 2}
                """);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("dailyCalls").asInt()).isEqualTo(10);
        assertThat(fixtures.as(Role.MANAGER).put("/api/v1/reports/targets/" + sdr.id(), """
                {"dailyCalls": -1}
                """).status()).isEqualTo(400);

        Response mine = fixtures.as(sdr).get("/api/v1/reports/reps?granularity=week&" + DAY + "&ownerId=" + otherSdr.id());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("reps")).hasSize(1);
        var rep = mine.json().get("reps").get(0);
        assertThat(rep.get("userId").asLong()).isEqualTo(sdr.id());
        assertThat(rep.get("total").get("activity").get("autoEmails").asLong()).isEqualTo(1);
        // one email against 2 a day on one weekday: 50 %
        assertThat(rep.get("total").get("attainment").get("emails").asDouble()).isEqualTo(50.0);
    }

    @Test
    void bad_parameters_are_problems() {
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/reps?granularity=month").status()).isEqualTo(400);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/reps?from=2026-03-05&to=2026-03-01").status())
                .isEqualTo(400);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences?from=yesterday").status()).isEqualTo(400);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences?format=xml").status()).isEqualTo(400);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/reports/sequences/987654321").status()).isEqualTo(404);
    }

    private void sentOne(SignedIn owner) {
        mailboxes.create(aMailbox(owner.id()));
        long prospect = prospects.create(aProspect().ownedBy(owner.id()).build()).id();
        Enrollment enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect, null, null), owner.id(),
                owner.id());
        long step = sequence.steps().getFirst().id();
        events.append(new NewEvent(EventType.SENT, START.plusSeconds(3600), 3_000_000_000L + enrollment.id(),
                enrollment.id(), sequence.id(), step, sequence.steps().getFirst().variants().getFirst().id(), prospect,
                enrollment.mailboxId(), owner.id(), null, Map.of()));
    }
}
