package dev.relance.engine.support;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption at rest of mailbox passwords.
 *
 * @param key base64 of a 32-byte AES key; set it from the RELANCE_ENCRYPTION_KEY environment
 *     variable in production. Losing it makes the stored mailbox passwords unreadable.
 * @param generatedKeyFile where a development key is generated and kept when {@code key} is empty
 *     (default: secret.key in the data folder)
 */
@ConfigurationProperties("relance.encryption")
public record EncryptionProperties(String key, Path generatedKeyFile) {
}
