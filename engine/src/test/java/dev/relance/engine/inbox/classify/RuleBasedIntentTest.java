package dev.relance.engine.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleBasedIntentTest {

    private final RuleBasedIntent rules = new RuleBasedIntent();

    private ReplyIntent intentOf(String text) {
        return rules.classify(text, "Re: Hello").intent();
    }

    @Test
    void interest_in_english_and_french() {
        assertThat(intentOf("Sounds good, let's talk next week.")).isEqualTo(ReplyIntent.INTERESTED);
        assertThat(intentOf("Happy to book a call")).isEqualTo(ReplyIntent.INTERESTED);
        assertThat(intentOf("Send me more details")).isEqualTo(ReplyIntent.INTERESTED);
        assertThat(intentOf("Très intéressé, je suis dispo jeudi.")).isEqualTo(ReplyIntent.INTERESTED);
        assertThat(intentOf("Oui, on peut en parler.")).isEqualTo(ReplyIntent.INTERESTED);
    }

    @Test
    void negation_does_not_turn_a_refusal_into_interest() {
        assertThat(intentOf("I'm not interested.")).isEqualTo(ReplyIntent.NOT_INTERESTED);
        assertThat(intentOf("We are not really interested at this point")).isEqualTo(ReplyIntent.NOT_INTERESTED);
        assertThat(intentOf("Je ne suis pas intéressé.")).isEqualTo(ReplyIntent.NOT_INTERESTED);
        assertThat(intentOf("Non merci, pas pour nous.")).isEqualTo(ReplyIntent.NOT_INTERESTED);
        assertThat(intentOf("No thanks")).isEqualTo(ReplyIntent.NOT_INTERESTED);
    }

    @Test
    void an_interest_phrase_after_a_negation_is_ignored_and_explained() {
        IntentVerdict verdict = rules.classify("We would never be interested in that.", null);

        assertThat(verdict.intent()).isNotEqualTo(ReplyIntent.INTERESTED);
        assertThat(verdict.reasons()).anyMatch(reason -> reason.contains("negated"));
    }

    @Test
    void referral_captures_the_name_and_address() {
        IntentVerdict english = rules.classify("I'm not the right person, you should talk to Jane Doe.", null);
        assertThat(english.intent()).isEqualTo(ReplyIntent.REFERRAL);
        assertThat(english.referralName()).isEqualTo("Jane Doe");

        IntentVerdict byEmail = rules.classify("Please reach out to jane.doe@acme.example instead.", null);
        assertThat(byEmail.intent()).isEqualTo(ReplyIntent.REFERRAL);
        assertThat(byEmail.referralEmail()).isEqualTo("jane.doe@acme.example");

        IntentVerdict french = rules.classify("Contactez plutôt Marie Dupont (marie.dupont@acme.example).", null);
        assertThat(french.intent()).isEqualTo(ReplyIntent.REFERRAL);
        assertThat(french.referralName()).isEqualTo("Marie Dupont");
        assertThat(french.referralEmail()).isEqualTo("marie.dupont@acme.example");

        IntentVerdict copy = rules.classify("Je vous mets en copie Paul Martin qui gère ce sujet.", null);
        assertThat(copy.referralName()).isEqualTo("Paul Martin");
    }

    @Test
    void a_referral_outranks_not_interested() {
        IntentVerdict verdict = rules.classify("Not interested myself, but talk to Jane Doe.", null);

        assertThat(verdict.intent()).isEqualTo(ReplyIntent.REFERRAL);
        assertThat(verdict.reasons()).singleElement().asString().contains("talk to");
    }

    @Test
    void unsubscribe_requests_win_over_everything() {
        assertThat(intentOf("Please remove me from your list, not interested.")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
        assertThat(intentOf("Stop emailing me")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
        assertThat(intentOf("Take me off your list")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
        assertThat(intentOf("Merci de ne plus me contacter.")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
        assertThat(intentOf("Retirez-moi de vos listes")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
        assertThat(intentOf("STOP")).isEqualTo(ReplyIntent.UNSUBSCRIBE_REQUEST);
    }

    @Test
    void questions_and_neutral_answers() {
        assertThat(intentOf("How much does it cost")).isEqualTo(ReplyIntent.QUESTION);
        assertThat(intentOf("Combien pour 10 utilisateurs")).isEqualTo(ReplyIntent.QUESTION);
        assertThat(intentOf("Does it work with Outlook?")).isEqualTo(ReplyIntent.QUESTION);
        assertThat(intentOf("Got it.")).isEqualTo(ReplyIntent.NEUTRAL);
    }

    @Test
    void reasons_name_the_phrase_that_matched() {
        assertThat(rules.classify("Sounds good!", null).reasons()).containsExactly("interested: \"Sounds good\"");
    }
}
