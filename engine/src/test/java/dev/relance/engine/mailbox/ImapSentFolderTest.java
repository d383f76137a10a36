package dev.relance.engine.mailbox;

import static dev.relance.engine.mailbox.TestEmails.anEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.relance.engine.mailbox.SentFolder.LookupResult;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;

/** The Sent folder over IMAP, against GreenMail. */
class ImapSentFolderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sam@relance.test", "sam", "secret"));

    private final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    private final ImapSentFolder sentFolder = new ImapSentFolder(new ImapSessions(SmtpProperties.defaults()), clock);

    @Test
    void a_copy_saved_in_a_new_sent_folder_is_found_by_its_message_id() throws Exception {
        OutgoingEmail email = anEmail().withSubject("Quick question").build();

        sentFolder.appendCopy(imap(), email);

        assertThat(sentFolder.find(imap(), email.messageId())).isEqualTo(LookupResult.FOUND);
        try (Store store = store()) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_ONLY);
            Message copy = sent.getMessages()[0];
            assertThat(copy.getHeader("Message-ID")).containsExactly("<" + email.messageId() + ">");
            assertThat(copy.getSubject()).isEqualTo("Quick question");
            assertThat(copy.isSet(Flags.Flag.SEEN)).isTrue();
            sent.close(false);
        }
    }

    @Test
    void an_unknown_message_id_is_not_found() {
        sentFolder.appendCopy(imap(), anEmail().build());

        assertThat(sentFolder.find(imap(), "never-sent@relance.test")).isEqualTo(LookupResult.NOT_FOUND);
    }

    @Test
    void a_mailbox_without_a_sent_folder_has_not_sent_anything() {
        assertThat(sentFolder.find(imap(), "never-sent@relance.test")).isEqualTo(LookupResult.NOT_FOUND);
    }

    @Test
    void an_unreachable_server_or_a_wrong_password_makes_the_folder_unavailable() throws Exception {
        MailboxCredentials closedPort = new MailboxCredentials(1, "127.0.0.1", SmtpMailTransportTest.freePort(),
                TransportSecurity.NONE, "sam", "secret");
        MailboxCredentials wrongPassword = new MailboxCredentials(1, "127.0.0.1", greenMail.getImap().getPort(),
                TransportSecurity.NONE, "sam", "wrong");

        assertThat(sentFolder.find(closedPort, "any@relance.test")).isEqualTo(LookupResult.UNAVAILABLE);
        assertThat(sentFolder.find(wrongPassword, "any@relance.test")).isEqualTo(LookupResult.UNAVAILABLE);
    }

    @Test
    void saving_the_same_email_twice_keeps_one_copy() throws Exception {
        OutgoingEmail email = anEmail().build();

        sentFolder.appendCopy(imap(), email);
        sentFolder.appendCopy(imap(), email);

        try (Store store = store()) {
            assertThat(store.getFolder("Sent").getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void an_existing_folder_with_a_usual_sent_name_is_used() throws Exception {
        try (Store store = store()) {
            assertThat(store.getFolder("Éléments envoyés").create(Folder.HOLDS_MESSAGES)).isTrue();
        }
        OutgoingEmail email = anEmail().build();

        sentFolder.appendCopy(imap(), email);

        assertThat(sentFolder.find(imap(), email.messageId())).isEqualTo(LookupResult.FOUND);
        try (Store store = store()) {
            assertThat(store.getFolder("Éléments envoyés").getMessageCount()).isEqualTo(1);
            assertThat(store.getFolder("Sent").exists()).isFalse();
        }
    }

    @Test
    void looking_up_never_marks_a_message_read() throws Exception {
        OutgoingEmail email = anEmail().build();
        try (Store store = store()) {
            Folder sent = store.getFolder("Sent");
            sent.create(Folder.HOLDS_MESSAGES);
            MimeMessage unread = MimeMessages.build(Session.getInstance(new Properties()), email, clock);
            sent.appendMessages(new Message[] {unread});
        }

        assertThat(sentFolder.find(imap(), email.messageId())).isEqualTo(LookupResult.FOUND);

        try (Store store = store()) {
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_ONLY);
            assertThat(sent.getMessages()).singleElement().satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
            sent.close(false);
        }
    }

    private static MailboxCredentials imap() {
        return new MailboxCredentials(1, "127.0.0.1", greenMail.getImap().getPort(), TransportSecurity.NONE, "sam",
                "secret");
    }

    private static Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "sam", "secret");
        return store;
    }
}
