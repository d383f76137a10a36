package dev.relance.engine.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizeSubjectTest {

    @Test
    void reply_and_forward_prefixes_in_several_languages_are_removed() {
        assertThat(InboundClassifier.normalizeSubject("Re: Quick question")).isEqualTo("quick question");
        assertThat(InboundClassifier.normalizeSubject("RE : TR: Fwd: Quick   question ")).isEqualTo("quick question");
        assertThat(InboundClassifier.normalizeSubject("AW: WG: FW: Quick question")).isEqualTo("quick question");
        assertThat(InboundClassifier.normalizeSubject("Réf : RE: re: Quick question")).isEqualTo("quick question");
        assertThat(InboundClassifier.normalizeSubject("Re[2]: Quick question")).isEqualTo("quick question");
    }

    @Test
    void words_that_only_start_like_a_prefix_are_kept() {
        assertThat(InboundClassifier.normalizeSubject("Return policy")).isEqualTo("return policy");
        assertThat(InboundClassifier.normalizeSubject("Trade show: see you there")).isEqualTo("trade show: see you there");
    }

    @Test
    void no_subject_is_empty() {
        assertThat(InboundClassifier.normalizeSubject(null)).isEmpty();
    }
}
