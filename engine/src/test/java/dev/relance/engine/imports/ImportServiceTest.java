package dev.relance.engine.imports;

import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserService;

@EngineTest
class ImportServiceTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Autowired
    ImportService imports;
    @Autowired
    UserService users;
    @Autowired
    SuppressionService suppressions;
    @Autowired
    ChunkInterruptions interruptions;
    @Autowired
    ImportRepository importRows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.relance.engine.testing.MutableClock clock;

    long sdr;
    String domain;

    @BeforeEach
    void setUp() {
        String unique = "u" + UUID.randomUUID().toString().substring(0, 8);
        sdr = users.create(aUser(Role.SDR, "Sam")).id();
        domain = unique + ".example";
    }

    @AfterEach
    void disarm() {
        interruptions.disarm();
    }

    @Test
    void french_excel_file_in_windows_1252_with_semicolons_gets_in_with_accents_and_inferred_zones() throws Exception {
        String csv = "Prénom;Nom;Courriel;Société;Poste;Téléphone;Pays;Ville\r\n"
                + "Hélène;Dupré;Helene.Dupre@" + domain.toUpperCase() + ";Café Crème SA;Directrice générale;+33 1 23 45 67 89;France;Paris\r\n"
                + "José;Müller;jose@" + domain + ";Café Crème SA;CTO;;États-Unis;Chicago\r\n";
        Import done = run(csv.getBytes(CP1252), new ImportOptions(null, null, null, null, null));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.charset()).isEqualTo("windows-1252");
        assertThat(done.delimiter()).isEqualTo(";");
        assertThat(done.created()).isEqualTo(2);
        Map<String, Object> helene = prospect("Helene.Dupre@" + domain);
        assertThat(helene).containsEntry("first_name", "Hélène").containsEntry("last_name", "Dupré")
                .containsEntry("title", "Directrice générale").containsEntry("country", "FR")
                .containsEntry("time_zone", "Europe/Paris").containsEntry("owner_id", sdr);
        assertThat(prospect("jose@" + domain)).containsEntry("time_zone", "America/Chicago").containsEntry("country", "US");
        assertThat(jdbc.sql("SELECT name FROM account WHERE domain = :d").param("d", domain).query(String.class).single())
                .isEqualTo("Café Crème SA");
    }

    @Test
    void utf8_with_bom_tab_separated_and_quoted_fields_with_separators_quotes_and_line_breaks() throws Exception {
        String csv = "\uFEFFE-mail\tFirst Name\tJob Title\tcustom.notes\n"
                + "a@" + domain + "\t\"Ann\"\t\"Head of \"\"Growth\"\"\"\t\"line one\nline two\twith tab\"\n"
                + "b@" + domain + "\tBob\tCEO\t\n";
        Import done = run(csv.getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));

        assertThat(done.created()).as(done.toString()).isEqualTo(2);
        assertThat(done.delimiter()).isEqualTo("\t");
        assertThat(prospect("a@" + domain)).containsEntry("title", "Head of \"Growth\"");
        assertThat((String) prospect("a@" + domain).get("custom_fields")).contains("line one\\nline two\\twith tab");
        assertThat(prospect("b@" + domain)).containsEntry("first_name", "Bob");
    }

    @Test
    void invalid_rows_are_reported_with_line_and_column_and_every_valid_row_gets_in() throws Exception {
        StringBuilder csv = new StringBuilder("email,first_name,country,phone\n");
        int valid = 0;
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 3) {
                csv.append("not-an-email-").append(i).append(",X,FR,\n");
            } else {
                csv.append("p").append(i).append("@").append(domain).append(",P").append(i).append(",FR,")
                        .append(i == 50 ? "call me" : "").append('\n');
                valid++;
            }
        }
        Import done = run(csv.toString().getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));

        assertThat(done.rowsRead()).isEqualTo(100);
        assertThat(done.failed()).isEqualTo(10);
        assertThat(done.created()).isEqualTo(valid);
        String report = problems(done.id());
        assertThat(report.lines()).hasSize(1 + 10 + 1);
        assertThat(report).contains("5,email,not-an-email-3,is not an email address,ROW_REJECTED")
                .contains("95,email,not-an-email-93,is not an email address,ROW_REJECTED")
                .contains("52,phone,call me,\"may contain digits, spaces and + ( ) . - only\",FIELD_IGNORED");
        assertThat(prospect("p50@" + domain)).containsEntry("phone", null);
    }

    @Test
    void importing_the_same_file_twice_changes_nothing_the_second_time() throws Exception {
        String csv = "email,first name,company\nx@" + domain + ",Xavier,Acme\ny@" + domain + ",Yann,Acme\ny@" + domain + ",Yann,Acme\n";
        Import first = run(csv.getBytes(StandardCharsets.UTF_8), new ImportOptions(null, DuplicatePolicy.OVERWRITE, null, null, null));
        Map<String, Object> before = prospect("x@" + domain);
        Import second = run(csv.getBytes(StandardCharsets.UTF_8), new ImportOptions(null, DuplicatePolicy.OVERWRITE, null, null, null));

        assertThat(first.created()).isEqualTo(2);
        assertThat(first.unchanged()).isEqualTo(1);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(prospect("x@" + domain)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email LIKE :p").param("p", "%@" + domain)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void duplicate_policies_skip_fill_empty_and_overwrite() throws Exception {
        run(("email,first_name,title\ns@" + domain + ",Sam,\nf@" + domain + ",Fay,\no@" + domain + ",Ola,Intern\n")
                .getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));
        String again = "email,first_name,title\ns@" + domain + ",Samuel,CEO\nf@" + domain + ",Fanny,CFO\no@" + domain + ",Olaf,CTO\n";

        Import skip = run(onlyRow(again, 1), new ImportOptions(null, DuplicatePolicy.SKIP, null, null, null));
        Import fill = run(onlyRow(again, 2), new ImportOptions(null, DuplicatePolicy.FILL_EMPTY, null, null, null));
        Import overwrite = run(onlyRow(again, 3), new ImportOptions(null, DuplicatePolicy.OVERWRITE, null, null, null));

        assertThat(skip.skipped()).isEqualTo(1);
        assertThat(prospect("s@" + domain)).containsEntry("first_name", "Sam").containsEntry("title", null);
        assertThat(problems(skip.id())).contains("ROW_SKIPPED");
        assertThat(fill.updated()).isEqualTo(1);
        assertThat(prospect("f@" + domain)).containsEntry("first_name", "Fay").containsEntry("title", "CFO");
        assertThat(overwrite.updated()).isEqualTo(1);
        assertThat(prospect("o@" + domain)).containsEntry("first_name", "Olaf").containsEntry("title", "CTO");
    }

    @Test
    void suppressed_addresses_and_domains_are_imported_and_flagged_and_free_mail_makes_no_account() throws Exception {
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "gone@" + domain, SuppressionReason.UNSUBSCRIBED, null), null);
        String csv = "email\ngone@" + domain + "\nsomeone." + domain + "@gmail.com\n";
        Import done = run(csv.getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.suppressed()).isEqualTo(1);
        assertThat(problems(done.id())).contains("2,,gone@" + domain).contains("SUPPRESSED");
        assertThat(prospect("someone." + domain + "@gmail.com")).containsEntry("account_id", null);
    }

    @Test
    void an_unbalanced_quote_rejects_the_rest_of_the_file_with_its_line_and_keeps_the_rows_before() throws Exception {
        String csv = "email,first_name\nok@" + domain + ",Ok\nbad@" + domain + ",\"Unclosed\nlost@" + domain + ",Lost\n";
        Import done = run(csv.getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(problems(done.id())).contains("3,,,quoted field opened on line 3 is never closed");
    }

    @Test
    void a_file_without_email_column_an_empty_file_and_a_header_only_file() throws Exception {
        assertThatThrownBy(() -> imports.start(new ByteArrayInputStream("name,company\nA,B\n".getBytes()), "x.csv",
                new ImportOptions(null, null, null, null, null), sdr, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column holds email addresses");
        assertThatThrownBy(() -> imports.start(new ByteArrayInputStream(new byte[0]), "x.csv",
                new ImportOptions(null, null, null, null, null), sdr, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is empty");
        Import headerOnly = run("Email,Prénom\r\n".getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));
        assertThat(headerOnly.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(headerOnly.rowsRead()).isZero();
        assertThat(headerOnly.percentage()).isEqualTo(100.0);
    }

    @Test
    void explicit_mapping_wins_over_detection() throws Exception {
        String csv = "Contact,Nom,Segment\nm@" + domain + ",Martin,Retail\n";
        Import done = run(csv.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(Map.of("Contact", "email", "Nom", "ignore", "Segment", "custom.segment"), null, null, null, null));

        assertThat(done.created()).isEqualTo(1);
        assertThat(prospect("m@" + domain)).containsEntry("last_name", null);
        assertThat((String) prospect("m@" + domain).get("custom_fields")).contains("\"segment\": \"Retail\"");
    }

    @Test
    void an_import_interrupted_after_a_chunk_resumes_there_and_writes_each_row_once() throws Exception {
        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < 12_500; i++) {
            csv.append(i % 100 == 7 ? "broken" + i : "r" + i + "@" + domain).append(",R").append(i).append('\n');
        }
        interruptions.failAfter(1);
        Import failed = run(csv.toString().getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.failureReason()).contains("interrupted by a test");
        assertThat(failed.rowsRead()).isEqualTo(5_000);

        imports.restart(failed.id());
        imports.awaitRun(failed.id(), Duration.ofMinutes(1));
        Import done = imports.get(failed.id());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsRead()).isEqualTo(12_500);
        assertThat(done.failed()).isEqualTo(125);
        assertThat(done.created()).isEqualTo(12_375);
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email LIKE :p").param("p", "%@" + domain)
                .query(Long.class).single()).isEqualTo(12_375);
        assertThat(problems(done.id()).lines()).hasSize(1 + 125);
    }

    @Test
    void an_import_left_running_by_a_dead_process_is_refused_a_restart_until_stale_then_resumes_once() throws Exception {
        Import failed = leftRunningByADeadProcess(7_000);

        assertThatThrownBy(() -> imports.restart(failed.id())).hasMessageContaining("is running");
        clock.advance(Duration.ofMinutes(3));
        imports.restart(failed.id());
        imports.awaitRun(failed.id(), Duration.ofMinutes(1));
        Import done = imports.get(failed.id());

        assertThat(done.status()).as(done.toString()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsRead()).isEqualTo(7_000);
        assertThat(done.created()).isEqualTo(7_000);
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email LIKE :p").param("p", "%@" + domain)
                .query(Long.class).single()).isEqualTo(7_000);
    }

    @Test
    void the_recovery_resumes_an_import_of_a_dead_process_once_its_heartbeat_is_stale() throws Exception {
        Import failed = leftRunningByADeadProcess(6_000);
        Instant later = clock.instant().plus(Duration.ofMinutes(3));
        assertThat(importRows.claim(failed.id(), later, later.minus(Duration.ofMinutes(2))))
                .as("the first of two instances takes the stale import").isTrue();
        assertThat(importRows.claim(failed.id(), later, later.minus(Duration.ofMinutes(2))))
                .as("the second finds it taken").isFalse();
        jdbc.sql("UPDATE prospect_import SET heartbeat_at = :now WHERE id = :id")
                .param("id", failed.id()).param("now", java.sql.Timestamp.from(clock.instant())).update();

        assertThat(imports.resumeAbandoned(clock.instant().minus(Duration.ofMinutes(2)))).as("not stale yet: left alone")
                .doesNotContain(failed.id());
        assertThat(imports.get(failed.id()).created()).isEqualTo(5_000);
        clock.advance(Duration.ofMinutes(3));
        assertThat(imports.resumeAbandoned(clock.instant().minus(Duration.ofMinutes(2)))).contains(failed.id());
        imports.awaitRun(failed.id(), Duration.ofMinutes(1));

        Import done = imports.get(failed.id());
        assertThat(done.status()).as(done.toString()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).isEqualTo(6_000);
        assertThat(jdbc.sql("SELECT count(*) FROM prospect WHERE email LIKE :p").param("p", "%@" + domain)
                .query(Long.class).single()).isEqualTo(6_000);
    }

    @Test
    void utf16_files_with_a_byte_order_mark_as_excel_saves_unicode_text() throws Exception {
        String csv = "E-mail\tPrénom\tSociété\r\n" + "zoe@" + domain + "\tZoë\tÉcole 日本\r\n";
        byte[] littleEndian = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
        Import little = run(littleEndian, new ImportOptions(null, null, null, null, null));
        byte[] bigEndian = ("\uFEFF" + csv.replace("zoe@", "zoe.be@")).getBytes(StandardCharsets.UTF_16BE);
        Import big = run(bigEndian, new ImportOptions(null, null, null, null, null));

        assertThat(little.charset()).isEqualTo("UTF-16LE");
        assertThat(little.delimiter()).isEqualTo("\t");
        assertThat(little.created()).as(little.toString()).isEqualTo(1);
        assertThat(prospect("zoe@" + domain)).containsEntry("first_name", "Zoë");
        assertThat(big.charset()).isEqualTo("UTF-16BE");
        assertThat(big.created()).as(big.toString()).isEqualTo(1);
        assertThat(prospect("zoe.be@" + domain)).containsEntry("first_name", "Zoë");
    }

    /** An import of {@code rows} addresses whose first chunk committed, left as a killed process leaves it. */
    private Import leftRunningByADeadProcess(int rows) throws Exception {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("k").append(i).append("@").append(domain).append('\n');
        }
        interruptions.failAfter(1);
        Import failed = run(csv.toString().getBytes(StandardCharsets.UTF_8), new ImportOptions(null, null, null, null, null));
        // The import RUNNING with its last heartbeat, and its job and step executions STARTED, never ended.
        jdbc.sql("UPDATE prospect_import SET status = 'RUNNING', finished_at = NULL, heartbeat_at = :now WHERE id = :id")
                .param("id", failed.id()).param("now", java.sql.Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL
                 WHERE job_execution_id = (SELECT job_execution_id FROM prospect_import WHERE id = :id)
                """).param("id", failed.id()).update();
        jdbc.sql("""
                UPDATE batch_step_execution SET status = 'STARTED', end_time = NULL
                 WHERE job_execution_id = (SELECT job_execution_id FROM prospect_import WHERE id = :id)
                """).param("id", failed.id()).update();
        return failed;
    }

    private Import run(byte[] content, ImportOptions options) throws Exception {
        Import started = imports.start(new ByteArrayInputStream(content), "test.csv", options, sdr, false);
        imports.awaitRun(started.id(), Duration.ofMinutes(1));
        return imports.get(started.id());
    }

    private Map<String, Object> prospect(String email) {
        return jdbc.sql("""
                SELECT first_name, last_name, title, phone, country, city, time_zone, owner_id, account_id,
                       custom_fields::text AS custom_fields
                  FROM prospect WHERE email = CAST(:email AS citext)
                """).param("email", email).query().singleRow();
    }

    private String problems(long id) throws Exception {
        StringWriter out = new StringWriter();
        imports.writeProblems(id, out);
        return out.toString();
    }

    private static byte[] onlyRow(String csv, int row) {
        List<String> lines = csv.lines().toList();
        return (lines.getFirst() + "\n" + lines.get(row) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
