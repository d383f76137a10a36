package dev.relance.templates.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StockCadenceParserTest {

    private static final String HEADER = """
            # a comment
            name: Sample
            description: A sample cadence.
            locale: en
            ---
            """;

    private static final String FIRST_EMAIL = """
            type: AUTO_EMAIL
            delay: 0 MINUTES
            subject: Hello {{ first_name | default: "there" }}
            body:

            Hi,
            # not a comment inside a body

            """;

    private static StockCadence parse(String text) {
        return StockCadenceParser.parse("sample.en.txt", "sample", "en", text.lines().toList());
    }

    @Test
    void reads_the_header_the_steps_and_the_body_as_written() {
        StockCadence cadence = parse(HEADER + FIRST_EMAIL + """
                ---
                type: CALL
                delay: 2 BUSINESS_DAYS
                note: Call them.
                 Leave a voicemail.
                ---
                type: MANUAL_EMAIL
                delay: 3 DAYS
                thread: REPLY_IN_THREAD
                note: Personalise the first line.
                body:
                Bumping this.
                """);
        assertThat(cadence.name()).isEqualTo("Sample");
        assertThat(cadence.description()).isEqualTo("A sample cadence.");
        assertThat(cadence.steps()).containsExactly(
                new StockStep("AUTO_EMAIL", 0, "MINUTES", "NEW_THREAD", null,
                        "Hello {{ first_name | default: \"there\" }}", "Hi,\n# not a comment inside a body"),
                new StockStep("CALL", 2, "BUSINESS_DAYS", "NEW_THREAD", "Call them.\nLeave a voicemail.", null, null),
                new StockStep("MANUAL_EMAIL", 3, "DAYS", "REPLY_IN_THREAD", "Personalise the first line.", null,
                        "Bumping this."));
    }

    @Test
    void an_unknown_step_type_is_reported_with_the_file_and_line() {
        assertThatThrownBy(() -> parse(HEADER + "type: EMAIL\ndelay: 0 MINUTES\nbody:\nHi\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sample.en.txt, line 6:")
                .hasMessageContaining("'EMAIL' is not one of AUTO_EMAIL");
    }

    @Test
    void a_misspelt_field_is_refused_rather_than_ignored() {
        assertThatThrownBy(() -> parse(HEADER + "type: AUTO_EMAIL\ndelay: 0 MINUTES\nsubjet: Hi\nbody:\nHi\n"))
                .hasMessageContaining("line 8: unknown field 'subjet'");
    }

    @Test
    void a_reply_in_thread_cannot_have_a_subject() {
        assertThatThrownBy(() -> parse(HEADER + FIRST_EMAIL + "---\ntype: AUTO_EMAIL\ndelay: 2 BUSINESS_DAYS\n"
                + "thread: REPLY_IN_THREAD\nsubject: Again\nbody:\nHi\n"))
                .hasMessageContaining("line 18: a reply in thread has no subject");
    }

    @Test
    void a_reply_in_thread_needs_an_earlier_email() {
        assertThatThrownBy(() -> parse(HEADER + "type: AUTO_EMAIL\ndelay: 0 MINUTES\nthread: REPLY_IN_THREAD\nbody:\nHi\n"))
                .hasMessageContaining("line 8: a reply in thread needs an earlier email step");
    }

    @Test
    void an_email_needs_a_body_and_a_new_thread_needs_a_subject() {
        assertThatThrownBy(() -> parse(HEADER + "type: AUTO_EMAIL\ndelay: 0 MINUTES\nsubject: Hi\nbody:\n\n"))
                .hasMessageContaining("line 6: an email needs 'body:'");
        assertThatThrownBy(() -> parse(HEADER + "type: AUTO_EMAIL\ndelay: 0 MINUTES\nbody:\nHi\n"))
                .hasMessageContaining("line 6: a new-thread email needs a subject");
    }

    @Test
    void a_task_needs_a_note_and_no_email_fields() {
        assertThatThrownBy(() -> parse(HEADER + "type: LINKEDIN\ndelay: 0 MINUTES\n"))
                .hasMessageContaining("line 6: a LINKEDIN step needs a note");
        assertThatThrownBy(() -> parse(HEADER + "type: CALL\ndelay: 0 MINUTES\nnote: Call.\nsubject: Hi\n"))
                .hasMessageContaining("line 9: a CALL step sends no email");
    }

    @Test
    void a_delay_needs_a_number_and_a_known_unit() {
        assertThatThrownBy(() -> parse(HEADER + "type: CALL\ndelay: two days\nnote: Call.\n"))
                .hasMessageContaining("line 7: a delay is a whole number and a unit");
        assertThatThrownBy(() -> parse(HEADER + "type: CALL\ndelay: 2 WEEKS\nnote: Call.\n"))
                .hasMessageContaining("line 7: 'WEEKS' is not one of MINUTES");
    }

    @Test
    void the_header_locale_must_match_the_file_name() {
        assertThatThrownBy(() -> parse(HEADER.replace("locale: en", "locale: fr") + FIRST_EMAIL))
                .hasMessageContaining("line 4: locale 'fr' does not match the file name's 'en'");
    }

    @Test
    void an_extra_separator_is_refused() {
        assertThatThrownBy(() -> parse(HEADER + FIRST_EMAIL + "---\n"))
                .hasMessageContaining("empty step");
    }

    @Test
    void the_index_lists_each_key_with_its_locales() {
        List<String> lines = List.of("# keys", "", "referral  en fr", "nurture en");
        assertThat(StockCadenceParser.parseIndex("index.txt", lines))
                .extracting(StockCadenceParser.IndexEntry::fileName)
                .containsExactly("referral.en.txt", "referral.fr.txt", "nurture.en.txt");
        assertThatThrownBy(() -> StockCadenceParser.parseIndex("index.txt", List.of("referral en", "referral en")))
                .hasMessageContaining("index.txt, line 2: referral in 'en' is listed twice");
    }
}
