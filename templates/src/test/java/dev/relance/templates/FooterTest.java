package dev.relance.templates;

import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FooterTest {

    private static final TemplateEngine ENGINE = new TemplateEngine(TemplateLimits.DEFAULTS, null);

    private static CompiledEmail email(TemplateEngine engine, String html, String text) {
        return engine.compile(new EmailTemplateSource("Hi", html, text), true, SnippetSource.NONE);
    }

    @Test
    void the_default_footer_adds_the_postal_address_and_the_unsubscribe_link_to_text_and_html() {
        var rendered = ENGINE.render(email(ENGINE, "<p>Hello</p>", null),
                aProspect().withSender("postal_address", "1 Main St, Springfield").build());
        assertThat(rendered.text()).isEqualTo("Hello\n\n1 Main St, Springfield\nUnsubscribe: https://relance.dev/u/tok123");
        assertThat(rendered.html()).startsWith("<p>Hello</p>\n<p style=")
                .contains("1 Main St, Springfield<br>\nUnsubscribe: <a href=\"https://relance.dev/u/tok123\">");
        assertThat(rendered.links()).isEmpty();
    }

    @Test
    void the_default_footer_speaks_french_to_french_prospects() {
        var rendered = ENGINE.render(email(ENGINE, null, "Bonjour"), aProspect().speaking(Locale.FRENCH).build());
        assertThat(rendered.text()).isEqualTo("Bonjour\n\nSe désinscrire : https://relance.dev/u/tok123");
    }

    @Test
    void no_footer_is_appended_when_it_renders_blank() {
        var rendered = ENGINE.render(email(ENGINE, null, "Hello"), aProspect().without("unsubscribe_url").build());
        assertThat(rendered.text()).isEqualTo("Hello");
    }

    @Test
    void the_footer_is_configurable_and_may_be_turned_off() {
        var custom = new TemplateEngine(TemplateLimits.DEFAULTS, "-- {{ sender.name }} | {{ custom.none }}");
        assertThat(custom.render(email(custom, null, "Hello"), aProspect().build()).text())
                .isEqualTo("Hello\n\n-- Bob Martin |");
        var none = new TemplateEngine(TemplateLimits.DEFAULTS, "");
        assertThat(none.render(email(none, null, "Hello"), aProspect().build()).text()).isEqualTo("Hello");
    }

    @Test
    void an_invalid_footer_is_refused_when_the_engine_is_built() {
        assertThatThrownBy(() -> new TemplateEngine(TemplateLimits.DEFAULTS, "{% if %}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("footer");
    }
}
