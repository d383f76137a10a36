package dev.relance.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void a_secret_round_trips_and_two_encryptions_differ() {
        SecretCipher cipher = new SecretCipher(new EncryptionProperties(KEY, null));
        byte[] once = cipher.encrypt("smtp password");
        byte[] twice = cipher.encrypt("smtp password");
        assertThat(once).isNotEqualTo(twice);
        assertThat(cipher.decrypt(once)).isEqualTo("smtp password");
    }

    @Test
    void a_tampered_value_or_another_key_fails_instead_of_yielding_garbage() {
        byte[] sealed = new SecretCipher(new EncryptionProperties(KEY, null)).encrypt("secret");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(new EncryptionProperties(KEY, null)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] intact = new SecretCipher(new EncryptionProperties(KEY, null)).encrypt("secret");
        String otherKey = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
        assertThatThrownBy(() -> new SecretCipher(new EncryptionProperties(otherKey, null)).decrypt(intact))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void without_a_key_a_development_key_is_generated_once_and_reused(@TempDir Path folder) throws Exception {
        Path keyFile = folder.resolve("data/secret.key");
        byte[] sealed = new SecretCipher(new EncryptionProperties(null, keyFile)).encrypt("kept across restarts");
        assertThat(Files.exists(keyFile)).isTrue();
        assertThat(new SecretCipher(new EncryptionProperties("", keyFile)).decrypt(sealed)).isEqualTo("kept across restarts");
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_at_startup() {
        assertThatThrownBy(() -> new SecretCipher(new EncryptionProperties("c2hvcnQ=", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
