package dev.relance.engine.mailbox;

import static dev.relance.engine.mailbox.TestEmails.anEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.relance.engine.mailbox.SendOutcome.Accepted;
import dev.relance.engine.mailbox.SendOutcome.AuthenticationFailed;
import dev.relance.engine.mailbox.SendOutcome.Deferred;
import dev.relance.engine.mailbox.SendOutcome.Rejected;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;

/** How the transport reads refusals, deferrals and broken connections, played by a scripted SMTP server. */
class SmtpFailureOutcomesTest {

    private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
    private final SmtpMailTransport transport = new SmtpMailTransport(
            new SmtpProperties(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2), null),
            new MutableClock(TestClockConfiguration.START));

    @AfterEach
    void stop() throws Exception {
        transport.closeAll();
        server.close();
    }

    @Test
    void an_unknown_user_at_rcpt_is_a_hard_bounce_with_its_enhanced_status() {
        server.replying("RCPT", "550 5.1.1 <ada@prospect.test>: Recipient address rejected: User unknown");

        SendOutcome outcome = send();

        assertThat(outcome).isEqualTo(new Rejected(550, "5.1.1",
                "550 5.1.1 <ada@prospect.test>: Recipient address rejected: User unknown"));
        assertThat(server.count("DATA")).isZero();
    }

    @Test
    void a_temporary_refusal_at_rcpt_is_deferred_with_its_code() {
        server.replying("RCPT", "451 4.7.1 Greylisted, try later");

        assertThat(send()).isEqualTo(new Deferred("451 4.7.1 Greylisted, try later", 451));
    }

    @Test
    void a_refusal_after_the_data_is_a_rejection_of_the_message() {
        server.replying(ScriptedSmtpServer.END_OF_DATA, "554 5.7.1 Message rejected as spam");

        assertThat(send()).isEqualTo(new Rejected(554, "5.7.1", "554 5.7.1 Message rejected as spam"));
    }

    @Test
    void a_sender_refused_at_mail_from_is_a_mailbox_problem_not_a_bounce() {
        server.replying("MAIL", "553 5.7.1 <sam@relance.test>: Sender address rejected: not owned by user");

        assertThat(send()).isInstanceOfSatisfying(AuthenticationFailed.class,
                a -> assertThat(a.reason()).contains("not owned by user"));
    }

    @Test
    void a_refused_connection_is_deferred() throws Exception {
        int closedPort = SmtpMailTransportTest.freePort();

        SendOutcome outcome = transport.send(smtp(closedPort), anEmail().build());

        assertThat(outcome).isInstanceOfSatisfying(Deferred.class, d -> {
            assertThat(d.replyCode()).isNull();
            assertThat(d.reason()).contains("Connection refused");
        });
        assertThat(transport.connectionsOpened()).isZero();
    }

    @Test
    void a_server_that_stops_answering_is_deferred_after_the_read_timeout() {
        server.replying("RCPT", ScriptedSmtpServer.HANG);

        assertThat(send()).isInstanceOfSatisfying(Deferred.class,
                d -> assertThat(d.reason()).containsIgnoringCase("timed out"));
    }

    @Test
    void a_connection_the_server_dropped_is_reopened_for_the_next_send() throws Exception {
        assertThat(send()).isInstanceOf(Accepted.class);
        server.dropConnections();

        assertThat(send()).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.count("MAIL")).isEqualTo(2);
    }

    @Test
    void a_server_closing_at_mail_from_gets_the_send_again_on_a_fresh_connection() {
        assertThat(send()).isInstanceOf(Accepted.class);
        server.replyingOnce("MAIL", "421 4.4.2 scripted.test Error: timeout exceeded");

        assertThat(send()).isEqualTo(new Accepted("250 2.0.0 Ok: queued as SCRIPTED"));
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.count(ScriptedSmtpServer.END_OF_DATA)).isEqualTo(2);
    }

    @Test
    void a_connection_lost_after_the_data_is_deferred_and_never_sent_again() {
        assertThat(send()).isInstanceOf(Accepted.class);
        server.replyingOnce(ScriptedSmtpServer.END_OF_DATA, ScriptedSmtpServer.CLOSE);

        assertThat(send()).isInstanceOfSatisfying(Deferred.class, d -> assertThat(d.replyCode()).isNull());
        assertThat(server.count(ScriptedSmtpServer.END_OF_DATA)).isEqualTo(2);
        assertThat(server.connections()).isEqualTo(1);

        assertThat(send()).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void the_ehlo_names_the_mailbox_domain() {
        transport.send(smtp(server.port()), anEmail().from("sam@Sales.Relance.test", null).build());

        assertThat(server.commands()).first().isEqualTo("EHLO sales.relance.test");
    }

    private SendOutcome send() {
        return transport.send(smtp(server.port()), anEmail().build());
    }

    private static MailboxCredentials smtp(int port) {
        return new MailboxCredentials(1, "127.0.0.1", port, TransportSecurity.NONE, "sam", null);
    }
}
