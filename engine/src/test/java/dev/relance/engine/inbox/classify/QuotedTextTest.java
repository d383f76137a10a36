package dev.relance.engine.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void gmail_attribution_and_quotes_are_removed() {
        String text = """
                Yes, Thursday works.

                On Mon, Mar 2, 2026 at 9:00 AM Sam Seller <sam@relance.example>
                wrote:
                > Would Thursday work for a demo?
                """;

        assertThat(QuotedText.strip(text)).isEqualTo("Yes, Thursday works.");
    }

    @Test
    void french_gmail_attribution_is_removed() {
        String text = "Volontiers.\n\nLe lun. 2 mars 2026 à 09:00, Sam <sam@relance.example> a écrit :\n> Bonjour";

        assertThat(QuotedText.strip(text)).isEqualTo("Volontiers.");
    }

    @Test
    void french_outlook_header_block_is_removed() {
        String text = """
                Bonjour,
                Pas pour nous pour le moment.

                De : Sam Seller <sam@relance.example>
                Envoyé : lundi 2 mars 2026 09:00
                À : Marie Dupont
                Objet : Relance
                """;

        assertThat(QuotedText.strip(text)).isEqualTo("Bonjour,\nPas pour nous pour le moment.");
    }

    @Test
    void english_outlook_blocks_and_separators_are_removed() {
        assertThat(QuotedText.strip("Call me.\n-----Original Message-----\nFrom: Sam\nSent: Monday"))
                .isEqualTo("Call me.");
        assertThat(QuotedText.strip("Call me.\n________________________________\nFrom: Sam\nSent: Monday"))
                .isEqualTo("Call me.");
        assertThat(QuotedText.strip("Call me.\n\nFrom: Sam Seller <sam@relance.example>\nSent: Monday\nTo: Jane"))
                .isEqualTo("Call me.");
    }

    @Test
    void signatures_are_removed_after_the_message() {
        assertThat(QuotedText.strip("Sounds good.\n\nSent from my iPhone")).isEqualTo("Sounds good.");
        assertThat(QuotedText.strip("Ça me va.\n\nEnvoyé de mon iPhone")).isEqualTo("Ça me va.");
        assertThat(QuotedText.strip("Ok for Tuesday.\n-- \nJane Doe\nCEO, Acme")).isEqualTo("Ok for Tuesday.");
        assertThat(QuotedText.strip("D'accord pour mardi.\n\nCordialement,\nMarie Dupont\n01 23 45 67 89"))
                .isEqualTo("D'accord pour mardi.");
    }

    @Test
    void a_message_that_is_only_a_sign_off_is_kept() {
        assertThat(QuotedText.strip("Merci !")).isEqualTo("Merci !");
        assertThat(QuotedText.strip("Thanks, sounds good to me.\nJane")).startsWith("Thanks, sounds good to me.");
    }
}
