package dev.relance.templates;

import static dev.relance.templates.Emails.html;
import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Emails.text;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RenderingTest {

    @Test
    void prints_prospect_account_custom_and_sender_variables() {
        var email = text("Hi {{ first_name }}", "{{ first_name }} at {{ account.name }} in {{ custom.industry }}, "
                + "from {{ sender.first_name }}");
        var rendered = render(email, aProspect().withCustom("industry", "fintech"));
        assertThat(rendered.subject()).isEqualTo("Hi Ann");
        assertThat(rendered.text()).isEqualTo("Ann at Acme in fintech, from Bob");
        assertThat(rendered.html()).isNull();
    }

    @Test
    void default_filter_fills_in_a_missing_variable() {
        var email = text("Hi {{ first_name | default: \"there\" }}", "Hello {{ title | default: 'friend' }}");
        var rendered = render(email, aProspect().without("first_name"));
        assertThat(rendered.subject()).isEqualTo("Hi there");
        assertThat(rendered.text()).isEqualTo("Hello friend");
    }

    @Test
    void conditionals_and_loops_render() {
        var email = text("Hi", "{% if title %}As {{ title }}, {% endif %}you{% for n in custom.tools %} {{ n }}{% endfor %}");
        assertThat(render(email, aProspect().with("title", "CTO").withCustom("tools", List.of("a", "b"))).text())
                .isEqualTo("As CTO, you a b");
        assertThat(render(email, aProspect().withCustom("tools", List.of())).text()).isEqualTo("you");
    }

    @Test
    void an_html_email_gets_a_text_alternative_derived_from_its_html() {
        var email = html("Hi", "<p>Hi {{ first_name }},</p><p>Read <a href=\"https://acme.com/case\">our case</a>.<br>"
                + "Thanks</p><ul><li>one</li><li>two</li></ul>");
        var rendered = render(email, aProspect());
        assertThat(rendered.html()).isEqualTo("<p>Hi Ann,</p><p>Read <a href=\"https://acme.com/case\">our case</a>.<br>"
                + "Thanks</p><ul><li>one</li><li>two</li></ul>");
        assertThat(rendered.text()).isEqualTo("Hi Ann,\n\nRead our case (https://acme.com/case).\nThanks\n\n- one\n- two");
        assertThat(rendered.links()).containsExactly("https://acme.com/case");
    }

    @Test
    void a_plain_text_email_has_no_html_and_lists_the_links_of_its_text() {
        var email = text("Hi", "See https://acme.com/a?x=1, then http://acme.com/b.\nBye");
        var rendered = render(email, aProspect());
        assertThat(rendered.html()).isNull();
        assertThat(rendered.links()).containsExactly("https://acme.com/a?x=1", "http://acme.com/b");
    }

    @Test
    void variables_are_html_escaped_in_html_bodies() {
        var email = html("Hi", "<p title=\"{{ first_name }}\">Hi {{ first_name }}</p>");
        var rendered = render(email, aProspect().named("\"><script>alert(1)</script>"));
        assertThat(rendered.html()).doesNotContain("<script>").doesNotContain("\"><")
                .contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(rendered.text()).isEqualTo("Hi \"><script>alert(1)</script>");
    }

    @Test
    void the_subject_and_text_are_not_escaped() {
        var email = text("For {{ account.name }}", "Hi {{ first_name }}");
        var rendered = render(email, aProspect().named("Zoë & <Co>").withAccount("name", "R&D"));
        assertThat(rendered.subject()).isEqualTo("For R&D");
        assertThat(rendered.text()).isEqualTo("Hi Zoë & <Co>");
    }

    @Test
    void context_maps_may_be_immutable() {
        var email = text("Hi {{ first_name }}", "x");
        var context = new RenderContext(Map.of("first_name", "Ann"), null, null, 1, Recipients.NOW);
        assertThat(Emails.ENGINE.render(email, context).subject()).isEqualTo("Hi Ann");
    }

    @Test
    void whitespace_control_and_raw_blocks_work_as_in_liquid() {
        var email = text("Hi", "Hi   {{- first_name -}}  !{% raw %} {{ literally }}{% endraw %}");
        assertThat(render(email, aProspect()).text()).isEqualTo("HiAnn! {{ literally }}");
    }

    @Test
    void derived_text_stays_tidy_around_conditional_paragraphs() {
        var email = html("Hi", "<p>One</p>\n{% if title %}<p>Two {{ title }}</p>{% endif %}\n<p>Three</p>");
        assertThat(render(email, aProspect()).text()).isEqualTo("One\n\nThree");
        assertThat(render(email, aProspect().with("title", "CTO")).text()).isEqualTo("One\n\nTwo CTO\n\nThree");
    }
}
