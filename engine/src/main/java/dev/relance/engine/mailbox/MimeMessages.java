package dev.relance.engine.mailbox;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * Builds the MIME message of an {@link OutgoingEmail}. The SMTP transport and the copy appended to
 * the Sent folder both use it, so that the copy carries the Message-ID and headers that were sent.
 */
final class MimeMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    // RFC 5322: at most 998 characters between two CRLF.
    private static final int MAX_7BIT_LINE = 998;

    // RFC 5322 date in UTC: the server's own time zone is nobody's business.
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US)
            .withZone(ZoneOffset.UTC);

    private MimeMessages() {
    }

    /**
     * A saved (ready to write) message: text only as a single text/plain part, or text and HTML as
     * multipart/alternative, both UTF-8 with the transfer encoding Jakarta Mail would pick.
     */
    static MimeMessage build(Session session, OutgoingEmail email, Clock clock) {
        try {
            MimeMessage message = new PresetIdMessage(session, "<" + email.messageId() + ">");
            message.setFrom(address(email.fromAddress(), email.fromName()));
            message.setRecipient(Message.RecipientType.TO, address(email.toAddress(), email.toName()));
            message.setSubject(email.subject(), UTF_8);
            message.setHeader("Date", DATE.format(clock.instant()));
            if (email.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + email.inReplyTo() + ">");
            }
            if (!email.references().isEmpty()) {
                message.setHeader("References", folded("References", bracketed(email.references())));
            }
            addUnsubscribeHeaders(message, email);
            if (email.hasHtml()) {
                message.setContent(alternative(email));
            } else {
                message.setText(email.textBody(), UTF_8);
                message.setHeader(TRANSFER_ENCODING, transferEncoding(email.textBody()));
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("cannot build email " + email.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static void addUnsubscribeHeaders(MimeMessage message, OutgoingEmail email) throws MessagingException {
        List<String> targets = new ArrayList<>(2);
        if (email.listUnsubscribeUrl() != null) {
            targets.add("<" + email.listUnsubscribeUrl() + ">");
        }
        if (email.listUnsubscribeMailto() != null) {
            targets.add("<" + email.listUnsubscribeMailto() + ">");
        }
        if (!targets.isEmpty()) {
            message.setHeader("List-Unsubscribe", folded("List-Unsubscribe", String.join(", ", targets)));
        }
        if (email.listUnsubscribeUrl() != null) {
            // RFC 8058: mailbox providers may POST this body to the URL to unsubscribe in one click.
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
    }

    private static MimeMultipart alternative(OutgoingEmail email) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.textBody(), UTF_8);
        text.setHeader(TRANSFER_ENCODING, transferEncoding(email.textBody()));
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.htmlBody(), UTF_8, "html");
        html.setHeader(TRANSFER_ENCODING, transferEncoding(email.htmlBody()));
        // Least preferred first (RFC 2046): clients show the last part they can render.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }

    /**
     * The transfer encoding Jakarta Mail would pick (7bit for ASCII with short lines, quoted-printable
     * for mostly ASCII, base64 otherwise), decided here from the text: left to it, saveChanges writes
     * every body part through the activation framework's content handlers once more just to choose.
     * Set after setText, which clears the header.
     */
    static String transferEncoding(String text) {
        long ascii = 0;
        long other = 0;
        int line = 0;
        boolean longLine = false;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b == '\r' || b == '\n') {
                line = 0;
            } else if (++line > MAX_7BIT_LINE) {
                longLine = true;
            }
            int c = b & 0xff;
            if (c >= 0x7f || (c < 0x20 && c != '\r' && c != '\n' && c != '\t')) {
                other++;
            } else {
                ascii++;
            }
        }
        if (other == 0 && !longLine) {
            return "7bit";
        }
        return ascii > other ? "quoted-printable" : "base64";
    }

    private static InternetAddress address(String address, String name) throws UnsupportedEncodingException {
        return name == null || name.isBlank() ? new InternetAddress(address, null, UTF_8)
                : new InternetAddress(address, name, UTF_8);
    }

    private static String bracketed(List<String> ids) {
        return String.join(" ", ids.stream().map(id -> "<" + id + ">").toList());
    }

    /** Long thread references and unsubscribe URLs are folded at their spaces to stay under line limits. */
    private static String folded(String header, String value) {
        return MimeUtility.fold(header.length() + 2, value);
    }

    /** Keeps the caller's Message-ID: {@link MimeMessage#saveChanges()} would otherwise make up its own. */
    private static final class PresetIdMessage extends MimeMessage {

        private final String messageId;

        PresetIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
