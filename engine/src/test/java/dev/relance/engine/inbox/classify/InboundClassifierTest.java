package dev.relance.engine.inbox.classify;

import static dev.relance.engine.inbox.classify.TestMails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InboundClassifierTest {

    private static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

    private final InboundClassifier classifier = new InboundClassifier();

    private InboundVerdict classify(TestMails mail) {
        return classifier.classify(mail.bytes(), MONDAY_2_MARCH_2026);
    }

    @Test
    void english_out_of_office_gives_its_return_date() {
        InboundVerdict verdict = classify(aMail().subject("Automatic reply: Hello")
                .header("Auto-Submitted", "auto-replied")
                .body("Thank you for your email. I am out of the office and will be back on 14 March."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.AUTO_REPLY);
        assertThat(verdict.returnDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(verdict.reasons()).contains("header Auto-Submitted: auto-replied (RFC 3834)");
        assertThat(verdict.intent()).isNull();
    }

    @Test
    void french_out_of_office_is_recognised_by_its_subject_and_gives_the_day_after_the_last_day_away() {
        InboundVerdict verdict = classify(aMail().subject("Réponse automatique : Bonjour")
                .body("Bonjour,\nJe suis absente jusqu'au 14 mars inclus. Pour toute urgence, contactez Paul."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.AUTO_REPLY);
        assertThat(verdict.returnDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void out_of_office_body_alone_is_enough() {
        InboundVerdict verdict = classify(aMail().subject("Re: Hello")
                .body("Je suis actuellement absent du bureau, de retour le lundi 16 mars."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.AUTO_REPLY);
        assertThat(verdict.returnDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void auto_submitted_no_is_not_an_auto_reply() {
        InboundVerdict verdict = classify(aMail().header("Auto-Submitted", "no").body("Sounds good, let's talk."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.REPLY);
    }

    @Test
    void x_auto_response_suppress_alone_is_not_an_auto_reply() {
        InboundVerdict verdict = classify(aMail().header("X-Auto-Response-Suppress", "All").body("Not interested."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.REPLY);
        assertThat(verdict.intent().intent()).isEqualTo(ReplyIntent.NOT_INTERESTED);
    }

    @Test
    void exchange_inbox_rule_header_marks_an_auto_reply() {
        InboundVerdict verdict = classify(aMail().header("X-MS-Exchange-Inbox-Rules-Loop", "jane@acme.example")
                .body("Thanks for your message."));

        assertThat(verdict.kind()).isEqualTo(InboundKind.AUTO_REPLY);
    }

    @Test
    void a_dsn_with_auto_submitted_is_still_a_bounce() {
        InboundVerdict verdict = classifier.classify(dsn("failed", "5.1.1",
                "smtp; 550 5.1.1 <bob@acme.example>: Recipient address rejected: User unknown"), MONDAY_2_MARCH_2026);

        assertThat(verdict.kind()).isEqualTo(InboundKind.BOUNCE);
        assertThat(verdict.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.recipient()).isEqualTo("bob@acme.example");
            assertThat(recipient.status()).isEqualTo("5.1.1");
            assertThat(recipient.replyCode()).isEqualTo(550);
            assertThat(recipient.reason()).isEqualTo("userunknown");
            assertThat(recipient.hard()).isTrue();
        });
        assertThat(verdict.referencedMessageIds()).containsExactly("ours-1@relance.example");
    }

    @Test
    void a_policy_block_is_not_a_hard_bounce() {
        InboundVerdict verdict = classifier.classify(dsn("failed", "5.7.1",
                "smtp; 550 5.7.1 Service unavailable; client host blocked using Spamhaus"), MONDAY_2_MARCH_2026);

        assertThat(verdict.recipients().getFirst().hard()).isFalse();
        assertThat(verdict.recipients().getFirst().reason()).isIn("blocked", "spamdetected");
    }

    @Test
    void a_delayed_dsn_is_a_soft_bounce_still_retrying() {
        InboundVerdict verdict = classifier.classify(dsn("delayed", "4.4.7", "smtp; 451 4.4.7 timeout"),
                MONDAY_2_MARCH_2026);

        assertThat(verdict.kind()).isEqualTo(InboundKind.BOUNCE);
        assertThat(verdict.recipients().getFirst().delayed()).isTrue();
        assertThat(verdict.recipients().getFirst().hard()).isFalse();
    }

    @Test
    void a_dsn_that_only_reports_delivery_is_a_delivery_report() {
        InboundVerdict verdict = classifier.classify(dsn("delivered", "2.0.0", "smtp; 250 2.0.0 OK"),
                MONDAY_2_MARCH_2026);

        assertThat(verdict.kind()).isEqualTo(InboundKind.DELIVERY_REPORT);
    }

    @Test
    void referenced_message_ids_are_in_reply_to_then_references_from_the_last() {
        InboundVerdict verdict = classify(aMail().header("In-Reply-To", "<third@relance.example>")
                .header("References", "<first@relance.example> <second@relance.example> <third@relance.example>")
                .body("Sounds good"));

        assertThat(verdict.messageId()).isEqualTo("incoming-1@example.org");
        assertThat(verdict.referencedMessageIds())
                .containsExactly("third@relance.example", "second@relance.example", "first@relance.example");
    }

    @Test
    void a_human_reply_keeps_only_what_the_person_wrote_and_gets_an_intent() {
        InboundVerdict verdict = classify(aMail().subject("RE: Re: Quick question")
                .body("Sounds good, are you free Thursday?\n\nOn Mon, Mar 2, 2026 at 9:00 AM Sam <sam@relance.example> wrote:\n> Hi Jane,\n> Would you like a demo?\n"));

        assertThat(verdict.kind()).isEqualTo(InboundKind.REPLY);
        assertThat(verdict.replyText()).isEqualTo("Sounds good, are you free Thursday?");
        assertThat(verdict.intent().intent()).isEqualTo(ReplyIntent.INTERESTED);
        assertThat(verdict.normalizedSubject()).isEqualTo("quick question");
        assertThat(verdict.fromAddress()).isEqualTo("jane@acme.example");
    }

    @Test
    void html_only_replies_are_read_as_text() {
        InboundVerdict verdict = classify(aMail().header("Content-Type", "text/html; charset=UTF-8")
                .body("<html><body><p>Pas int&eacute;ress&eacute;, merci.</p><blockquote>old</blockquote></body></html>"));

        assertThat(verdict.replyText()).isEqualTo("Pas intéressé, merci.");
        assertThat(verdict.intent().intent()).isEqualTo(ReplyIntent.NOT_INTERESTED);
    }

    @Test
    void garbage_bytes_are_unreadable_with_a_reason() {
        byte[] garbage = {0x00, (byte) 0xFF, 0x13, 0x37, 0x00, 0x42};

        InboundVerdict verdict = classifier.classify(garbage, MONDAY_2_MARCH_2026);

        assertThat(verdict.kind()).isEqualTo(InboundKind.UNREADABLE);
        assertThat(verdict.reasons()).isNotEmpty();
        assertThat(classifier.classify(new byte[0], MONDAY_2_MARCH_2026).kind()).isEqualTo(InboundKind.UNREADABLE);
        assertThat(classifier.classify(null, MONDAY_2_MARCH_2026).kind()).isEqualTo(InboundKind.UNREADABLE);
        assertThat(classifier.classify("just some words\nno headers".getBytes(StandardCharsets.UTF_8),
                MONDAY_2_MARCH_2026).kind()).isEqualTo(InboundKind.UNREADABLE);
    }

    @Test
    void an_arf_report_is_a_complaint_for_the_original_recipient() {
        String report = """
                From: feedback@mailbox.example
                To: abuse@relance.example
                Subject: Abuse report
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="b"

                --b
                Content-Type: text/plain

                This is an email abuse report.
                --b
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: Mailbox/1.0
                Version: 1
                Original-Rcpt-To: <bob@acme.example>

                --b
                Content-Type: message/rfc822

                From: sales@relance.example
                To: bob@acme.example
                Message-ID: <ours-9@relance.example>
                Subject: Hello

                Hi
                --b--
                """;

        InboundVerdict verdict = classifier.classify(report.getBytes(StandardCharsets.UTF_8), MONDAY_2_MARCH_2026);

        assertThat(verdict.kind()).isEqualTo(InboundKind.COMPLAINT);
        assertThat(verdict.recipients()).extracting(BouncedRecipient::recipient).containsExactly("bob@acme.example");
        assertThat(verdict.referencedMessageIds()).containsExactly("ours-9@relance.example");
    }

    private static byte[] dsn(String action, String status, String diagnostic) {
        String message = """
                From: Mail Delivery System <MAILER-DAEMON@mx.relance.example>
                To: sales@relance.example
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.relance.example

                Final-Recipient: rfc822; bob@acme.example
                Action: %s
                Status: %s
                Diagnostic-Code: %s

                --b
                Content-Type: text/rfc822-headers

                From: sales@relance.example
                To: bob@acme.example
                Message-ID: <ours-1@relance.example>
                Subject: Hello

                --b--
                """.formatted(action, status, diagnostic);
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
