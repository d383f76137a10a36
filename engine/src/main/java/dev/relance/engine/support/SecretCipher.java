package dev.relance.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for secrets stored in the database (mailbox passwords). Each value carries its own
 * random 96-bit nonce; a tampered value fails to decrypt instead of yielding garbage.
 */
@Component
@EnableConfigurationProperties(EncryptionProperties.class)
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(EncryptionProperties properties) {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
    }

    public byte[] encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /**
     * A key for another purpose (signing tracking links...), derived from the encryption key with
     * HMAC-SHA256 so that one secret serves both and neither reveals the other.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a key", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong relance.encryption.key?", e);
        }
    }

    private static byte[] loadKey(EncryptionProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return checkedLength(Base64.getDecoder().decode(properties.key().trim()));
        }
        Path file = properties.generatedKeyFile();
        if (file == null) {
            throw new IllegalStateException("set relance.encryption.key (RELANCE_ENCRYPTION_KEY) or relance.encryption.generated-key-file");
        }
        try {
            if (Files.exists(file)) {
                return checkedLength(Base64.getDecoder().decode(Files.readString(file).trim()));
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            restrictToOwner(file);
            log.warn("No relance.encryption.key set: generated a development key in {}. Set RELANCE_ENCRYPTION_KEY in production.", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("file system without POSIX permissions; {} keeps its default permissions", file);
        }
    }

    private static byte[] checkedLength(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("relance.encryption.key must be base64 of 32 bytes, got " + key.length);
        }
        return key;
    }
}
