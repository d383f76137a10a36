package dev.relance.engine.mailbox;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.EngineTest;
import dev.relance.engine.support.NotFoundException;

@EngineTest
class MailboxCredentialsTest {

    @Autowired
    MailboxService mailboxes;
    @Autowired
    MailTransport transport;
    @Autowired
    SentFolder sentFolder;

    @Test
    void smtp_credentials_come_back_with_the_password_decrypted() {
        Mailbox mailbox = mailboxes.create(aMailbox(null));

        MailboxCredentials smtp = mailboxes.smtpCredentials(mailbox.id());

        assertThat(smtp).isEqualTo(new MailboxCredentials(mailbox.id(), "smtp.relance.test", 587,
                TransportSecurity.STARTTLS, mailbox.emailAddress(), "smtp-secret"));
    }

    @Test
    void imap_credentials_are_empty_without_an_imap_server_and_decrypted_with_one() {
        Mailbox withoutImap = mailboxes.create(aMailbox(null));
        MailboxDraft draft = aMailbox(null);
        Mailbox withImap = mailboxes.create(new MailboxDraft(draft.emailAddress(), draft.displayName(), null, null,
                draft.smtp(), new ServerDraft("imap.relance.test", 993, TransportSecurity.TLS, "sam", "imap-secret"), null,
                null, null, null, draft.timeZone(), draft.postalAddress()));

        assertThat(mailboxes.imapCredentials(withoutImap.id())).isEmpty();
        assertThat(mailboxes.imapCredentials(withImap.id())).contains(new MailboxCredentials(withImap.id(),
                "imap.relance.test", 993, TransportSecurity.TLS, "sam", "imap-secret"));
    }

    @Test
    void credentials_of_an_unknown_mailbox_are_not_found() {
        assertThatThrownBy(() -> mailboxes.smtpCredentials(999_999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mailboxes.imapCredentials(999_999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void credentials_never_print_their_password() {
        Mailbox mailbox = mailboxes.create(aMailbox(null));

        assertThat(mailboxes.smtpCredentials(mailbox.id()).toString()).doesNotContain("smtp-secret").contains("******");
    }

    @Test
    void the_engine_sends_through_the_smtp_adapter_and_looks_up_over_imap() {
        assertThat(transport).isInstanceOf(SmtpMailTransport.class);
        assertThat(sentFolder).isInstanceOf(ImapSentFolder.class);
    }
}
