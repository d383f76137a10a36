package dev.relance.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MachineEngagementTest {

    private static final Instant SENT = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant LATER = SENT.plus(Duration.ofHours(2));
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static List<String> reasons(String userAgent) {
        return MachineEngagement.reasons(false, userAgent, SENT, LATER, WINDOW, false);
    }

    @Test
    void a_browser_get_hours_after_the_send_is_a_person() {
        assertThat(reasons(FIREFOX)).isEmpty();
        assertThat(reasons("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.5 Mobile/15E148 Safari/604.1")).isEmpty();
        assertThat(reasons("Mozilla/4.0 (compatible; ms-office; MSOffice 16)")).isEmpty();
    }

    @Test
    void a_head_request_is_a_machine() {
        assertThat(MachineEngagement.reasons(true, FIREFOX, SENT, LATER, WINDOW, false)).containsExactly("head-request");
    }

    @Test
    void proxies_scanners_and_http_libraries_are_machines() {
        assertThat(reasons("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"))
                .containsExactly("user-agent:google-image-proxy");
        assertThat(reasons("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"))
                .containsExactly("user-agent:yahoo-mail-proxy");
        assertThat(reasons("Mozilla/5.0")).containsExactly("user-agent:apple-mail-privacy-protection");
        assertThat(reasons("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"))
                .containsExactly("user-agent:apple-mail-privacy-protection");
        assertThat(reasons("Microsoft Office SafeLinks")).containsExactly("user-agent:microsoft-safe-links");
        assertThat(reasons("Mozilla/5.0 (compatible; Proofpoint URL Defense)")).containsExactly("user-agent:proofpoint");
        assertThat(reasons("Mimecast Link Scanner")).containsExactly("user-agent:mimecast");
        assertThat(reasons("Barracuda Sentinel (EE)")).containsExactly("user-agent:barracuda");
        assertThat(reasons("Symantec Email Security")).containsExactly("user-agent:symantec");
        assertThat(reasons("Trend Micro Web Reputation")).containsExactly("user-agent:trend-micro");
        assertThat(reasons("curl/8.5.0")).containsExactly("user-agent:http-library");
        assertThat(reasons("Wget/1.21")).containsExactly("user-agent:http-library");
        assertThat(reasons("python-requests/2.31.0")).containsExactly("user-agent:http-library");
        assertThat(reasons("Go-http-client/1.1")).containsExactly("user-agent:http-library");
        assertThat(reasons("Java-http-client/21.0.2")).containsExactly("user-agent:http-library");
        assertThat(reasons("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .containsExactly("user-agent:bot");
        assertThat(reasons("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")).containsExactly("user-agent:bot");
        assertThat(reasons("SomeCrawler/1.0")).containsExactly("user-agent:bot");
        assertThat(reasons("LinkPreview/2.0")).containsExactly("user-agent:bot");
    }

    @Test
    void no_user_agent_is_a_machine() {
        assertThat(reasons(null)).containsExactly("empty-user-agent");
        assertThat(reasons("  ")).containsExactly("empty-user-agent");
    }

    @Test
    void a_hit_within_the_window_after_the_send_is_a_machine_and_the_window_can_be_turned_off() {
        assertThat(MachineEngagement.reasons(false, FIREFOX, SENT, SENT.plusSeconds(4), WINDOW, false))
                .containsExactly("soon-after-send");
        assertThat(MachineEngagement.reasons(false, FIREFOX, SENT, SENT.plusSeconds(5), WINDOW, false)).isEmpty();
        assertThat(MachineEngagement.reasons(false, FIREFOX, SENT, SENT.plusSeconds(1), Duration.ZERO, false)).isEmpty();
        assertThat(MachineEngagement.reasons(false, FIREFOX, null, SENT, WINDOW, false)).isEmpty();
    }

    @Test
    void another_link_just_clicked_is_a_machine_and_reasons_add_up() {
        assertThat(MachineEngagement.reasons(false, FIREFOX, SENT, LATER, WINDOW, true))
                .containsExactly("several-links-within-1s");
        assertThat(MachineEngagement.reasons(true, "curl/8", SENT, SENT, WINDOW, true)).containsExactly("head-request",
                "user-agent:http-library", "soon-after-send", "several-links-within-1s");
    }
}
