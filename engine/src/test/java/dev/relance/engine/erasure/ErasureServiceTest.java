package dev.relance.engine.erasure;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aSequence;
import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

@EngineTest
class ErasureServiceTest {

    // Every text, jsonb and bytea column of every table of the schema, searched for one needle.
    private static final String COLUMNS_CONTAINING = """
            SELECT c.table_name || '.' || c.column_name
              FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.udt_name IN ('text', 'citext', 'varchar', 'json', 'jsonb', 'bytea')
               AND (xpath('/row/n/text()', query_to_xml(format(
                        'SELECT count(*) AS n FROM %I WHERE strpos(lower(%s), %L) > 0', c.table_name,
                        CASE WHEN c.udt_name = 'bytea' THEN format('encode(%I, ''escape'')', c.column_name)
                             ELSE format('%I::text', c.column_name) END,
                        lower(:needle)), false, true, '')))[1]::text::int > 0
             ORDER BY 1
            """;

    private static final String EVENT_COUNTS = """
            SELECT type || ':' || count(*) FROM event GROUP BY type ORDER BY type
            """;

    @Autowired
    ErasureService erasures;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    SuppressionService suppressions;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    User admin;
    User sdr;
    Mailbox mailbox;
    Sequence sequence;

    @BeforeEach
    void anSdrWithAMailboxAndASequence() {
        clock.set(TestClockConfiguration.START);
        sdr = users.create(aUser(Role.SDR, "Sam"));
        admin = users.create(aUser(Role.ADMIN, "Ann"));
        mailbox = mailboxes.create(aMailbox(sdr.id()));
        sequence = sequences.create(aSequence().build(), sdr.id());
    }

    @Test
    void after_erasure_no_column_of_any_table_holds_the_address_the_names_or_the_rendered_text() {
        String email = "Zephyrine.Quillfeather" + System.nanoTime() + "@Example-Erase.test";
        Prospect prospect = prospects.create(new ProspectDraft(email, "Zephyrine", "Quillfeather", "Chief Wombat",
                "+33 1 23 45 67 89", "https://www.linkedin.com/in/zquill", "Europe/Paris", "fr-FR", "FR", "Lyon",
                Map.of("pet", "Wombatine"), sdr.id(), null, "Erasable Labs"));
        Enrollment enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null),
                sdr.id(), sdr.id());
        long messageId = aSentMessage(enrollment, prospect, "Hello Zephyrine", "Hi Zephyrine, wombats? Marmalade-77");
        anEvent("SENT", enrollment, messageId, "{}");
        anEvent("OPENED", enrollment, messageId, "{\"userAgent\": \"Mozilla/5.0 (Zephyrine's iPhone)\", \"method\": \"GET\"}");
        anEvent("CLICKED", enrollment, messageId,
                "{\"url\": \"https://example.test/pricing?who=" + email + "\", \"link\": 0, \"userAgent\": \"curl\"}");
        anEvent("BOUNCED", enrollment, messageId, "{\"recipient\": \"" + email + "\", \"status\": \"4.2.2\", \"hard\": false}");
        anInboundReply(enrollment, prospect, messageId, email);
        aTask(enrollment, prospect, "Call Zephyrine Quillfeather", "She loves wombats (Wombatine)");
        anOpportunity(prospect, "Quillfeather at Erasable Labs");
        List<String> eventsBefore = jdbc.sql(EVENT_COUNTS).query(String.class).list();
        assertThat(columnsContaining(email)).isNotEmpty();

        Erasure erasure = erasures.eraseProspect(prospect.id(), admin.id());

        for (String needle : List.of(email, "Zephyrine", "Quillfeather", "Marmalade-77", "Wombatine", "zquill",
                "Chief Wombat", "+33 1 23 45 67 89")) {
            assertThat(columnsContaining(needle)).as("columns holding " + needle).isEmpty();
        }
        // every event kept (ending the enrollment cancels the open task: one TASK_SKIPPED more)
        assertThat(jdbc.sql(EVENT_COUNTS).query(String.class).list()).containsAll(eventsBefore)
                .containsOnlyOnce("TASK_SKIPPED:1").hasSize(eventsBefore.size() + 1);
        assertThat(jdbc.sql("SELECT data ->> 'url' FROM event WHERE type = 'CLICKED'").query(String.class).single())
                .isEqualTo("https://example.test/pricing");
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.STOPPED);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE prospect_id = :id").param("id", prospect.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM opportunity WHERE prospect_id IS NULL").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(erasure.addressHash()).isEqualTo(SuppressionService.addressHash(email)).doesNotContain("@");
        // events: the opened, clicked and bounced ones, and the TASK_SKIPPED of the cancelled task
        assertThat(erasure.counts()).containsEntry("prospect", 1).containsEntry("messages", 1).containsEntry("events", 4)
                .containsEntry("inbound", 1).containsEntry("tasks", 1).containsEntry("opportunities", 1)
                .containsEntry("enrollmentsEnded", 1);
        assertThat(jdbc.sql("SELECT count(*) FROM erasure WHERE address_hash = :hash AND erased_by = :admin")
                .param("hash", erasure.addressHash()).param("admin", admin.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_erased_address_created_again_is_suppressed_by_its_hash_and_never_enrolled() {
        String email = "again" + System.nanoTime() + "@erase-again.test";
        Prospect first = prospects.create(new ProspectDraft(email, "Ida", "Again", null, null, null, "Europe/London", null,
                null, null, Map.of(), sdr.id(), null, null));
        erasures.eraseProspect(first.id(), admin.id());

        Prospect again = prospects.create(new ProspectDraft(email.toUpperCase(), "Ida", "Again", null, null, null,
                "Europe/London", null, null, null, Map.of(), sdr.id(), null, null));

        assertThat(suppressions.suppressing(again.email())).hasValueSatisfying(
                entry -> assertThat(entry.kind()).isEqualTo(SuppressionKind.ADDRESS_HASH));
        assertThat(suppressions.suppressingAny(List.of(again.email()))).containsKey(again.email());
        assertThatThrownBy(() -> enrollments.enroll(new EnrollmentRequest(sequence.id(), again.id(), mailbox.id(), null),
                sdr.id(), sdr.id())).isInstanceOf(ConflictException.class).hasMessageContaining("suppressed");
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE prospect_id = :id").param("id", again.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void an_address_in_no_prospect_is_suppressed_for_good_and_its_plain_entry_replaced_by_the_hash() {
        String email = "never" + System.nanoTime() + "@erase-unknown.test";
        jdbc.sql("INSERT INTO suppression (kind, value, reason, created_at) VALUES ('ADDRESS', :v, 'MANUAL', now())")
                .param("v", email).update();

        Erasure erasure = erasures.eraseAddress(email, admin.id());

        assertThat(erasure.prospectId()).isNull();
        assertThat(columnsContaining(email)).isEmpty();
        Prospect later = prospects.create(new ProspectDraft(email, null, null, null, null, null, "Europe/London", null,
                null, null, Map.of(), sdr.id(), null, null));
        assertThatThrownBy(() -> enrollments.enroll(new EnrollmentRequest(sequence.id(), later.id(), mailbox.id(), null),
                sdr.id(), sdr.id())).isInstanceOf(ConflictException.class).hasMessageContaining("suppressed");
    }

    @Test
    void erasing_twice_changes_nothing_the_second_time() {
        String email = "twice" + System.nanoTime() + "@erase-twice.test";
        Prospect prospect = prospects.create(new ProspectDraft(email, "Tess", "Twice", null, null, null, "Europe/London",
                null, null, null, Map.of(), sdr.id(), null, null));
        Erasure first = erasures.eraseProspect(prospect.id(), admin.id());

        Erasure byId = erasures.eraseProspect(prospect.id(), admin.id());
        Erasure byAddress = erasures.eraseAddress(email, admin.id());

        assertThat(first.alreadyErased()).isFalse();
        assertThat(byId.alreadyErased()).isTrue();
        assertThat(byId.id()).isEqualTo(first.id());
        assertThat(byAddress.alreadyErased()).isTrue();
        assertThat(byAddress.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("SELECT count(*) FROM erasure").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM suppression WHERE kind = 'ADDRESS_HASH' AND value = :h")
                .param("h", first.addressHash()).query(Integer.class).single()).isEqualTo(1);
    }

    private List<String> columnsContaining(String needle) {
        return jdbc.sql(COLUMNS_CONTAINING).param("needle", needle).query(String.class).list();
    }

    private long aSentMessage(Enrollment enrollment, Prospect prospect, String subject, String body) {
        return jdbc.sql("""
                INSERT INTO message (enrollment_id, step_id, mailbox_id, prospect_id, message_id_header, subject, body_html,
                                     body_text, state, sent_at, created_at, updated_at)
                VALUES (:enrollment, :step, :mailbox, :prospect, :header, :subject, :html, :text, 'SENT', now(), now(), now())
                RETURNING id
                """).param("enrollment", enrollment.id()).param("step", enrollment.currentStepId())
                .param("mailbox", mailbox.id()).param("prospect", prospect.id())
                .param("header", "m" + System.nanoTime() + "@relance.test").param("subject", subject)
                .param("html", "<p>" + body + "</p>").param("text", body).query(Long.class).single();
    }

    private void anEvent(String type, Enrollment enrollment, long messageId, String data) {
        jdbc.sql("""
                INSERT INTO event (type, occurred_at, message_id, enrollment_id, sequence_id, prospect_id, mailbox_id, data)
                VALUES (:type, now(), :message, :enrollment, :sequence, :prospect, :mailbox, CAST(:data AS jsonb))
                """).param("type", type).param("message", messageId).param("enrollment", enrollment.id())
                .param("sequence", enrollment.sequenceId()).param("prospect", enrollment.prospectId())
                .param("mailbox", mailbox.id()).param("data", data).update();
    }

    private void anInboundReply(Enrollment enrollment, Prospect prospect, long messageId, String email) {
        String raw = "From: Zephyrine Quillfeather <" + email + ">\r\nSubject: Re: Hello Zephyrine\r\n\r\nYes! Wombatine says hi.\r\n";
        jdbc.sql("""
                INSERT INTO inbound_message (mailbox_id, folder, uid_validity, uid, message_id_header, from_address, subject,
                                             received_at, kind, status, matched_message_id, prospect_id, enrollment_id,
                                             verdict, effects, raw, created_at)
                VALUES (:mailbox, 'INBOX', 1, 1, 'r1@example-erase.test', :from, 'Re: Hello Zephyrine', now(), 'REPLY',
                        'PROCESSED', :message, :prospect, :enrollment, CAST(:verdict AS jsonb), CAST(:effects AS jsonb),
                        :raw, now())
                """).param("mailbox", mailbox.id()).param("from", email.toLowerCase()).param("message", messageId)
                .param("prospect", prospect.id()).param("enrollment", enrollment.id())
                .param("verdict", "{\"kind\": \"REPLY\", \"fromAddress\": \"" + email.toLowerCase()
                        + "\", \"replyText\": \"Yes! Wombatine says hi.\"}")
                .param("effects", "[\"" + email + ": replied, enrollment stopped\"]")
                .param("raw", raw.getBytes(StandardCharsets.UTF_8)).update();
    }

    private void aTask(Enrollment enrollment, Prospect prospect, String title, String note) {
        jdbc.sql("""
                INSERT INTO task (enrollment_id, prospect_id, owner_id, type, title, note, due_at, created_at)
                VALUES (:enrollment, :prospect, :owner, 'CALL', :title, :note, now(), now())
                """).param("enrollment", enrollment.id()).param("prospect", prospect.id()).param("owner", sdr.id())
                .param("title", title).param("note", note).update();
    }

    private void anOpportunity(Prospect prospect, String name) {
        jdbc.sql("""
                INSERT INTO opportunity (account_id, prospect_id, stage_id, name, owner_id, created_at, updated_at)
                VALUES (:account, :prospect, (SELECT id FROM pipeline_stage WHERE key = 'SQL'), :name, :owner, now(), now())
                """).param("account", prospect.accountId()).param("prospect", prospect.id()).param("name", name)
                .param("owner", sdr.id()).update();
    }
}
