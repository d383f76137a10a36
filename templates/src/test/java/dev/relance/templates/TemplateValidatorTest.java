package dev.relance.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator();

    @Test
    void a_well_formed_email_has_no_problems() {
        var source = new EmailTemplateSource("Quick question, {{ first_name | default: \"there\" }}", null,
                "Hi {{ first_name }},\n{% if account.name %}How is {{ account.name }}?{% endif %}");
        assertThat(validator.validate(source, true)).isEmpty();
    }

    @Test
    void a_syntax_error_is_reported_with_its_line_and_column() {
        var source = new EmailTemplateSource("Hello", null, "Hi,\n\nthis {% if x %} never ends");
        assertThat(validator.validate(source, true)).singleElement().satisfies(problem -> {
            assertThat(problem.part()).isEqualTo("bodyText");
            assertThat(problem.line()).isPositive();
        });
    }

    @Test
    void a_subject_with_a_line_break_is_refused_because_it_would_inject_headers() {
        var source = new EmailTemplateSource("Hello\r\nBcc: everyone@example.com", null, "body");
        assertThat(validator.validate(source, true)).extracting(TemplateProblem::part).containsExactly("subject");
    }

    @Test
    void an_empty_subject_is_refused_unless_the_step_replies_in_thread() {
        var source = new EmailTemplateSource("  ", null, "body");
        assertThat(validator.validate(source, true)).extracting(TemplateProblem::part).containsExactly("subject");
        assertThat(validator.validate(source, false)).isEmpty();
    }

    @Test
    void an_email_without_any_body_is_refused() {
        assertThat(validator.validate(new EmailTemplateSource("Hi", " ", null), true))
                .extracting(TemplateProblem::part).containsExactly("body");
    }
}
