package dev.relance.engine.inbox.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads MIME structure leniently and without content handlers, so that odd reports (unknown charsets,
 * missing boundaries, unregistered types) still yield their bytes.
 */
final class MimeParts {

    private static final Session SESSION = Session.getInstance(lenientProperties());
    private static final int MAX_DEPTH = 8;

    private MimeParts() {
    }

    private static Properties lenientProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        return properties;
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    static MimeMessage parse(InputStream raw) throws MessagingException {
        return new MimeMessage(SESSION, raw);
    }

    /** The lower-case base type such as {@code text/plain}; {@code text/plain} when absent or unreadable. */
    static String type(Part part) {
        try {
            String header = part.getContentType();
            return header == null ? "text/plain" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    static String parameter(Part part, String name) {
        try {
            String header = part.getContentType();
            return header == null ? null : new ContentType(header).getParameter(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Every part that is not itself a multipart, depth first; attached messages are leaves, not opened. */
    static List<Part> leaves(Part root) {
        List<Part> leaves = new ArrayList<>();
        collectLeaves(root, leaves, 0);
        return leaves;
    }

    private static void collectLeaves(Part part, List<Part> leaves, int depth) {
        if (depth < MAX_DEPTH && type(part).startsWith("multipart/")) {
            MimeMultipart multipart = multipart(part);
            if (multipart != null) {
                try {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        collectLeaves(multipart.getBodyPart(i), leaves, depth + 1);
                    }
                    return;
                } catch (MessagingException | RuntimeException e) {
                    return;
                }
            }
        }
        leaves.add(part);
    }

    private static MimeMultipart multipart(Part part) {
        try {
            return new MimeMultipart(new MimePartDataSource((MimePart) part));
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The decoded body bytes (transfer encoding undone); empty when unreadable. */
    static byte[] bytes(Part part) {
        try (InputStream in = ((MimePart) part).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            return raw(part);
        }
    }

    private static byte[] raw(Part part) {
        try (InputStream in = part instanceof MimeMessage message ? message.getRawInputStream()
                : ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The body as text in its declared charset (UTF-8 when absent or unknown). */
    static String text(Part part) {
        return new String(bytes(part), charsetOf(part));
    }

    private static Charset charsetOf(Part part) {
        String declared = parameter(part, "charset");
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(declared.trim()));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The message attached as message/rfc822 (or the headers of text/rfc822-headers), or null. */
    static MimeMessage attachedMessage(Part part) {
        try {
            return parse(new ByteArrayInputStream(bytes(part)));
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The first value of a header, unfolded and with encoded words decoded, or null. */
    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            if (values == null || values.length == 0 || values[0] == null) {
                return null;
            }
            return decode(MimeUtility.unfold(values[0])).trim();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (IOException | RuntimeException e) {
            return value;
        }
    }
}
