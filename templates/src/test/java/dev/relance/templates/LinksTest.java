package dev.relance.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void absolute_http_urls_need_a_scheme_and_a_host() {
        assertThat(List.of("https://acme.com", "http://acme.com/a?b=1#c", "HTTPS://sub.acme-corp.co.uk:8443/x",
                "https://café.fr/menu", "https://acme.com?x", "https://localhost"))
                .allMatch(Links::isAbsoluteHttp);
        assertThat(List.of("https://", "http:/acme.com", "ftp://acme.com", "https://-acme.com", "https://acme-.com",
                "https://acme..com", "https://acme.com.", "https://acme.com/a b", "https://acme.com:123456",
                "https://acme.com\"onclick", "javascript:alert(1)", "//acme.com", "https://acme.com:"))
                .noneMatch(Links::isAbsoluteHttp);
    }

    @Test
    void links_allow_mailto_and_images_https_only() {
        assertThat(Links.isLinkAllowed("mailto:bob@relance.dev")).isTrue();
        assertThat(Links.isLinkAllowed("data:text/html,x")).isFalse();
        assertThat(Links.isImageAllowed("https://cdn.acme.com/a.png")).isTrue();
        assertThat(Links.isImageAllowed("http://cdn.acme.com/a.png")).isFalse();
        assertThat(Links.isImageAllowed("data:image/png;base64,xx")).isFalse();
    }

    @Test
    void extracting_removes_markers_and_lists_http_links_in_order() {
        String html = "<a href=\"" + Markers.HREF_OPEN + "https://a.com/?x=1&amp;y=2" + Markers.HREF_CLOSE + "\">a</a>"
                + "<img src=\"" + Markers.SRC_OPEN + "https://i.com/p.png" + Markers.SRC_CLOSE + "\">"
                + "<a href=\"" + Markers.HREF_OPEN + "vbscript:x" + Markers.HREF_CLOSE + "\">b</a>";
        List<String> links = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        assertThat(Links.extract(html, links, refused::add)).isEqualTo(
                "<a href=\"https://a.com/?x=1&amp;y=2\">a</a><img src=\"https://i.com/p.png\"><a href=\"#\">b</a>");
        assertThat(links).containsExactly("https://a.com/?x=1&y=2");
        assertThat(refused).containsExactly("vbscript:x");
    }

    @Test
    void text_to_html_escapes_breaks_lines_and_links_addresses() {
        assertThat(Html.fromText("1 Main St & Co\nUnsubscribe: https://r.dev/u/t?a=1."))
                .isEqualTo("1 Main St &amp; Co<br>\nUnsubscribe: <a href=\"https://r.dev/u/t?a=1\">https://r.dev/u/t?a=1</a>.");
    }
}
