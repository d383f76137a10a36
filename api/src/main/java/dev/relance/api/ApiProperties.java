package dev.relance.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP API.
 *
 * @param maxRequestSize largest JSON body accepted (default 1MB); larger ones get a 413 problem
 */
@ConfigurationProperties("relance.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
