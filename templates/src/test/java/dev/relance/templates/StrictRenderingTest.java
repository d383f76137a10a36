package dev.relance.templates;

import static dev.relance.templates.Emails.html;
import static dev.relance.templates.Emails.preview;
import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Emails.text;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictRenderingTest {

    @Test
    void a_missing_variable_without_fallback_stops_the_message_listing_every_such_variable() {
        var email = text("Hi {{ first_name }}", "About {{ account.name }} and {{ custom.industry }}");
        assertThatThrownBy(() -> render(email, aProspect().without("first_name").withAccount("name", null)))
                .isInstanceOfSatisfying(MissingVariablesException.class, e ->
                        assertThat(e.variables()).containsExactly("first_name", "account.name", "custom.industry"));
    }

    @Test
    void a_blank_value_counts_as_missing_so_hi_comma_is_never_sent() {
        var email = text("Hello", "Hi {{ first_name }},");
        assertThatThrownBy(() -> render(email, aProspect().named("   ")))
                .isInstanceOf(MissingVariablesException.class).hasMessageContaining("first_name");
    }

    @Test
    void a_missing_variable_is_fine_where_its_output_is_not_rendered() {
        var email = text("Hi", "Hi{% if title %} {{ title }}{% endif %}{% unless first_name == blank %} {{ first_name }}{% endunless %}.");
        assertThat(render(email, aProspect().without("title")).text()).isEqualTo("Hi Ann.");
    }

    @Test
    void a_filter_that_empties_a_value_makes_it_missing() {
        var email = text("Hi", "Hi {{ first_name | remove: 'Ann' }}");
        assertThatThrownBy(() -> render(email, aProspect())).isInstanceOf(MissingVariablesException.class);
    }

    @Test
    void strictness_applies_in_html_attributes_too() {
        var email = html("Hi", "<a href=\"{{ custom.calendar_url }}\">book</a>");
        assertThatThrownBy(() -> render(email, aProspect()))
                .isInstanceOfSatisfying(MissingVariablesException.class, e ->
                        assertThat(e.variables()).containsExactly("custom.calendar_url"));
    }

    @Test
    void a_preview_renders_missing_variables_empty_and_lists_them() {
        var email = html("Hi {{ first_name }}", "<p>At {{ account.name }}</p>");
        var rendered = preview(email, aProspect().without("first_name").withAccount("name", ""));
        assertThat(rendered.subject()).isEqualTo("Hi");
        assertThat(rendered.html()).isEqualTo("<p>At </p>");
        assertThat(rendered.warnings()).containsExactly("missing values rendered empty: first_name, account.name");
    }

    @Test
    void a_line_break_in_the_subject_from_data_is_refused_as_header_injection() {
        var email = text("Hi {{ first_name }}", "body");
        var injected = aProspect().named("Ann\r\nBcc: all@example.com");
        assertThatThrownBy(() -> render(email, injected)).isInstanceOfSatisfying(TemplateRenderException.class,
                e -> assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.HEADER_INJECTION));
        assertThat(preview(email, injected).subject()).isEqualTo("Hi Ann Bcc: all@example.com");
    }

    @Test
    void a_subject_that_renders_blank_is_refused() {
        var email = text("{{ first_name | default: '' }}", "body");
        assertThatThrownBy(() -> render(email, aProspect().without("first_name")))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.BLANK_SUBJECT));
    }

    @Test
    void a_reply_in_thread_without_subject_renders_an_empty_subject() {
        var email = Emails.ENGINE.compile(new EmailTemplateSource(null, null, "Any news?"), false, SnippetSource.NONE);
        assertThat(render(email, aProspect()).subject()).isEmpty();
        assertThat(email.hasSubject()).isFalse();
    }

    @Test
    void the_compiled_email_says_which_variables_it_requires() {
        var email = text("Hi {{ first_name }}", "{{ first_name }} {{ title | default: 'x' }} {{ account.name }}");
        assertThat(email.requiredVariables()).containsExactly("first_name", "account.name");
    }
}
