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
 * The links of an email that lead back to Relance, with opaque tokens. A token seals (purpose,
 * enrollment, step[, link position]) with a key derived from the encryption key ({@link TokenCipher}):
 * it reveals no id, cannot be altered or made up, is refused for another purpose, and is the same
 * on every render and retry of the email, since the enrollment step is known before the message is.
 */
@Component
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingLinks {

    private final TokenCipher cipher;
    private final SecretKeySpec legacyKey;
    private final String publicUrl;

    public TrackingLinks(SecretCipher secrets, TrackingProperties properties) {
        this.cipher = new TokenCipher(secrets.derivedKey("relance-tracking-token-mac"),
                secrets.derivedKey("relance-tracking-token-aes"));
        this.legacyKey = new SecretKeySpec(secrets.derivedKey("relance-tracking-links"), "HmacSHA256");
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    /** The one-click unsubscribe URL (RFC 8058) of the email of this enrollment step. */
    public String unsubscribeUrl(long enrollmentId, long stepId) {
        return publicUrl + "/u/" + token(LinkTarget.unsubscribe(enrollmentId, stepId));
    }

    /** A mailto: unsubscribe address for List-Unsubscribe: a reply to the sender with a subject that says so. */
    public String unsubscribeMailto(String mailboxAddress, long enrollmentId, long stepId) {
        return "mailto:" + mailboxAddress + "?subject=unsubscribe%20" + token(LinkTarget.unsubscribe(enrollmentId, stepId));
    }

    /** The open pixel's URL for the email of this enrollment step. */
    public String openPixelUrl(long enrollmentId, long stepId) {
        return publicUrl + "/o/" + token(new LinkTarget(TokenPurpose.OPEN, enrollmentId, stepId, -1)) + ".gif";
    }

    /** The click URL standing for the link at {@code linkIndex} of the recorded HTML of this enrollment step's email. */
    public String clickUrl(long enrollmentId, long stepId, int linkIndex) {
        return publicUrl + "/c/" + token(new LinkTarget(TokenPurpose.CLICK, enrollmentId, stepId, linkIndex));
    }

    /**
     * The HTML to send for a recorded body: with {@code clicks}, each http(s) link (but the
     * unsubscribe link, mailto: and anchors) replaced by its click URL; with {@code opens}, an open
     * pixel. A deterministic function of its arguments, so a retry sends the same bytes.
     */
    public String trackedHtml(String recordedHtml, long enrollmentId, long stepId, boolean opens, boolean clicks) {
        return TrackedHtml.rewrite(recordedHtml, this::isTrackable,
                clicks ? index -> clickUrl(enrollmentId, stepId, index) : null,
                opens ? openPixelUrl(enrollmentId, stepId) : null);
    }

    /** The target a token was made for, when it is intact and made for this purpose. */
    public Optional<LinkTarget> verify(String token, TokenPurpose purpose) {
        Optional<LinkTarget> target = cipher.open(token).flatMap(LinkTarget::parse);
        if (target.isEmpty() && purpose == TokenPurpose.UNSUBSCRIBE) {
            target = legacyUnsubscribe(token);
        }
        return target.filter(t -> t.purpose() == purpose);
    }

    /** A link that click tracking rewrites: a redirect target that is not this Relance's unsubscribe link. */
    boolean isTrackable(String url) {
        return TrackedHtml.isRedirectTarget(url) && !url.startsWith(publicUrl + "/u/");
    }

    String token(LinkTarget target) {
        return cipher.seal(target.bytes());
    }

    /**
     * Unsubscribe links of emails sent before tokens were encrypted ({@code base64("e<id>s<id>")} and
     * an HMAC): the law wants them to keep working, so they still unsubscribe, and nothing else.
     */
    private Optional<LinkTarget> legacyUnsubscribe(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0 || token.length() > 200) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            String text = new String(decoder.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = decoder.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, legacySignature(text))) {
                return Optional.empty();
            }
            int s = text.indexOf('s');
            if (!text.startsWith("e") || s < 2) {
                return Optional.empty();
            }
            return Optional.of(LinkTarget.unsubscribe(Long.parseLong(text.substring(1, s)),
                    Long.parseLong(text.substring(s + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] legacySignature(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(legacyKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot check a tracking link", e);
        }
    }
}
