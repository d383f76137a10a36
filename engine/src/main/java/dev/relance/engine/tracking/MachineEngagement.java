package dev.relance.engine.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells opens and clicks made by machines (image proxies, link scanners, prefetchers) from those
 * made by people, with the reasons. Machine hits are stored like the others, flagged, so reports can
 * leave them out of human rates; nothing is dropped.
 */
final class MachineEngagement {

    /** Different links of one message clicked this close together: a scanner following every link. */
    static final Duration CLICK_BURST = Duration.ofSeconds(1);

    static final String HEAD_REQUEST = "head-request";
    static final String EMPTY_USER_AGENT = "empty-user-agent";
    static final String SOON_AFTER_SEND = "soon-after-send";
    static final String CLICK_BURST_REASON = "several-links-within-1s";

    private record Agent(String name, Pattern pattern) {
    }

    private static final String APPLE_MAIL_FROZEN_UA =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

    private static final List<Agent> AGENTS = List.of(
            agent("google-image-proxy", "googleimageproxy|ggpht\\.com"),
            agent("yahoo-mail-proxy", "yahoomailproxy"),
            // Mail Privacy Protection fetches every image through Apple's proxies when the email
            // arrives, as a bare "Mozilla/5.0" or with Mail's frozen macOS user agent (no browser token).
            agent("apple-mail-privacy-protection", "^mozilla/5\\.0$|^" + Pattern.quote(APPLE_MAIL_FROZEN_UA.toLowerCase(Locale.ROOT)) + "$"),
            agent("microsoft-safe-links", "safelinks|microsoft defender|defender for office|atp scanner|bingpreview"),
            agent("proofpoint", "proofpoint|ppops"),
            agent("mimecast", "mimecast"),
            agent("barracuda", "barracuda"),
            agent("symantec", "symantec|messagelabs|broadcom"),
            agent("trend-micro", "trend ?micro|trendmicro"),
            agent("cisco-ironport", "ironport"),
            agent("forcepoint", "forcepoint|websense"),
            agent("sophos", "sophos"),
            agent("http-library", "^curl/|^wget/|python-requests|python-urllib|^python/|aiohttp|httpx|go-http-client"
                    + "|^java/|java-http-client|okhttp|apache-httpclient|libwww-perl|^axios/|node-fetch|^undici|^ruby|^php"),
            agent("headless-browser", "headlesschrome|phantomjs|puppeteer|playwright|selenium"),
            agent("bot", "(^|[^a-z])bot([^a-z]|$)|[a-z]bot[-_/;)]|crawl|spider|slurp|preview|scanner|scan/"));

    private MachineEngagement() {
    }

    private static Agent agent(String name, String regex) {
        return new Agent(name, Pattern.compile(regex));
    }

    /**
     * Why this open or click looks made by a machine; empty when it looks human.
     *
     * @param head whether the request was a HEAD (browsers following a link or loading an image use GET)
     * @param sentAt when the email was sent, or null when unknown
     * @param window hits this soon after the send are machine (scanners run on delivery)
     * @param otherLinkJustClicked whether another link of the same message was clicked within {@link #CLICK_BURST}
     */
    static List<String> reasons(boolean head, String userAgent, Instant sentAt, Instant at, Duration window,
            boolean otherLinkJustClicked) {
        List<String> reasons = new ArrayList<>(2);
        if (head) {
            reasons.add(HEAD_REQUEST);
        }
        String agent = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
        if (agent.isEmpty()) {
            reasons.add(EMPTY_USER_AGENT);
        }
        for (Agent known : AGENTS) {
            if (!agent.isEmpty() && known.pattern().matcher(agent).find()) {
                reasons.add("user-agent:" + known.name());
                break;
            }
        }
        if (sentAt != null && window != null && !window.isZero() && at.isBefore(sentAt.plus(window))) {
            reasons.add(SOON_AFTER_SEND);
        }
        if (otherLinkJustClicked) {
            reasons.add(CLICK_BURST_REASON);
        }
        return reasons;
    }
}
