package dev.relance.templates;

import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static final TemplateEngine ENGINE = Emails.ENGINE;

    private static SnippetSource snippets(Map<String, String> bodies) {
        return name -> Optional.ofNullable(bodies.get(name));
    }

    private static List<TemplateProblem> problems(String body, Map<String, String> bodies) {
        return ENGINE.validate(new EmailTemplateSource("Hi", null, body), true, TemplateSchema.lenient(), snippets(bodies));
    }

    @Test
    void snippets_are_expanded_at_compile_time_with_either_quote_and_recursively() {
        var source = snippets(Map.of("case_study", "Acme saved {{ custom.hours | default: '10' }} hours. {% snippet 'cta' %}",
                "cta", "{Worth a chat|Open to a call}?"));
        var email = ENGINE.compile(new EmailTemplateSource("Hi", null, "Hi {{ first_name }}. {% snippet \"case_study\" %}"),
                true, source);
        assertThat(ENGINE.render(email, aProspect().seed(1).build()).text())
                .matches("Hi Ann\\. Acme saved 10 hours\\. (Worth a chat|Open to a call)\\?");
        assertThat(email.spintaxGroups()).isEqualTo(1);
    }

    @Test
    void an_unknown_snippet_is_a_problem_at_its_position() {
        assertThat(problems("Hi\n{% snippet \"nope\" %}", Map.of())).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown snippet \"nope\"");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(1);
        });
    }

    @Test
    void a_snippet_cycle_is_a_problem() {
        assertThat(problems("{% snippet 'a' %}", Map.of("a", "A {% snippet 'b' %}", "b", "B {% snippet 'a' %}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("includes itself: a > b > a"));
    }

    @Test
    void snippets_nested_deeper_than_the_limit_are_a_problem() {
        var chain = Map.of("s1", "{% snippet 's2' %}", "s2", "{% snippet 's3' %}", "s3", "{% snippet 's4' %}",
                "s4", "{% snippet 's5' %}", "s5", "{% snippet 's6' %}", "s6", "end");
        assertThat(problems("{% snippet 's1' %}", chain)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("nested deeper than 5"));
    }

    @Test
    void a_malformed_snippet_name_is_a_problem() {
        assertThat(problems("{% snippet \"Case Study\" %}", Map.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("{% snippet \"name\" %}"));
    }

    @Test
    void a_snippet_with_an_error_or_an_unknown_variable_is_reported_in_the_part_using_it() {
        assertThat(problems("{% snippet 'bad' %}", Map.of("bad", "Hi {{ nope }}")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("in snippet \"bad\" line 1")
                        .endsWith("unknown variable nope"));
        assertThat(problems("{% snippet 'broken' %}", Map.of("broken", "{% if x %}"))).isNotEmpty();
    }

    @Test
    void a_snippet_may_define_what_the_template_uses() {
        assertThat(problems("{% snippet 'defs' %}{{ greeting }}", Map.of("defs", "{% assign greeting = 'Hello' %}")))
                .isEmpty();
    }
}
