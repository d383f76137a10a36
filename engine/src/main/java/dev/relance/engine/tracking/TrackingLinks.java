package dev.relance.engine.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.relance.engine.support.SecretCipher;

/**
 * Opaque signed tokens for the links in an email. A token names the enrollment step its email
 * belongs to (stable across retries, and known before the email is rendered) and carries an HMAC,
 * so it cannot be guessed or altered; its text is not a database id a visitor could change.
 */
@Component
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String publicUrl;

    public TrackingLinks(SecretCipher cipher, TrackingProperties properties) {
        this.key = new SecretKeySpec(cipher.derivedKey("relance-tracking-links"), "HmacSHA256");
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    /** The one-click unsubscribe URL (RFC 8058) of the email of this enrollment step. */
    public String unsubscribeUrl(long enrollmentId, long stepId) {
        return publicUrl + "/u/" + token(target(enrollmentId, stepId));
    }

    /** A mailto: unsubscribe address for List-Unsubscribe: a reply to the sender with a subject that says so. */
    public String unsubscribeMailto(String mailboxAddress, long enrollmentId, long stepId) {
        return "mailto:" + mailboxAddress + "?subject=unsubscribe%20" + token(target(enrollmentId, stepId));
    }

    /** The enrollment step a token was made for, when its signature holds. */
    public Optional<LinkTarget> verify(String token) {
        return verifiedText(token).flatMap(LinkTarget::parse);
    }

    private static String target(long enrollmentId, long stepId) {
        return new LinkTarget(enrollmentId, stepId).text();
    }

    private Optional<String> verifiedText(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, sign(text)) ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String token(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(text));
    }

    private byte[] sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tracking link", e);
        }
    }
}
