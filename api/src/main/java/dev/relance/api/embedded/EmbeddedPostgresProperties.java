package dev.relance.api.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where its data lives across restarts (default: postgres in the data folder)
 * @param port its TCP port on localhost (default 54329; 0 picks a free one)
 */
@ConfigurationProperties("relance.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, @DefaultValue("54329") int port) {
}
