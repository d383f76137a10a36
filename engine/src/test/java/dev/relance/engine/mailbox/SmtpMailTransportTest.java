package dev.relance.engine.mailbox;

import static dev.relance.engine.mailbox.TestEmails.anEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.relance.engine.mailbox.SendOutcome.Accepted;
import dev.relance.engine.mailbox.SendOutcome.AuthenticationFailed;
import dev.relance.engine.mailbox.SendOutcome.Deferred;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;

/** The SMTP transport against GreenMail, a real SMTP server. */
class SmtpMailTransportTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sam@relance.test", "sam", "secret"));

    private final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    private final SmtpMailTransport transport = new SmtpMailTransport(SmtpProperties.defaults(), clock);

    @AfterEach
    void closeConnections() {
        transport.closeAll();
    }

    @Test
    void a_follow_up_arrives_threaded_with_unsubscribe_headers_and_text_and_html_alternatives() throws Exception {
        OutgoingEmail email = anEmail().from("sam@relance.test", "Sam Seller").to("ada@prospect.test", "Ada Lovelace")
                .withSubject("Re: Quick question").withText("Hi Ada,\nfollowing up.")
                .withHtml("<p>Hi Ada,<br>following up.</p>")
                .inReplyTo("first.1@relance.test", List.of("first.1@relance.test", "reply.2@prospect.test"))
                .withUnsubscribe("https://relance.test/u/tok123", "unsubscribe+tok123@relance.test").build();

        SendOutcome outcome = transport.send(smtp(1), email);

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.serverReply()).startsWith("250"));
        MimeMessage received = single();
        assertThat(email.messageId()).matches("[0-9a-f]{32}@relance\\.test");
        assertThat(received.getHeader("Message-ID")).containsExactly("<" + email.messageId() + ">");
        assertThat(received.getHeader("In-Reply-To")).containsExactly("<first.1@relance.test>");
        assertThat(received.getHeader("References")).containsExactly("<first.1@relance.test> <reply.2@prospect.test>");
        assertThat(received.getSubject()).isEqualTo("Re: Quick question");
        assertThat(MimeUtility.unfold(received.getHeader("List-Unsubscribe", null)))
                .isEqualTo("<https://relance.test/u/tok123>, <mailto:unsubscribe+tok123@relance.test>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("Date")).containsExactly("Tue, 3 Mar 2026 08:00:00 +0000");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("sam@relance.test", "Sam Seller"));
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWithIgnoringCase("text/plain; charset=UTF-8");
        assertThat(normalised(parts.getBodyPart(0).getContent())).isEqualTo("Hi Ada,\nfollowing up.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWithIgnoringCase("text/html; charset=UTF-8");
        assertThat(normalised(parts.getBodyPart(1).getContent())).isEqualTo("<p>Hi Ada,<br>following up.</p>");
    }

    @Test
    void a_plain_text_email_is_one_text_part_with_utf8_subject_and_names() throws Exception {
        OutgoingEmail email = anEmail().from("sam@relance.test", "Zoë Vendeuse").to("emile@prospect.test", "Émile Zola")
                .withSubject("Un café à Paris ? ☕").withText("Bonjour Émile,\nà bientôt.").build();

        assertThat(transport.send(smtp(1), email)).isInstanceOf(Accepted.class);

        MimeMessage received = single();
        assertThat(received.getContentType()).startsWithIgnoringCase("text/plain; charset=UTF-8");
        assertThat(normalised(received.getContent())).isEqualTo("Bonjour Émile,\nà bientôt.");
        assertThat(received.getSubject()).isEqualTo("Un café à Paris ? ☕");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(received.getHeader("From")[0]).startsWith("=?UTF-8?").endsWith("<sam@relance.test>");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Zoë Vendeuse");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("Émile Zola");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void twenty_emails_sent_at_once_from_one_mailbox_share_one_connection() throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SendOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                OutgoingEmail email = anEmail().to("prospect" + i + "@prospect.test", null).build();
                outcomes.add(senders.submit(() -> transport.send(smtp(1), email)));
            }
            for (Future<SendOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(Accepted.class);
            }
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(20);
        assertThat(transport.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void each_mailbox_has_its_own_connection() {
        transport.send(smtp(1), anEmail().build());
        transport.send(smtp(2), anEmail().build());
        transport.send(smtp(1), anEmail().build());
        assertThat(transport.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void a_connection_idle_past_the_idle_timeout_is_not_reused() {
        transport.send(smtp(1), anEmail().build());
        clock.advance(Duration.ofSeconds(59));
        transport.send(smtp(1), anEmail().build());
        clock.advance(Duration.ofSeconds(61));
        assertThat(transport.send(smtp(1), anEmail().build())).isInstanceOf(Accepted.class);
        assertThat(transport.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void a_wrong_password_is_an_authentication_failure() {
        MailboxCredentials wrong = new MailboxCredentials(1, "127.0.0.1", greenMail.getSmtp().getPort(),
                TransportSecurity.NONE, "sam", "not-the-password");

        assertThat(transport.send(wrong, anEmail().build())).isInstanceOf(AuthenticationFailed.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_line_break_in_a_header_value_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> transport.send(smtp(1), anEmail().withSubject("Hi\r\nBcc: everyone@victim.test").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> transport.send(smtp(1),
                anEmail().to("ada@prospect.test", "Ada\nBcc: x@victim.test").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toName");
        assertThatThrownBy(() -> transport.send(smtp(1),
                anEmail().withUnsubscribe("https://relance.test/u/t\r\nX-Evil: 1", null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listUnsubscribeUrl");
        assertThat(transport.connectionsOpened()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void after_the_server_restarts_the_next_send_reconnects_and_a_down_server_defers() throws Exception {
        ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        MailboxCredentials smtp = new MailboxCredentials(7, "127.0.0.1", setup.getPort(), TransportSecurity.NONE, "sam",
                null);
        GreenMail server = new GreenMail(setup);
        server.start();
        try {
            assertThat(transport.send(smtp, anEmail().build())).isInstanceOf(Accepted.class);
            server.stop();
            server = new GreenMail(setup);
            server.start();

            assertThat(transport.send(smtp, anEmail().build())).isInstanceOf(Accepted.class);
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(transport.connectionsOpened()).isEqualTo(2);

            server.stop();
            assertThat(transport.send(smtp, anEmail().build())).isInstanceOfSatisfying(Deferred.class,
                    d -> assertThat(d.replyCode()).isNull());
        } finally {
            server.stop();
        }
    }

    private static MailboxCredentials smtp(long mailboxId) {
        return new MailboxCredentials(mailboxId, "127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.NONE, "sam",
                "secret");
    }

    private static MimeMessage single() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String normalised(Object content) {
        return content.toString().replace("\r\n", "\n").strip();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
