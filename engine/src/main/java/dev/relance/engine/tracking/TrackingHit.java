package dev.relance.engine.tracking;

/**
 * What the tracking endpoints know of a request, to judge whether a person or a machine made it.
 *
 * @param head whether it was a HEAD request
 * @param userAgent its User-Agent header, or null
 */
public record TrackingHit(boolean head, String userAgent) {
}
