package dev.relance.engine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.dispatch.DispatchTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.tracking.TrackingLinks;

/** Bounces, complaints and out-of-office answers read over IMAP, and what they do to the cadence. */
@DispatchTest
class InboxBouncesAndAwayTest extends InboxTestBase {

    @Autowired
    SuppressionService suppressions;
    @Autowired
    TrackingLinks links;

    @Test
    void a_hard_bounce_suppresses_the_address_and_ends_the_cadence() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("gone@bounce.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(dsn("gone@bounce.test", "5.1.1", "550 5.1.1 <gone@bounce.test>: Recipient address rejected: User unknown",
                sent));
        poller.poll(mailbox.id());

        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.BOUNCED);
        assertThat(suppressions.suppressing("gone@bounce.test")).get()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE));
        InboundMessage inbound = latestInbound();
        assertThat(inbound.kind()).isEqualTo("BOUNCE");
        assertThat(inbound.matchMethod()).isEqualTo("original message in the report");
        assertThat(new String(inbox.raw(inbound.id()))).contains("5.1.1");
    }

    @Test
    void three_soft_bounces_in_a_row_count_as_a_hard_one() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("full@soft.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        for (int i = 1; i <= 3; i++) {
            deliver(dsn("full@soft.test", "5.2.2", "552 5.2.2 Mailbox full", sent));
            poller.poll(mailbox.id());
            boolean suppressed = suppressions.suppressing("full@soft.test").isPresent();
            assertThat(suppressed).as("suppressed after %d soft bounces", i).isEqualTo(i == 3);
        }
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.BOUNCED);
    }

    @Test
    void a_complaint_suppresses_the_address_and_ends_the_cadence() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("angry@arf.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(arf("angry@arf.test", sent));
        poller.poll(mailbox.id());

        assertThat(latestInbound().kind()).isEqualTo("COMPLAINT");
        assertThat(suppressions.suppressing("angry@arf.test")).get()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.COMPLAINT));
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
    }

    @Test
    void an_out_of_office_pauses_until_the_next_business_day_after_the_return_date_then_resumes() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("away@ooo.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver("From: away@ooo.test\nTo: sam@relance.test\nSubject: Automatic reply: " + SUBJECT
                + "\nAuto-Submitted: auto-replied\nIn-Reply-To: <" + sent + ">\nMessage-ID: <ooo1@client.test>\n\n"
                + "I am out of the office and back on Friday 13 March 2026. For urgent matters call Zoe.\n");
        poller.poll(mailbox.id());

        Enrollment paused = enrollments.get(enrollment.id());
        assertThat(paused.state()).isEqualTo(EnrollmentState.PAUSED);
        // back Friday the 13th: the next business day is Monday the 16th, from midnight in Paris
        assertThat(paused.pausedUntil()).isEqualTo(Instant.parse("2026-03-15T23:00:00Z"));
        assertThat(suppressions.suppressing("away@ooo.test")).isEmpty();

        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessagesForDomain("ooo.test")).hasSize(1);

        clock.set(Instant.parse("2026-03-16T08:00:00Z"));
        dispatcher.runDueWork();
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.FINISHED);
        assertThat(greenMail.getReceivedMessagesForDomain("ooo.test")).hasSize(2);
    }

    @Test
    void an_out_of_office_without_a_date_pauses_for_a_week() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("vague@ooo.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver("From: vague@ooo.test\nTo: sam@relance.test\nSubject: Réponse automatique : " + SUBJECT
                + "\nX-Autoreply: yes\nIn-Reply-To: <" + sent + ">\nMessage-ID: <ooo2@client.test>\n\n"
                + "Je suis absent du bureau avec un accès limité à mes emails.\n");
        poller.poll(mailbox.id());

        assertThat(enrollments.get(enrollment.id()).pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    }

    @Test
    void an_email_to_the_unsubscribe_address_suppresses_the_sender() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("mailto@unsub.test"), mailbox);
        firstEmailSent(enrollment);
        long stepId = jdbc.sql("SELECT step_id FROM message WHERE enrollment_id = :e").param("e", enrollment.id())
                .query(Long.class).single();
        String mailto = links.unsubscribeMailto(mailbox.emailAddress(), enrollment.id(), stepId);
        String token = mailto.substring(mailto.indexOf("unsubscribe%20") + "unsubscribe%20".length());

        deliver(reply("mailto@unsub.test", "unsubscribe " + token, null, ""));
        poller.poll(mailbox.id());

        assertThat(suppressions.suppressing("mailto@unsub.test")).get()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.UNSUBSCRIBED));
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
        assertThat(jdbc.sql("SELECT string_agg(type, ',') FROM event WHERE enrollment_id = :e AND type <> 'SENT'")
                .param("e", enrollment.id()).query(String.class).single()).isEqualTo("UNSUBSCRIBED");
    }

    static String dsn(String recipient, String status, String diagnostic, String originalMessageId) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.bounce.test>
                To: sam@relance.test
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Message-ID: <%s@mx.bounce.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.bounce.test

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --B
                Content-Type: text/rfc822-headers

                Message-ID: <%s>
                Subject: %s

                --B--
                """.formatted(System.nanoTime(), recipient, status, diagnostic, originalMessageId, SUBJECT);
    }

    static String arf(String recipient, String originalMessageId) {
        return """
                From: Feedback Loop <fbl@isp.test>
                To: sam@relance.test
                Subject: Abuse report
                Message-ID: <%s@isp.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="F"

                --F
                Content-Type: text/plain

                This is an email abuse report.

                --F
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: ISP-FBL/1.0
                Version: 1
                Original-Rcpt-To: %s

                --F
                Content-Type: message/rfc822

                From: sam@relance.test
                To: %s
                Message-ID: <%s>
                Subject: %s

                Hi
                --F--
                """.formatted(System.nanoTime(), recipient, recipient, originalMessageId, SUBJECT);
    }
}
