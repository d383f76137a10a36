package dev.relance.engine.inbox.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The message a report is about: attached as message/rfc822, as text/rfc822-headers, or pasted as headers in
 * the text of a non-standard bounce. Its Message-ID is one of ours, which ties the report to a send.
 */
record OriginalMessage(String messageId, String to, String headerText) {

    private static final Pattern PASTED_MESSAGE_ID = Pattern.compile("(?im)^\\s*message-id:\\s*<?([^\\s<>]+@[^\\s<>]+)>?");
    private static final Pattern PASTED_TO = Pattern.compile("(?im)^\\s*to:\\s*(.+)$");

    static final OriginalMessage NONE = new OriginalMessage(null, null, null);

    /** The first attached message or headers part among the leaves, or {@link #NONE}. */
    static OriginalMessage attachedIn(List<Part> leaves) {
        for (Part leaf : leaves) {
            String type = MimeParts.type(leaf);
            if (type.equals("message/rfc822") || type.equals("text/rfc822-headers") || type.equals("message/global")
                    || type.equals("message/global-headers")) {
                MimeMessage attached = MimeParts.attachedMessage(leaf);
                if (attached != null) {
                    return new OriginalMessage(firstId(MimeParts.header(attached, "Message-ID")),
                            MimeParts.header(attached, "To"), MimeParts.text(leaf));
                }
            }
        }
        return NONE;
    }

    /** Headers pasted into the text of a bounce, after the notification; {@link #NONE} when none. */
    static OriginalMessage pastedIn(String text) {
        if (text == null) {
            return NONE;
        }
        Matcher id = PASTED_MESSAGE_ID.matcher(text);
        Matcher to = PASTED_TO.matcher(text);
        String messageId = id.find() ? id.group(1) : null;
        String recipient = to.find() ? to.group(1) : null;
        return messageId == null && recipient == null ? NONE : new OriginalMessage(messageId, recipient, text);
    }

    OriginalMessage or(OriginalMessage other) {
        return messageId != null ? this : other.messageId != null ? other : to != null ? this : other;
    }

    private static String firstId(String value) {
        List<String> ids = Addresses.messageIds(value);
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
