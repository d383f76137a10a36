package dev.relance.engine.imports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of CSV imports.
 *
 * @param directory where uploaded files are kept while (and after) they are imported; default
 *     {@code ${relance.data-dir}/imports}, or a folder under the system temp folder when unset
 * @param maxUploadSize largest file accepted by {@code POST /api/v1/imports} (default 2GB); larger
 *     uploads get a 413 problem and nothing is written
 * @param chunkSize rows written per transaction (default 5000); a restarted import resumes after the
 *     last committed chunk
 */
@ConfigurationProperties("relance.imports")
public record ImportProperties(Path directory, @DefaultValue("2GB") DataSize maxUploadSize,
        @DefaultValue("5000") int chunkSize) {

    public ImportProperties {
        if (directory == null) {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "relance-imports");
        }
    }
}
