package dev.relance.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.relance.engine.support.EncryptionProperties;
import dev.relance.engine.support.SecretCipher;

class TrackingLinksTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String OTHER_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    private final TrackingLinks links = links(KEY);

    private static TrackingLinks links(String key) {
        return new TrackingLinks(new SecretCipher(new EncryptionProperties(key, null)),
                new TrackingProperties("https://t.example/", Duration.ofSeconds(5)));
    }

    private static String tokenOf(String url, String prefix) {
        return url.substring(url.indexOf(prefix) + prefix.length()).replace(".gif", "");
    }

    @Test
    void a_token_names_its_purpose_and_target_and_is_the_same_on_every_render() {
        String url = links.clickUrl(12345, 678, 3);
        assertThat(url).startsWith("https://t.example/c/").isEqualTo(links.clickUrl(12345, 678, 3));
        String token = tokenOf(url, "/c/");
        assertThat(token).matches("[A-Za-z0-9_-]{20,40}");
        assertThat(links.verify(token, TokenPurpose.CLICK))
                .contains(new LinkTarget(TokenPurpose.CLICK, 12345, 678, 3));
        assertThat(links.openPixelUrl(7, 8)).startsWith("https://t.example/o/").endsWith(".gif");
        assertThat(links.verify(tokenOf(links.openPixelUrl(7, 8), "/o/"), TokenPurpose.OPEN))
                .contains(new LinkTarget(TokenPurpose.OPEN, 7, 8, -1));
        assertThat(links.verify(tokenOf(links.unsubscribeUrl(Long.MAX_VALUE, 0), "/u/"), TokenPurpose.UNSUBSCRIBE))
                .contains(new LinkTarget(TokenPurpose.UNSUBSCRIBE, Long.MAX_VALUE, 0, -1));
    }

    @Test
    void a_token_reveals_no_id() {
        String token = tokenOf(links.unsubscribeUrl(1, 2), "/u/");
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("e1s2");
        assertThat(tokenOf(links.clickUrl(1, 2, 0), "/c/")).isNotEqualTo(tokenOf(links.clickUrl(1, 2, 1), "/c/"));
    }

    @Test
    void a_token_of_one_purpose_is_refused_for_another() {
        String open = tokenOf(links.openPixelUrl(1, 2), "/o/");
        String unsubscribe = tokenOf(links.unsubscribeUrl(1, 2), "/u/");
        String click = tokenOf(links.clickUrl(1, 2, 0), "/c/");
        assertThat(links.verify(open, TokenPurpose.UNSUBSCRIBE)).isEmpty();
        assertThat(links.verify(open, TokenPurpose.CLICK)).isEmpty();
        assertThat(links.verify(unsubscribe, TokenPurpose.OPEN)).isEmpty();
        assertThat(links.verify(click, TokenPurpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void every_altered_character_and_every_truncation_is_refused() {
        String token = tokenOf(links.clickUrl(42, 43, 2), "/c/");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != token.charAt(i)) {
                    String altered = token.substring(0, i) + c + token.substring(i + 1);
                    assertThat(links.verify(altered, TokenPurpose.CLICK)).as(altered).isEmpty();
                }
            }
            assertThat(links.verify(token.substring(0, i), TokenPurpose.CLICK)).isEmpty();
        }
        assertThat(links.verify(token + "A", TokenPurpose.CLICK)).isEmpty();
    }

    @Test
    void garbage_and_another_keys_tokens_are_refused() {
        for (String garbage : new String[] {null, "", "x", "....", "%00", "a".repeat(10_000), "ZTFzMg.c2ln"}) {
            for (TokenPurpose purpose : TokenPurpose.values()) {
                assertThat(links.verify(garbage, purpose)).isEmpty();
            }
        }
        String foreign = tokenOf(links(OTHER_KEY).unsubscribeUrl(1, 2), "/u/");
        assertThat(links.verify(foreign, TokenPurpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void unsubscribe_links_of_emails_sent_before_encrypted_tokens_still_work_for_unsubscribing_only() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new SecretCipher(new EncryptionProperties(KEY, null))
                .derivedKey("relance-tracking-links"), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String legacy = b64.encodeToString("e5s6".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(mac.doFinal("e5s6".getBytes(StandardCharsets.UTF_8)));

        assertThat(links.verify(legacy, TokenPurpose.UNSUBSCRIBE)).contains(LinkTarget.unsubscribe(5, 6));
        assertThat(links.verify(legacy, TokenPurpose.OPEN)).isEmpty();
        String otherStep = b64.encodeToString("e5s7".getBytes(StandardCharsets.UTF_8)) + legacy.substring(legacy.indexOf('.'));
        assertThat(links.verify(otherStep, TokenPurpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void tracked_html_rewrites_trackable_links_and_adds_the_pixel_deterministically() {
        String html = "<p><a href=\"https://a.example/x?y=1&amp;z=2\">A</a> <a href=\"mailto:s@x.example\">m</a>"
                + " <a href=\"#top\">t</a> <a href=\"https://t.example/u/abc\">unsubscribe</a></p>";
        String tracked = links.trackedHtml(html, 1, 2, true, true);
        assertThat(tracked).isEqualTo(links.trackedHtml(html, 1, 2, true, true));
        assertThat(tracked).contains("href=\"" + links.clickUrl(1, 2, 0) + "\"")
                .contains("href=\"mailto:s@x.example\"", "href=\"#top\"", "href=\"https://t.example/u/abc\"")
                .doesNotContain("a.example").endsWith("<img src=\"" + links.openPixelUrl(1, 2)
                        + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">");
        assertThat(links.trackedHtml(html, 1, 2, false, false)).isEqualTo(html);
        assertThat(links.trackedHtml(null, 1, 2, true, true)).isNull();
    }
}
