package dev.relance.engine.inbox;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.sequence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.store.StoredMessage;

import dev.relance.engine.dispatch.DispatchTestBase;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.ThreadMode;

/**
 * Inbox tests: a mailbox whose IMAP INBOX is GreenMail's, a two-email cadence to answer, and ways to
 * drop a raw message into the INBOX and look at what the poller made of it.
 */
abstract class InboxTestBase extends DispatchTestBase {

    static final String SUBJECT = "Quick question about Acme";

    @Autowired
    InboxPoller poller;
    @Autowired
    InboxService inbox;

    Mailbox mailbox;

    @BeforeEach
    void aMailboxWithImapAndAnEmptyInbox() throws Exception {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        mailbox = mailbox(500, 500, 0, true);
        poller.poll(mailbox.id()); // whatever earlier tests left in the shared INBOX is behind the checkpoint
    }

    /** Two emails a day apart, open every day, with these rules. */
    Sequence twoEmails(SequenceRules rules) {
        SequenceDraft draft = sequence(List.of(
                email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, SUBJECT, "Hi {{ first_name }}, shall we talk?"),
                email(1, DelayUnit.DAYS, ThreadMode.REPLY_IN_THREAD, null, "Any thoughts, {{ first_name }}?")),
                everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null);
        return sequences.create(new SequenceDraft(draft.name(), null, draft.status(), null, rules, draft.schedule(),
                draft.steps()), sdr.id());
    }

    /** Enrolls and sends the first email; returns the Message-ID it went out with. */
    String firstEmailSent(Enrollment enrollment) {
        dispatcher.runDueWork();
        return jdbc.sql("SELECT message_id_header FROM message WHERE enrollment_id = :e ORDER BY id LIMIT 1")
                .param("e", enrollment.id()).query(String.class).single();
    }

    /** Puts a raw message (LF or CRLF lines) into the INBOX of the mailbox, unread. */
    void deliver(String raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        greenMail.getUserManager().getUser(dev.relance.engine.dispatch.Cadences.GREENMAIL_LOGIN).deliver(message);
    }

    /** Whether every message of the INBOX is still unread. */
    boolean inboxAllUnread() throws Exception {
        var user = greenMail.getUserManager().getUser(dev.relance.engine.dispatch.Cadences.GREENMAIL_LOGIN);
        List<StoredMessage> messages = greenMail.getManagers().getImapHostManager().getInbox(user).getMessages();
        return !messages.isEmpty() && messages.stream().noneMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
    }

    InboundMessage latestInbound() {
        return inbox.list(dev.relance.engine.support.PageRequest.first(1), new InboundFilter(null, mailbox.id(), null)).items().getFirst();
    }

    static SequenceRules rules(boolean stopOnReply, boolean stopAccountOnReply) {
        return new SequenceRules(stopOnReply, stopAccountOnReply, false, true, true);
    }

    static String reply(String from, String subject, String inReplyTo, String body) {
        return "From: " + from + "\nTo: sam@relance.test\nSubject: " + subject + "\nMessage-ID: <" + System.nanoTime()
                + "@client.test>\n" + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\nReferences: <"
                + inReplyTo + ">\n") + "Date: Tue, 3 Mar 2026 10:00:00 +0100\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    }
}
