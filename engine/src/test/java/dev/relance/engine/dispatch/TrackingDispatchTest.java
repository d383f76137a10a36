package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.VariantDraft;
import dev.relance.engine.tracking.TrackingHit;
import dev.relance.engine.tracking.TrackingService;

/** Click and open tracking as sent through the dispatcher into GreenMail, and the unsubscribe link it carries. */
@DispatchTest
class TrackingDispatchTest extends DispatchTestBase {

    private static final String BODY = """
            <p>Hi {{ first_name }}, here is <a href="https://relance.example/case?a=1&b=2">our case study</a>,
            or <a href="mailto:sam@relance.test">write to me</a>.</p>""";
    private static final TrackingHit BROWSER = new TrackingHit(false,
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

    @Autowired
    TrackingService tracking;
    @Autowired
    SuppressionService suppressions;

    Mailbox mailbox;

    @BeforeEach
    void aTuesdayMorning() {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        mailbox = mailbox(200, 50, 0, false);
    }

    @Test
    void a_tracked_email_has_its_links_rewritten_and_a_pixel_while_the_record_keeps_the_original() throws Exception {
        Enrollment enrollment = enroll(sequenceWith(new SequenceRules(true, false, false, true, true)),
                prospect("tracked@prospect.test"), mailbox);

        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);

        String html = part(onlyEmail(), "text/html");
        String recorded = recordedHtml(enrollment);
        assertThat(recorded).contains("https://relance.example/case?a=1&amp;b=2").doesNotContain("/c/", "/o/");
        assertThat(html).doesNotContain("relance.example/case").contains("href=\"mailto:sam@relance.test\"")
                .contains("https://relance.test/u/").containsPattern("<img src=\"https://relance\\.test/o/[A-Za-z0-9_-]+\\.gif\"");
        assertThat(part(onlyEmail(), "text/plain")).contains("https://relance.example/case?a=1&b=2");

        clock.advance(Duration.ofHours(1));
        String click = first(html, "href=\"https://relance\\.test/c/([A-Za-z0-9_-]+)\"");
        assertThat(tracking.clicked(click, BROWSER)).contains("https://relance.example/case?a=1&b=2");
        assertThat(tracking.opened(first(html, "/o/([A-Za-z0-9_-]+)\\.gif"), BROWSER)).isTrue();
        assertThat(jdbc.sql("SELECT type || ':' || machine FROM event WHERE enrollment_id = :e AND type IN ('OPENED', 'CLICKED') ORDER BY id")
                .param("e", enrollment.id()).query(String.class).list()).containsExactly("CLICKED:false", "OPENED:false");
    }

    @Test
    void with_tracking_off_the_html_is_sent_as_recorded_without_pixel() throws Exception {
        Enrollment enrollment = enroll(sequenceWith(new SequenceRules(true, false, false, false, false)),
                prospect("untracked@prospect.test"), mailbox);

        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);

        String html = part(onlyEmail(), "text/html");
        assertThat(html.strip()).isEqualTo(recordedHtml(enrollment).strip());
        assertThat(html).contains("https://relance.example/case?a=1&amp;b=2").doesNotContain("/c/", "/o/", "<img");
    }

    @Test
    void one_click_unsubscribe_suppresses_ends_the_enrollment_and_the_queued_step_never_leaves() throws Exception {
        Enrollment enrollment = enroll(sequenceWith(SequenceRules.defaults()), prospect("leaving@prospect.test"), mailbox);
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        String token = first(onlyEmail().getHeader("List-Unsubscribe")[0], "<https://relance\\.test/u/([A-Za-z0-9_-]+)>");

        assertThat(tracking.canUnsubscribe(token)).isTrue();
        assertThat(suppressions.suppressing("leaving@prospect.test")).as("asking is not unsubscribing").isEmpty();
        assertThat(tracking.unsubscribe(token, true)).isTrue();
        assertThat(tracking.unsubscribe(token, true)).as("idempotent").isTrue();

        assertThat(suppressions.suppressing("leaving@prospect.test")).hasValueSatisfying(
                s -> assertThat(s.source()).isEqualTo("one-click unsubscribe"));
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
        assertThat(jdbc.sql("SELECT count(*) FROM event WHERE enrollment_id = :e AND type = 'UNSUBSCRIBED'")
                .param("e", enrollment.id()).query(Integer.class).single()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    private Sequence sequenceWith(SequenceRules rules) {
        SequenceDraft base = sequence(List.of(
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES), ThreadMode.NEW_THREAD, null,
                        List.of(new VariantDraft(null, "A", 1, "A case study", BODY, null))),
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(1, DelayUnit.DAYS), ThreadMode.REPLY_IN_THREAD, null,
                        List.of(new VariantDraft(null, "A", 1, null, "<p>Bumping this.</p>", null)))),
                everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null);
        return sequences.create(new SequenceDraft(base.name(), null, base.status(), null, rules, base.schedule(),
                base.steps()), sdr.id());
    }

    private String recordedHtml(Enrollment enrollment) {
        return jdbc.sql("SELECT body_html FROM message WHERE enrollment_id = :e").param("e", enrollment.id())
                .query(String.class).single();
    }

    private MimeMessage onlyEmail() {
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        return greenMail.getReceivedMessages()[0];
    }

    private static String part(MimeMessage email, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) email.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith(type)) {
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
