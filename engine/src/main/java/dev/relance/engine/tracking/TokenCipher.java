package dev.relance.engine.tracking;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic authenticated encryption of short link targets, in the SIV construction (RFC 5297's
 * idea with HMAC-SHA256 as the PRF): the synthetic IV is an HMAC of the plaintext, which both
 * authenticates it and serves as the AES-256-CTR counter block. The same target always gives the
 * same token, so a retried email carries the same bytes, and equal IVs only ever come from equal
 * plaintexts, so determinism leaks nothing but equality. A token is base64url (no padding) of
 * IV (16 bytes) followed by the ciphertext: about 30 characters.
 */
final class TokenCipher {

    private static final int IV_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 64;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Mac macPrototype;
    private final SecretKeySpec encryptionKey;

    TokenCipher(byte[] macKey, byte[] encryptionKey) {
        this.macPrototype = initialisedMac(new SecretKeySpec(macKey, "HmacSHA256"));
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
    }

    // Looking a Mac up and keying it costs more than the HMAC itself: every token clones a keyed one.
    private static Mac initialisedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign tracking tokens", e);
        }
    }

    String seal(byte[] plaintext) {
        byte[] iv = syntheticIv(plaintext);
        byte[] sealed = Arrays.copyOf(iv, IV_BYTES + plaintext.length);
        System.arraycopy(ctr(iv, plaintext), 0, sealed, IV_BYTES, plaintext.length);
        return ENCODER.encodeToString(sealed);
    }

    /** The plaintext of a token this cipher sealed; empty for anything else, altered or not base64url. */
    Optional<byte[]> open(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // The decoder ignores the unused low bits of the last character: insist on the one spelling
        // we write, so that an altered token is never accepted, even when it would decode the same.
        if (sealed.length <= IV_BYTES || !ENCODER.encodeToString(sealed).equals(token)) {
            return Optional.empty();
        }
        byte[] iv = Arrays.copyOf(sealed, IV_BYTES);
        byte[] plaintext = ctr(iv, Arrays.copyOfRange(sealed, IV_BYTES, sealed.length));
        return MessageDigest.isEqual(iv, syntheticIv(plaintext)) ? Optional.of(plaintext) : Optional.empty();
    }

    private byte[] syntheticIv(byte[] plaintext) {
        try {
            Mac mac = (Mac) macPrototype.clone();
            return Arrays.copyOf(mac.doFinal(plaintext), IV_BYTES);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("cannot sign a tracking token", e);
        }
    }

    private byte[] ctr(byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a tracking token", e);
        }
    }
}
