package dev.relance.templates;

import static dev.relance.templates.Emails.html;
import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Emails.text;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SpintaxTest {

    @Test
    void a_group_becomes_a_liquid_case_on_a_reserved_variable() {
        List<Integer> arities = new ArrayList<>();
        assertThat(Spintax.toLiquid("{Hi|Hello|Hey} you", arities))
                .isEqualTo("{% case __spin0 %}{% when 0 %}Hi{% when 1 %}Hello{% when 2 %}Hey{% endcase %} you");
        assertThat(arities).containsExactly(3);
    }

    @Test
    void braces_without_a_pipe_stay_as_written() {
        List<Integer> arities = new ArrayList<>();
        String css = "a { color: red } and {single}";
        assertThat(Spintax.toLiquid(css, arities)).isEqualTo(css);
        assertThat(arities).isEmpty();
    }

    @Test
    void liquid_regions_are_not_spintax_even_with_pipes() {
        List<Integer> arities = new ArrayList<>();
        String liquid = "{{ first_name | default: \"x\" }} {% if a %}b{% endif %}";
        assertThat(Spintax.toLiquid(liquid, arities)).isEqualTo(liquid);
        assertThat(arities).isEmpty();
    }

    @Test
    void the_same_seed_always_picks_the_same_words() {
        var email = text("{Quick|Short} question", "{Hi|Hello|Hey} {{ first_name }}");
        var first = render(email, aProspect().seed(7));
        var again = render(email, aProspect().seed(7));
        assertThat(again.subject()).isEqualTo(first.subject());
        assertThat(again.text()).isEqualTo(first.text());
    }

    @Test
    void different_seeds_vary_the_words_over_every_alternative() {
        var email = text("Hi", "{Hi|Hello|Hey} {{ first_name }}");
        Set<String> seen = new HashSet<>();
        LongStream.range(0, 50).forEach(seed -> seen.add(render(email, aProspect().seed(seed)).text()));
        assertThat(seen).containsExactlyInAnyOrder("Hi Ann", "Hello Ann", "Hey Ann");
    }

    @Test
    void groups_nest_and_alternatives_may_hold_liquid() {
        var email = text("Hi", "{Hi {there|{{ first_name }}}|Hello {{ first_name | upcase }}}!");
        Set<String> seen = new HashSet<>();
        LongStream.range(0, 60).forEach(seed -> seen.add(render(email, aProspect().seed(seed)).text()));
        assertThat(seen).containsExactlyInAnyOrder("Hi there!", "Hi Ann!", "Hello ANN!");
    }

    @Test
    void spintax_works_in_html_bodies_and_the_derived_text_says_the_same() {
        var email = html("Hi", "<p>{Hi|Hello} <b>{{ first_name }}</b></p>");
        for (long seed = 0; seed < 10; seed++) {
            var rendered = render(email, aProspect().seed(seed));
            String word = rendered.text().substring(0, rendered.text().indexOf(' '));
            assertThat(rendered.html()).isEqualTo("<p>" + word + " <b>Ann</b></p>");
        }
    }

    @Test
    void the_choice_depends_on_the_group_as_well_as_the_seed() {
        Set<Long> choices = new HashSet<>();
        for (int group = 0; group < 20; group++) {
            choices.add(Spintax.choice(99, group, 4));
        }
        assertThat(choices).hasSize(4);
    }
}
