package dev.relance.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final TemplateEngine ENGINE = Emails.ENGINE;
    private static final TemplateSchema SCHEMA = TemplateSchema.withCustomFields(Set.of("industry"));

    private static List<TemplateProblem> text(String body) {
        return ENGINE.validate(new EmailTemplateSource("Hi", null, body), true, SCHEMA, SnippetSource.NONE);
    }

    private static List<TemplateProblem> html(String body) {
        return ENGINE.validate(new EmailTemplateSource("Hi", body, null), true, SCHEMA, SnippetSource.NONE);
    }

    @Test
    void known_variables_have_no_problem() {
        assertThat(text("{{ first_name }} {{ company }} {{ account.website }} {{ sender.signature }} {{ custom.industry }}"
                + " {{ unsubscribe_url }} {{ now | date: '%A' }} {{ first_name.size }}")).isEmpty();
    }

    @Test
    void an_unknown_top_level_variable_is_an_error_at_its_position_with_a_suggestion() {
        assertThat(text("Hi\n  {{ frist_name }}")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(6);
            assertThat(p.message()).isEqualTo("unknown variable frist_name (did you mean first_name?)");
            assertThat(TemplateProblem.isWarning(p)).isFalse();
        });
    }

    @Test
    void unknown_account_and_sender_fields_are_errors() {
        assertThat(text("{{ account.revenue }} {{ sender.phone }}")).extracting(TemplateProblem::message)
                .allSatisfy(m -> assertThat(m).startsWith("unknown variable"))
                .hasSize(2);
    }

    @Test
    void an_unknown_custom_field_is_a_warning_that_does_not_refuse_compilation() {
        assertThat(text("{{ custom.budget }}")).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("unknown custom field custom.budget");
            assertThat(TemplateProblem.isWarning(p)).isTrue();
        });
        assertThat(ENGINE.validate(new EmailTemplateSource("Hi", null, "{{ custom.budget }}"), true,
                TemplateSchema.lenient(), SnippetSource.NONE)).isEmpty();
        assertThat(Emails.text("Hi", "{{ custom.budget }}")).isNotNull();
    }

    @Test
    void names_defined_by_assign_capture_and_for_are_not_unknown() {
        assertThat(text("{% assign greeting = 'Hi' %}{% capture who %}{{ first_name }}{% endcapture %}"
                + "{% for tool in custom.industry %}{{ forloop.index }} {{ tool }}{% endfor %}{{ greeting }} {{ who }}"
                + "{% increment counter %}{{ counter }}")).isEmpty();
    }

    @Test
    void a_syntax_error_keeps_its_line_and_column() {
        assertThat(text("Hello\n\n{{ first_name | default: 'x' ")).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("bodyText");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void links_in_html_must_be_absolute_http_urls_or_start_with_liquid() {
        assertThat(html("<a href=\"https://acme.com/x?a=1&b=2\">ok</a><a href=\"{{ unsubscribe_url }}\">u</a>"
                + "<a href=\"{{ account.website }}/pricing\">p</a><a href=\"mailto:{{ sender.email }}\">m</a>"
                + "<img src=\"https://cdn.acme.com/logo.png\">")).isEmpty();
        assertThat(html("<a href=\"javascript:alert(1)\">x</a>")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("javascript:alert(1)").contains("absolute http(s) URL"));
        assertThat(html("<a href=\"/relative\">x</a><a href=\"https://\">y</a><img src=\"http://acme.com/i.png\">"))
                .hasSize(3);
    }

    @Test
    void links_in_text_must_be_valid_absolute_urls() {
        assertThat(text("See https://acme.com/a, and https://{{ account.domain }}/b.")).isEmpty();
        assertThat(text("See http:// for details")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a valid absolute http(s) URL"));
    }

    @Test
    void liquid_tags_inside_removed_html_are_refused() {
        assertThat(html("<script>{% if first_name %}x{% endif %}</script><p>Hi</p>")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("sits where HTML is removed"));
        assertThat(html("<td {% if first_name %}class=\"a\"{% endif %}>x</td>")).isNotEmpty();
    }

    @Test
    void a_template_over_the_size_limit_is_refused() {
        var small = TemplateEngine.builder().limits(TemplateLimits.defaults().withMaxTemplateChars(10)).build();
        assertThat(small.validate(new EmailTemplateSource("Hi", null, "x".repeat(11)), true, SCHEMA, SnippetSource.NONE))
                .extracting(TemplateProblem::message).containsExactly("is longer than 10 characters");
    }

    @Test
    void compile_throws_the_errors_but_not_the_warnings() {
        var source = new EmailTemplateSource("Hi {{ nope }}", null, "{{ custom.whatever }}");
        assertThatThrownBy(() -> ENGINE.compile(source, true, SnippetSource.NONE))
                .isInstanceOfSatisfying(TemplateInvalidException.class, e -> assertThat(e.problems())
                        .extracting(TemplateProblem::part).containsExactly("subject"));
    }
}
