package dev.relance.engine.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links that recipients follow back to Relance.
 *
 * @param publicUrl the address of this Relance as recipients reach it (default http://localhost:8080);
 *     unsubscribe and tracking links start with it, so set it to your public https URL in production
 */
@ConfigurationProperties("relance.tracking")
public record TrackingProperties(@DefaultValue("http://localhost:8080") String publicUrl) {
}
