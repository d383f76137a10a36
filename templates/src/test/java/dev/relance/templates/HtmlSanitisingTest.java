package dev.relance.templates;

import static dev.relance.templates.Emails.html;
import static dev.relance.templates.Emails.preview;
import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HtmlSanitisingTest {

    private static String cleaned(String body) {
        return render(html("Hi", body), aProspect()).html();
    }

    @Test
    void scripts_styles_and_event_handlers_are_removed() {
        assertThat(cleaned("<p onclick=\"steal()\" style=\"color:red\">Hi</p><script>alert(1)</script>"
                + "<style>p{}</style><iframe src=\"https://evil.com\"></iframe><img src=\"https://acme.com/a.png\" onerror=\"x()\">"))
                .isEqualTo("<p style=\"color:red\">Hi</p><img src=\"https://acme.com/a.png\">");
    }

    @Test
    void formatting_tables_and_unknown_elements_keep_their_text() {
        assertThat(cleaned("<table width=\"100%\"><tr><td colspan=\"2\"><b>A</b></td></tr></table><form><blink>B</blink></form>"))
                .isEqualTo("<table width=\"100%\"><tr><td colspan=\"2\"><b>A</b></td></tr></table>B");
    }

    @Test
    void unsafe_inline_styles_are_dropped() {
        assertThat(cleaned("<p style=\"background:url(javascript:x)\">a</p><p style=\"width:expression(alert(1))\">b</p>"))
                .isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void liquid_loops_inside_tables_stay_where_they_were_written() {
        var email = html("Hi", "<table>{% for tool in custom.tools %}<tr><td>{{ tool }}</td></tr>{% endfor %}</table>");
        assertThat(render(email, aProspect().withCustom("tools", List.of("a", "b"))).html())
                .isEqualTo("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>");
    }

    @Test
    void liquid_in_attribute_values_is_kept_and_escaped() {
        var email = html("Hi", "<a href=\"{{ account.website }}/pricing?ref={{ first_name }}\" title=\"{% if title %}"
                + "{{ title }}{% endif %}\">pricing</a>");
        var rendered = render(email, aProspect().withAccount("website", "https://acme.com").named("A&B").with("title", "C\"O"));
        assertThat(rendered.html()).isEqualTo("<a href=\"https://acme.com/pricing?ref=A&amp;B\" title=\"C&quot;O\">pricing</a>");
        assertThat(rendered.links()).containsExactly("https://acme.com/pricing?ref=A&B");
    }

    @Test
    void a_value_in_a_style_attribute_cannot_escape_the_declaration() {
        var email = html("Hi", "<p style=\"color: {{ custom.color }}\">x</p>");
        assertThat(render(email, aProspect().withCustom("color", "red;background:url(https://evil.com/x)")).html())
                .isEqualTo("<p style=\"color: redbackgroundurlhttpsevil.comx\">x</p>");
    }

    @Test
    void a_link_from_data_that_is_not_http_is_refused_when_rendering() {
        var email = html("Hi", "<a href=\"{{ custom.site }}\">site</a>");
        var evil = aProspect().withCustom("site", "javascript:alert(1)");
        assertThatThrownBy(() -> render(email, evil)).isInstanceOfSatisfying(TemplateRenderException.class,
                e -> assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.UNSAFE_LINK));
        var previewed = preview(email, evil);
        assertThat(previewed.html()).isEqualTo("<a href=\"#\">site</a>");
        assertThat(previewed.warnings()).singleElement().asString().contains("javascript:alert(1)");
    }

    @Test
    void encoded_braces_in_html_do_not_become_liquid() {
        var rendered = render(html("Hi", "<p>&#123;&#123; first_name }} {% raw %}{{ last_name }}{% endraw %}</p>"), aProspect());
        assertThat(rendered.html()).isEqualTo("<p>&#123;&#123; first_name }} &#123;&#123; last_name }}</p>");
        assertThat(rendered.text()).isEqualTo("{{ first_name }} {{ last_name }}");
    }

    @Test
    void the_html_signature_of_the_sender_is_sanitised_in_html_and_made_text_in_text() {
        var email = html("Hi", "<p>Thanks</p>{{ sender.signature }}");
        var rendered = render(email, aProspect().withSender("signature",
                "<div>Bob <b>Martin</b><br><a href=\"https://relance.dev\">relance.dev</a><script>x()</script></div>"));
        assertThat(rendered.html()).isEqualTo("<p>Thanks</p><div>Bob <b>Martin</b><br><a href=\"https://relance.dev\">"
                + "relance.dev</a></div>");
        assertThat(rendered.text()).isEqualTo("Thanks\n\nBob Martin\nrelance.dev (https://relance.dev)");
    }

    @Test
    void a_plain_text_signature_keeps_its_lines_in_html() {
        var email = html("Hi", "<p>{{ sender.signature }}</p>");
        assertThat(render(email, aProspect().withSender("signature", "Bob\nCEO & founder")).html())
                .isEqualTo("<p>Bob<br>\nCEO &amp; founder</p>");
    }

    @Test
    void links_come_in_body_order() {
        var email = html("Hi", "<a href=\"https://a.com\">a</a><img src=\"https://img.com/x.png\"><a href=\"mailto:x@y.com\">m</a>"
                + "<a href=\"https://b.com/{{ first_name }}\">b</a>");
        assertThat(render(email, aProspect()).links()).containsExactly("https://a.com", "https://b.com/Ann");
    }

    @Test
    void an_html_map_value_is_escaped_like_any_value() {
        var email = html("Hi", "<p>{{ custom.note }}</p>");
        assertThat(render(email, aProspect().withCustom("note", Map.of("a", "<b>")).withCustom("x", 1)).html())
                .doesNotContain("<b>");
    }
}
