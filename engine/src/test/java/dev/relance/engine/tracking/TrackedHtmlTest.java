package dev.relance.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrackedHtmlTest {

    private static List<String> urls(String html) {
        return TrackedHtml.hrefs(html).stream().map(TrackedHtml.Href::url).toList();
    }

    @Test
    void every_href_of_a_and_area_tags_is_found_in_order_with_references_decoded() {
        String html = """
                <!DOCTYPE html><html><body>
                <!-- <a href="https://comment.example">not a link</a> -->
                <p>1 < 2 and <A HREF='https://b.example/?q=1&amp;r=&#50;'>b</A></p>
                <a title="x > y" href = https://c.example/c>c</a>
                <img src="https://img.example/i.png" href="https://not-a-link.example">
                <map><area shape="rect" href="https://d.example"></map>
                <a href="https://e.example" href="https://second.example">e</a>
                <a name="anchor">no href</a><a href="mailto:x@y.example">mail</a>
                </body></html>
                """;
        assertThat(urls(html)).containsExactly("https://b.example/?q=1&r=2", "https://c.example/c",
                "https://d.example", "https://e.example", "mailto:x@y.example");
        assertThat(TrackedHtml.hrefs(html)).extracting(TrackedHtml.Href::index).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void an_href_with_a_reference_the_scanner_does_not_decode_is_never_tracked() {
        assertThat(urls("<a href=\"https://x.example/?a=1&copy;\">x</a>")).containsExactly((String) null);
        String html = "<a href=\"https://x.example/?a=1&copy;\">x</a>";
        assertThat(TrackedHtml.rewrite(html, url -> true, i -> "https://t.example/c/" + i, null)).isEqualTo(html);
    }

    @Test
    void links_are_rewritten_in_place_and_the_pixel_goes_before_the_body_end() {
        String html = "<html><body><a href=\"https://a.example\">a</a><a href='#x'>x</a>"
                + "<a href=https://b.example>b</a></BODY></html>";
        String tracked = TrackedHtml.rewrite(html, TrackedHtml::isRedirectTarget, i -> "https://t.example/c/" + i,
                "https://t.example/o/p.gif");
        assertThat(tracked).isEqualTo("<html><body><a href=\"https://t.example/c/0\">a</a><a href='#x'>x</a>"
                + "<a href=https://t.example/c/2>b</a><img src=\"https://t.example/o/p.gif\" width=\"1\" height=\"1\" "
                + "alt=\"\" style=\"display:block;width:1px;height:1px;border:0\"></BODY></html>");
    }

    @Test
    void the_pixel_lands_before_the_body_end_whatever_text_precedes_it() {
        assertThat(TrackedHtml.rewrite("<p>İstanbul İİ</p></body>", url -> true, null, "https://t.example/o/p.gif"))
                .startsWith("<p>İstanbul İİ</p><img src=").endsWith("></body>");
        assertThat(TrackedHtml.rewrite("<p>no body end</p>", url -> true, null, "https://t.example/o/p.gif"))
                .startsWith("<p>no body end</p><img src=");
    }

    @Test
    void only_absolute_http_urls_with_a_host_and_no_user_are_redirect_targets() {
        assertThat(TrackedHtml.isRedirectTarget("https://example.com")).isTrue();
        assertThat(TrackedHtml.isRedirectTarget("http://example.com:8080/a?b=c#d")).isTrue();
        assertThat(TrackedHtml.isRedirectTarget("HTTPS://Example.com/path")).isTrue();
        for (String refused : new String[] {"//evil.example", "https://user@evil.example", "https://u:p@evil.example/",
                "https://good.example@evil.example", "javascript:alert(1)", "mailto:x@y.example", "#top", "/relative",
                "https:/evil.example", "https:evil.example", "https://", "https:///path", "ftp://x.example",
                "https://evil.example\\@good.example", "https://ex ample.com", "https://exämple.com", "data:text/html,x",
                " https://example.com", "https://example.com\n", "", null}) {
            assertThat(TrackedHtml.isRedirectTarget(refused)).as(String.valueOf(refused)).isFalse();
        }
    }
}
