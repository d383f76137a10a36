package dev.relance.engine.mailbox;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One email ready to leave a mailbox, rendered and addressed. The SMTP transport and the copy saved
 * in the Sent folder are built from it alike.
 *
 * <p>Every value that ends up in a header is checked here: a CR or LF (or NUL) would let data from a
 * prospect, a template or an import inject headers, so it is refused with an
 * {@link IllegalArgumentException} before anything is built or sent.
 *
 * @param messageId the Message-ID without angle brackets, as made by {@link MessageIds#newMessageId(String)}
 * @param fromAddress the mailbox's address (a bare address, no display name)
 * @param fromName the From display name, or null; encoded per RFC 2047 when not ASCII
 * @param toAddress the prospect's address (a bare address)
 * @param toName the prospect's display name, or null
 * @param subject the subject as rendered ("Re: ..." for a reply-in-thread step is the caller's choice)
 * @param textBody the text/plain body, always present
 * @param htmlBody the text/html body, or null for a plain-text-only email
 * @param inReplyTo the Message-ID (without brackets) this email answers, or null
 * @param references the thread's Message-IDs (without brackets), oldest first; null means none
 * @param listUnsubscribeUrl an http(s) one-click unsubscribe URL (RFC 8058), or null
 * @param listUnsubscribeMailto a {@code mailto:} URI or a bare address for List-Unsubscribe, or null
 */
public record OutgoingEmail(String messageId, String fromAddress, String fromName, String toAddress, String toName,
        String subject, String textBody, String htmlBody, String inReplyTo, List<String> references,
        String listUnsubscribeUrl, String listUnsubscribeMailto) {

    public OutgoingEmail {
        messageId = messageIdValue("messageId", Objects.requireNonNull(messageId, "messageId"));
        fromAddress = address("fromAddress", Objects.requireNonNull(fromAddress, "fromAddress"));
        fromName = headerText("fromName", fromName);
        toAddress = address("toAddress", Objects.requireNonNull(toAddress, "toAddress"));
        toName = headerText("toName", toName);
        subject = headerText("subject", Objects.requireNonNull(subject, "subject"));
        Objects.requireNonNull(textBody, "textBody");
        inReplyTo = inReplyTo == null ? null : messageIdValue("inReplyTo", inReplyTo);
        references = references == null ? List.of()
                : references.stream().map(id -> messageIdValue("references", id)).toList();
        listUnsubscribeUrl = listUnsubscribeUrl == null ? null : unsubscribeUrl(listUnsubscribeUrl);
        listUnsubscribeMailto = listUnsubscribeMailto == null ? null : unsubscribeMailto(listUnsubscribeMailto);
    }

    /** Whether the email has an HTML alternative (multipart/alternative) or is plain text only. */
    public boolean hasHtml() {
        return htmlBody != null;
    }

    private static String headerText(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(field + " must not contain line breaks: they would inject headers");
        }
        return value;
    }

    private static String asciiToken(String field, String value) {
        headerText(field, value);
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == '<' || c == '>')) {
            throw new IllegalArgumentException(
                    field + " must be printable ASCII without spaces or angle brackets: " + value);
        }
        return value;
    }

    private static String messageIdValue(String field, String id) {
        asciiToken(field, id);
        int at = id.indexOf('@');
        if (at <= 0 || at == id.length() - 1) {
            throw new IllegalArgumentException(field + " must look like left@right, without angle brackets: " + id);
        }
        return id;
    }

    private static String address(String field, String value) {
        headerText(field, value);
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(value)) {
                throw new IllegalArgumentException(field + " must be a bare address, without a display name: " + value);
            }
            return value;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + " is not a valid address: " + e.getMessage(), e);
        }
    }

    private static String unsubscribeUrl(String url) {
        asciiToken("listUnsubscribeUrl", url);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("listUnsubscribeUrl is not a valid URI: " + url, e);
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null) {
            throw new IllegalArgumentException("listUnsubscribeUrl must be an absolute http(s) URL: " + url);
        }
        return url;
    }

    private static String unsubscribeMailto(String value) {
        String uri = value.regionMatches(true, 0, "mailto:", 0, 7) ? value : "mailto:" + value;
        asciiToken("listUnsubscribeMailto", uri);
        return uri;
    }
}
