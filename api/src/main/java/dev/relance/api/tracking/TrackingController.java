package dev.relance.api.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.engine.tracking.TrackingHit;
import dev.relance.engine.tracking.TrackingService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The public URLs of an email: the open pixel, tracked links, and the unsubscribe page with its
 * one-click POST (RFC 8058). No login and no cookie; the opaque token in the path is the only
 * input that matters: a redirect goes to the link recorded in the message, never to a URL the
 * request names. A bad token answers 404 and records nothing.
 */
@Hidden
@RestController
class TrackingController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL = {
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21, (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    private static final String ONE_CLICK = "One-Click";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final TrackingService tracking;

    TrackingController(TrackingService tracking) {
        this.tracking = tracking;
    }

    /** The open pixel; HEAD is served too (and counted as a machine's). */
    @GetMapping("/o/{token}.gif")
    ResponseEntity<byte[]> open(@PathVariable String token, HttpMethod method,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (!tracking.opened(token, new TrackingHit(method == HttpMethod.HEAD, userAgent))) {
            return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    /** A tracked link: 302 to the URL recorded at the token's position in the message's HTML. */
    @GetMapping("/c/{token}")
    ResponseEntity<String> click(@PathVariable String token, HttpMethod method,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent, Locale locale) {
        Optional<String> url = tracking.clicked(token, new TrackingHit(method == HttpMethod.HEAD, userAgent));
        if (url.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, TrackingPages.invalid(locale));
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url.get())
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
    }

    /** Asks for confirmation: link scanners fetch every URL of an email, so GET never unsubscribes. */
    @GetMapping("/u/{token}")
    ResponseEntity<String> confirm(@PathVariable String token, Locale locale) {
        return tracking.canUnsubscribe(token) ? page(HttpStatus.OK, TrackingPages.confirm(locale))
                : page(HttpStatus.NOT_FOUND, TrackingPages.invalid(locale));
    }

    /**
     * Unsubscribes: from the confirmation page's form, or a mail client's one-click POST
     * ({@code List-Unsubscribe=One-Click}, form-urlencoded or multipart). Repeating it is harmless.
     */
    @PostMapping("/u/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe, Locale locale) {
        boolean done = tracking.unsubscribe(token, ONE_CLICK.equals(listUnsubscribe));
        return done ? page(HttpStatus.OK, TrackingPages.unsubscribed(locale))
                : page(HttpStatus.NOT_FOUND, TrackingPages.invalid(locale));
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", PAGE_POLICY).header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").body(html);
    }
}
