package dev.relance.engine.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.enrollment.ProspectSignals;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;

/**
 * What recipients do with an email's links: open it (the pixel), click a link, unsubscribe. Every
 * entry point takes the opaque token from the URL and does nothing at all when it is not intact,
 * not made for that purpose, or names no message.
 */
@Service
public class TrackingService {

    private static final int MAX_USER_AGENT = 512;

    private final TrackingLinks links;
    private final TrackedMessages messages;
    private final EventLog events;
    private final ProspectSignals signals;
    private final Clock clock;
    private final Duration machineWindow;

    TrackingService(TrackingLinks links, TrackedMessages messages, EventLog events, ProspectSignals signals, Clock clock,
            TrackingProperties properties) {
        this.links = links;
        this.messages = messages;
        this.events = events;
        this.signals = signals;
        this.clock = clock;
        this.machineWindow = properties.machineWindow();
    }

    /**
     * Records an OPENED event for the pixel of this token's message.
     *
     * @return false (and nothing recorded) when the token is bad or its message was not sent
     */
    @Transactional
    public boolean opened(String token, TrackingHit hit) {
        Optional<TrackedMessages.Tracked> message = links.verify(token, TokenPurpose.OPEN)
                .flatMap(target -> messages.delivered(target.enrollmentId(), target.stepId()));
        if (message.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        List<String> reasons = MachineEngagement.reasons(hit.head(), hit.userAgent(), message.get().sentAt(), now,
                machineWindow, false);
        events.appendForMessage(EventType.OPENED, message.get().id(), now, !reasons.isEmpty(),
                data(hit, reasons, null, -1));
        return true;
    }

    /**
     * The URL a click token stands for, exactly as recorded in its message's HTML, and a CLICKED event.
     *
     * @return empty (and nothing recorded) when the token is bad, its message was not sent, or the
     *     link at its position is missing or not a safe redirect target
     */
    @Transactional
    public Optional<String> clicked(String token, TrackingHit hit) {
        Optional<LinkTarget> target = links.verify(token, TokenPurpose.CLICK);
        Optional<TrackedMessages.Tracked> message = target
                .flatMap(t -> messages.delivered(t.enrollmentId(), t.stepId()));
        if (message.isEmpty()) {
            return Optional.empty();
        }
        int index = target.get().linkIndex();
        List<TrackedHtml.Href> hrefs = TrackedHtml.hrefs(message.get().bodyHtml());
        String url = index < hrefs.size() ? hrefs.get(index).url() : null;
        if (url == null || !links.isTrackable(url)) {
            return Optional.empty();
        }
        long messageId = message.get().id();
        messages.lockClicks(messageId);
        Instant now = clock.instant();
        boolean burst = messages.otherLinkClicked(messageId, index, now.minus(MachineEngagement.CLICK_BURST), now);
        List<String> reasons = MachineEngagement.reasons(hit.head(), hit.userAgent(), message.get().sentAt(), now,
                machineWindow, burst);
        events.appendForMessage(EventType.CLICKED, messageId, now, !reasons.isEmpty(), data(hit, reasons, url, index));
        return Optional.of(url);
    }

    /** Whether this token may unsubscribe someone: the page that asks for confirmation shows only then. */
    public boolean canUnsubscribe(String token) {
        return links.verify(token, TokenPurpose.UNSUBSCRIBE)
                .flatMap(target -> messages.recipient(target.enrollmentId(), target.stepId())).isPresent();
    }

    /**
     * Unsubscribes the recipient of this token's email: suppresses the address, ends their live
     * enrollments and logs it once. Repeating it changes nothing.
     *
     * @param oneClick whether a mail client asked (RFC 8058 {@code List-Unsubscribe=One-Click}) rather
     *     than a person on the confirmation page
     * @return false (and nothing done) when the token is bad or names no enrollment
     */
    public boolean unsubscribe(String token, boolean oneClick) {
        Optional<TrackedMessages.Recipient> recipient = links.verify(token, TokenPurpose.UNSUBSCRIBE)
                .flatMap(target -> messages.recipient(target.enrollmentId(), target.stepId()));
        recipient.ifPresent(r -> signals.unsubscribed(r.prospectId(), r.email(), r.messageId(),
                oneClick ? "one-click unsubscribe" : "unsubscribe link"));
        return recipient.isPresent();
    }

    private static Map<String, Object> data(TrackingHit hit, List<String> reasons, String url, int index) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (url != null) {
            data.put("url", url);
            data.put("link", index);
        }
        data.put("method", hit.head() ? "HEAD" : "GET");
        String agent = hit.userAgent() == null ? "" : hit.userAgent();
        data.put("userAgent", agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
        if (!reasons.isEmpty()) {
            data.put("machineReasons", reasons);
        }
        return data;
    }
}
