package dev.relance.engine.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links that recipients follow back to Relance, and how opens and clicks are judged.
 *
 * @param publicUrl the address of this Relance as recipients reach it (default http://localhost:8080);
 *     unsubscribe, click and open-pixel links start with it, so set it to your public https URL in production
 * @param machineWindow an open or click this soon after its email was sent is counted as a machine's
 *     (security scanners and image proxies fetch on delivery; people rarely act within seconds);
 *     default 5s, 0s turns this rule off
 */
@ConfigurationProperties("relance.tracking")
public record TrackingProperties(@DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("5s") Duration machineWindow) {
}
