package dev.relance.api;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Relance keeps its local files.
 *
 * @param dataDir folder of the embedded database and the generated development key (default
 *     ~/.relance, or RELANCE_DATA_DIR)
 */
@ConfigurationProperties("relance")
public record RelanceProperties(Path dataDir) {
}
