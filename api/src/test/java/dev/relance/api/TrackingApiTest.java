package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.support.Timestamps;
import dev.relance.engine.testing.Drafts;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.tracking.TrackingLinks;
import dev.relance.engine.user.Role;

/**
 * The public links of an email over real HTTP, without credentials: the open pixel, tracked links
 * and the unsubscribe page. The message rows are written as the dispatcher writes them, with the
 * HTML each test needs (including links no template would let through).
 */
@ApiTest
class TrackingApiTest {

    private static final Instant SENT = TestClockConfiguration.START;
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String BODY = """
            <p>Hi Ada, <a href="mailto:sam@relance.test">write</a> or read
            <a href="https://example.com/case?x=1&amp;y=%20z#part">the case study</a> and
            <a href='https://docs.example.org/guide'>the guide</a>. <a href="#top">top</a></p>
            <p>Unsubscribe: <a href="http://localhost:8080/u/abc">http://localhost:8080/u/abc</a></p>""";

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrackingLinks links;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    SuppressionService suppressions;

    Prospect prospect;
    Enrollment enrollment;
    long firstStep;
    long secondStep;
    Api browser;

    @BeforeEach
    void anEnrollmentWithOneStepToGo() {
        clock.set(SENT);
        SignedIn sdr = fixtures.signIn(Role.SDR);
        Mailbox mailbox = mailboxes.create(Drafts.aMailbox(sdr.id()));
        Sequence sequence = sequences.create(Drafts.aSequence().withEmailAfter(0, DelayUnit.MINUTES)
                .withEmailAfter(2, DelayUnit.DAYS).build(), sdr.id());
        prospect = prospects.create(Drafts.aProspect().ownedBy(sdr.id()).build());
        enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null), sdr.id(),
                sdr.id());
        firstStep = sequence.steps().get(0).id();
        secondStep = sequence.steps().get(1).id();
        browser = fixtures.anonymous().withHeader("User-Agent", FIREFOX);
        clock.set(SENT.plus(Duration.ofHours(2)));
    }

    @Test
    void a_click_redirects_to_exactly_the_recorded_url_whatever_the_request_says_and_records_it() {
        long message = sent(BODY);

        Response click = browser.get(path(links.clickUrl(enrollment.id(), firstStep, 1))
                + "?url=https://evil.example&redirect=https://evil.example");

        assertThat(click.status()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).contains("https://example.com/case?x=1&y=%20z#part");
        assertThat(click.headers().firstValue("Set-Cookie")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(browser.get(path(links.clickUrl(enrollment.id(), firstStep, 2))).headers().firstValue("Location"))
                .contains("https://docs.example.org/guide");
        assertThat(events(message, "CLICKED")).containsExactly(
                "false {\"url\": \"https://example.com/case?x=1&y=%20z#part\", \"link\": 1, \"method\": \"GET\", \"userAgent\": \""
                        + FIREFOX + "\"}",
                "false {\"url\": \"https://docs.example.org/guide\", \"link\": 2, \"method\": \"GET\", \"userAgent\": \""
                        + FIREFOX + "\"}");
    }

    @Test
    void bad_tokens_answer_404_and_record_nothing() {
        sent(BODY);
        String click = path(links.clickUrl(enrollment.id(), firstStep, 1));
        String open = path(links.openPixelUrl(enrollment.id(), firstStep));
        String unsubscribe = path(links.unsubscribeUrl(enrollment.id(), firstStep));

        for (String refused : List.of(altered(click), "/c/" + token(open), "/c/" + token(unsubscribe), "/c/garbage",
                "/c/" + "A".repeat(40), path(links.clickUrl(enrollment.id(), secondStep, 1)),
                path(links.clickUrl(enrollment.id() + 1000, firstStep, 1)), path(links.clickUrl(enrollment.id(), firstStep, 99)),
                path(links.clickUrl(enrollment.id(), firstStep, 0)), path(links.clickUrl(enrollment.id(), firstStep, 3)),
                path(links.clickUrl(enrollment.id(), firstStep, 4)))) {
            Response response = browser.get(refused);
            assertThat(response.status()).as(refused).isEqualTo(404);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
        for (String refused : List.of(altered(open), "/o/" + token(click) + ".gif", "/o/garbage.gif",
                path(links.openPixelUrl(enrollment.id(), secondStep)))) {
            assertThat(browser.get(refused).status()).as(refused).isEqualTo(404);
        }
        for (String refused : List.of(altered(unsubscribe), "/u/" + token(open), "/u/" + token(click), "/u/garbage")) {
            assertThat(browser.get(refused).status()).as(refused).isEqualTo(404);
            assertThat(oneClick(refused).status()).as(refused).isEqualTo(404);
        }

        assertThat(jdbc.sql("""
                SELECT count(*) FROM event
                 WHERE (enrollment_id = :e OR prospect_id = :p) AND type IN ('OPENED', 'CLICKED', 'UNSUBSCRIBED')
                """).param("e", enrollment.id()).param("p", prospect.id()).query(Integer.class).single()).isZero();
        assertThat(suppressions.suppressing(prospect.email())).isEmpty();
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.ACTIVE);
    }

    @Test
    void a_recorded_link_that_is_not_a_plain_absolute_http_url_is_never_redirected_to() {
        long message = sent("""
                <a href="//evil.example/x">a</a> <a href="https://user@evil.example/">b</a>
                <a href="https://good.example:pass@evil.example">c</a> <a href="javascript:alert(1)">d</a>
                <a href="https:\\\\evil.example">e</a> <a href="/relative">f</a>""");

        for (int i = 0; i < 6; i++) {
            Response response = browser.get(path(links.clickUrl(enrollment.id(), firstStep, i)));
            assertThat(response.status()).as("link " + i).isEqualTo(404);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.contentType()).startsWith("text/html");
        }
        assertThat(events(message, "CLICKED")).isEmpty();
    }

    @Test
    void the_pixel_records_each_open_and_flags_head_scanners_and_opens_right_after_the_send() {
        long message = sent(BODY);
        String pixel = path(links.openPixelUrl(enrollment.id(), firstStep));

        Response open = browser.get(pixel);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.contentType()).isEqualTo("image/gif");
        assertThat(open.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(open.body()).startsWith("GIF89a");
        assertThat(browser.send("HEAD", pixel, null).status()).isEqualTo(200);
        assertThat(fixtures.anonymous().withHeader("User-Agent",
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)").get(pixel).status())
                .isEqualTo(200);
        clock.set(SENT.plusSeconds(2));
        assertThat(browser.get(pixel).status()).isEqualTo(200);

        assertThat(events(message, "OPENED")).extracting(e -> e.substring(0, e.indexOf(' ')) + machineReasons(e))
                .containsExactly("false", "true[\"head-request\"]", "true[\"user-agent:google-image-proxy\"]",
                        "true[\"soon-after-send\"]");
    }

    @Test
    void different_links_clicked_within_a_second_flag_the_later_clicks_as_a_scanner() {
        long message = sent(BODY);

        assertThat(browser.get(path(links.clickUrl(enrollment.id(), firstStep, 1))).status()).isEqualTo(302);
        assertThat(browser.get(path(links.clickUrl(enrollment.id(), firstStep, 1))).status()).isEqualTo(302);
        assertThat(browser.get(path(links.clickUrl(enrollment.id(), firstStep, 2))).status()).isEqualTo(302);
        clock.advance(Duration.ofSeconds(5));
        assertThat(browser.get(path(links.clickUrl(enrollment.id(), firstStep, 1))).status()).isEqualTo(302);

        assertThat(events(message, "CLICKED")).extracting(e -> e.substring(0, e.indexOf(' ')) + machineReasons(e))
                .containsExactly("false", "false", "true[\"several-links-within-1s\"]", "false");
    }

    @Test
    void opening_the_unsubscribe_link_only_asks_and_changes_nothing() {
        sent(BODY);
        String unsubscribe = path(links.unsubscribeUrl(enrollment.id(), firstStep));

        Response page = browser.get(unsubscribe);
        assertThat(browser.send("HEAD", unsubscribe, null).status()).isEqualTo(200);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\">", "Unsubscribe");
        assertThat(browser.withHeader("Accept-Language", "fr-FR,fr;q=0.9").get(unsubscribe).body())
                .contains("lang=\"fr\"", "Me désinscrire");
        assertThat(suppressions.suppressing(prospect.email())).isEmpty();
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.ACTIVE);
    }

    @Test
    void a_one_click_post_unsubscribes_once_without_cookies_or_csrf() {
        long message = sent(BODY);
        String unsubscribe = path(links.unsubscribeUrl(enrollment.id(), firstStep));

        Response done = oneClick(unsubscribe);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(done.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(oneClick(unsubscribe).status()).isEqualTo(200);

        assertThat(suppressions.suppressing(prospect.email())).hasValueSatisfying(
                s -> assertThat(s.source()).isEqualTo("one-click unsubscribe"));
        Enrollment ended = enrollments.get(enrollment.id());
        assertThat(ended.state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
        assertThat(events(message, "UNSUBSCRIBED")).hasSize(1);
    }

    @Test
    void a_multipart_one_click_post_and_the_confirmation_form_both_unsubscribe() {
        sent(BODY);
        String unsubscribe = path(links.unsubscribeUrl(enrollment.id(), firstStep));
        String boundary = "relance-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                + "One-Click\r\n--" + boundary + "--\r\n";

        Response done = browser.withHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .sendRaw("POST", unsubscribe, BodyPublishers.ofString(multipart));

        assertThat(done.status()).isEqualTo(200);
        assertThat(suppressions.suppressing(prospect.email())).hasValueSatisfying(
                s -> assertThat(s.source()).isEqualTo("one-click unsubscribe"));

        Prospect other = prospects.create(Drafts.aProspect().ownedBy(enrollment.ownerId()).build());
        Enrollment second = enrollments.enroll(new EnrollmentRequest(enrollment.sequenceId(), other.id(),
                enrollment.mailboxId(), null), enrollment.ownerId(), enrollment.ownerId());
        Response confirmed = browser.withHeader("Accept-Language", "fr").withHeader("Content-Type",
                "application/x-www-form-urlencoded").sendRaw("POST", path(links.unsubscribeUrl(second.id(), firstStep)),
                BodyPublishers.ofString("confirm=yes"));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Vous êtes désinscrit");
        assertThat(suppressions.suppressing(other.email())).hasValueSatisfying(
                s -> assertThat(s.source()).isEqualTo("unsubscribe link"));
        assertThat(enrollments.get(second.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
    }

    private Response oneClick(String path) {
        return fixtures.anonymous().withHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendRaw("POST", path, BodyPublishers.ofString("List-Unsubscribe=One-Click"));
    }

    /** A message of the first step as the dispatcher records it once sent. */
    private long sent(String html) {
        return jdbc.sql("""
                INSERT INTO message (enrollment_id, step_id, mailbox_id, prospect_id, message_id_header, subject, body_html,
                                     body_text, state, attempts, sent_at, created_at, updated_at)
                VALUES (:enrollmentId, :stepId, :mailboxId, :prospectId, :header, 'Hello', :html, 'Hello', 'SENT', 1,
                        :sent, :sent, :sent)
                RETURNING id
                """).param("enrollmentId", enrollment.id()).param("stepId", firstStep)
                .param("mailboxId", enrollment.mailboxId()).param("prospectId", prospect.id())
                .param("header", "<" + enrollment.id() + ".tracking@relance.test>").param("html", html)
                .param("sent", Timestamps.of(SENT)).query(Long.class).single();
    }

    private List<String> events(long message, String type) {
        return jdbc.sql("SELECT machine || ' ' || data::text FROM event WHERE message_id = :m AND type = :type ORDER BY id")
                .param("m", message).param("type", type).query(String.class).list();
    }

    private static String machineReasons(String event) {
        int at = event.indexOf("\"machineReasons\": ");
        return at < 0 ? "" : event.substring(at + "\"machineReasons\": ".length(), event.lastIndexOf('}'));
    }

    private static String path(String url) {
        return url.substring("http://localhost:8080".length());
    }

    private static String token(String path) {
        return path.substring(3).replace(".gif", "");
    }

    /** The same path with one character of its token changed. */
    private static String altered(String path) {
        int i = 5;
        char c = path.charAt(i) == 'A' ? 'B' : 'A';
        return path.substring(0, i) + c + path.substring(i + 1);
    }
}
