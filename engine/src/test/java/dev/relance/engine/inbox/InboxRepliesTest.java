package dev.relance.engine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.dispatch.DispatchTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.InboxReader;
import dev.relance.engine.prospect.AccountDraft;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.task.TaskFilter;
import dev.relance.engine.task.TaskPageRequest;
import dev.relance.engine.task.TaskService;

/** Human replies read over IMAP: matched, stopped per the rules, and never marked read. */
@DispatchTest
class InboxRepliesTest extends InboxTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    SuppressionService suppressions;
    @Autowired
    AccountService accounts;
    @Autowired
    InboundProcessor processor;
    @Autowired
    InboxReader inboxReader;

    @Test
    void a_reply_in_the_thread_stops_the_cadence_and_stays_unread() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("ana@reply.test", "Ana", "Europe/Paris"),
                mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(reply("Ana <ana@reply.test>", "Re: " + SUBJECT, sent, "Thanks, not now.\n\nOn Tue, Sam wrote:\n> Hi"));
        PollReport report = poller.poll(mailbox.id());

        assertThat(report.processed()).isEqualTo(1);
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.REPLIED);
        InboundMessage inbound = latestInbound();
        assertThat(inbound.kind()).isEqualTo("REPLY");
        assertThat(inbound.matchMethod()).isEqualTo("threading headers");
        assertThat(inbound.effects()).anyMatch(effect -> effect.contains("ended: the prospect replied"));
        assertThat(events("REPLIED", enrollment)).isEqualTo(1);
        assertThat(inboxAllUnread()).isTrue();

        clock.advance(Duration.ofDays(2));
        dispatcher.runDueWork();
        assertThat(sentCount(enrollment)).isEqualTo(1); // the follow-up never left
    }

    @Test
    void a_reply_whose_threading_headers_were_stripped_is_matched_by_sender_and_subject() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("bob@stripped.test"), mailbox);
        firstEmailSent(enrollment);

        deliver(reply("bob@stripped.test", "RE : " + SUBJECT, null, "Let's talk next week."));
        poller.poll(mailbox.id());

        assertThat(latestInbound().matchMethod()).isEqualTo("sender and subject");
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.REPLIED);
    }

    @Test
    void an_interested_reply_gives_the_owner_a_task() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("cleo@keen.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(reply("cleo@keen.test", "Re: " + SUBJECT, sent, "Sounds good, let's book a call on Thursday."));
        poller.poll(mailbox.id());

        var open = tasks.list(TaskPageRequest.first(10), new TaskFilter(sdr.id(), null, null, null, null)).items();
        assertThat(open).anyMatch(task -> task.title().contains("cleo@keen.test") && task.title().contains("interested"));
    }

    @Test
    void a_reply_asking_to_be_removed_suppresses_the_address() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(false, false)), prospect("dan@remove.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(reply("dan@remove.test", "Re: " + SUBJECT, sent, "Please remove me from your list."));
        poller.poll(mailbox.id());

        assertThat(suppressions.suppressing("dan@remove.test")).isPresent();
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
    }

    @Test
    void a_reply_stops_the_colleagues_at_the_same_account_when_the_sequence_says_so() throws Exception {
        long account = accounts.create(new AccountDraft("colleagues.test", "Colleagues Inc", null, null, null,
                Map.of(), null)).id();
        Sequence sequence = twoEmails(rules(true, true));
        Enrollment replier = enroll(sequence, prospectAt("eve@colleagues.test", account), mailbox);
        Enrollment colleague = enroll(sequence, prospectAt("fay@colleagues.test", account), mailbox);
        Enrollment elsewhere = enroll(sequence, prospect("gus@elsewhere.test"), mailbox);
        String sent = firstEmailSent(replier);

        deliver(reply("eve@colleagues.test", "Re: " + SUBJECT, sent, "We already have a vendor."));
        poller.poll(mailbox.id());

        assertThat(enrollments.get(replier.id()).state()).isEqualTo(EnrollmentState.REPLIED);
        assertThat(enrollments.get(colleague.id()).state()).isEqualTo(EnrollmentState.STOPPED);
        assertThat(enrollments.get(elsewhere.id()).state().isLive()).isTrue();
    }

    @Test
    void a_reply_from_no_one_we_wrote_to_waits_in_the_review_list() throws Exception {
        deliver(reply("stranger@nowhere.test", "Partnership?", null, "Hello, we would like to partner."));
        poller.poll(mailbox.id());

        InboundMessage inbound = latestInbound();
        assertThat(inbound.status()).isEqualTo(InboundStatus.UNMATCHED);
        assertThat(inbox.list(PageRequest.first(50), new InboundFilter(InboundStatus.UNMATCHED, mailbox.id(), null))
                .items()).extracting(InboundMessage::id).contains(inbound.id());
        assertThat(new String(inbox.raw(inbound.id()))).contains("we would like to partner");
    }

    @Test
    void our_own_sent_copy_in_the_inbox_is_ignored() throws Exception {
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospect("hal@copy.test"), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver("From: " + mailbox.emailAddress() + "\nTo: hal@copy.test\nSubject: " + SUBJECT + "\nMessage-ID: <" + sent
                + ">\n\nHi Pat, shall we talk?\n");
        poller.poll(mailbox.id());

        assertThat(latestInbound().status()).isEqualTo(InboundStatus.IGNORED);
        assertThat(enrollments.get(enrollment.id()).state().isLive()).isTrue();
    }

    @Test
    void a_poller_that_dies_mid_folder_misses_nothing_and_repeats_nothing() throws Exception {
        Enrollment first = enroll(twoEmails(rules(true, false)), prospect("ivy@crash.test"), mailbox);
        Enrollment second = enroll(twoEmails(rules(true, false)), prospect("jon@crash.test"), mailbox);
        String firstSent = firstEmailSent(first);
        String secondSent = jdbc.sql("SELECT message_id_header FROM message WHERE enrollment_id = :e")
                .param("e", second.id()).query(String.class).single();
        deliver(reply("ivy@crash.test", "Re: " + SUBJECT, firstSent, "Interested, call me."));
        deliver(reply("jon@crash.test", "Re: " + SUBJECT, secondSent, "Interested too."));

        // A poll that read the folder, recorded the first reply and died before the second.
        var batch = readInbox();
        processor.process(mailbox.id(), "INBOX", batch.uidValidity(), batch.messages().getFirst());

        PollReport afterRestart = poller.poll(mailbox.id());
        PollReport again = poller.poll(mailbox.id());

        assertThat(afterRestart.processed()).isEqualTo(1);
        assertThat(again.read()).isZero();
        assertThat(events("REPLIED", first)).isEqualTo(1);
        assertThat(events("REPLIED", second)).isEqualTo(1);
        assertThat(processor.process(mailbox.id(), "INBOX", batch.uidValidity(), batch.messages().getFirst())).isEmpty();
        assertThat(events("REPLIED", first)).isEqualTo(1);
        assertThat(inboxAllUnread()).isTrue();
    }

    private InboxReader.FolderBatch readInbox() {
        var checkpoint = jdbc.sql("SELECT uid_validity, last_uid FROM inbox_checkpoint WHERE mailbox_id = :m AND folder = 'INBOX'")
                .param("m", mailbox.id()).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return inboxReader.read(mailboxes.imapCredentials(mailbox.id()).orElseThrow(), "INBOX", checkpoint[0],
                checkpoint[1], 100);
    }

    private Prospect prospectAt(String email, long accountId) {
        return prospects.create(new ProspectDraft(email, "Pat", null, null, null, null, "Europe/Paris", "fr-FR", "FR", null,
                Map.of(), sdr.id(), accountId, null));
    }

    int events(String type, Enrollment enrollment) {
        return jdbc.sql("SELECT count(*) FROM event WHERE type = :t AND enrollment_id = :e").param("t", type)
                .param("e", enrollment.id()).query(Integer.class).single();
    }

    int sentCount(Enrollment enrollment) {
        return jdbc.sql("SELECT count(*) FROM message WHERE enrollment_id = :e AND state = 'SENT'")
                .param("e", enrollment.id()).query(Integer.class).single();
    }
}
