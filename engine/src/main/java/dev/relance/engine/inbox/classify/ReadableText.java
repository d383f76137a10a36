package dev.relance.engine.inbox.classify;

import java.util.List;

import jakarta.mail.Part;

/** The text a person reads: the first inline text/plain part, else the first HTML part as text. */
final class ReadableText {

    private ReadableText() {
    }

    static String body(List<Part> leaves) {
        Part html = null;
        for (Part leaf : leaves) {
            if (isAttachment(leaf)) {
                continue;
            }
            String type = MimeParts.type(leaf);
            if (type.equals("text/plain")) {
                return MimeParts.text(leaf);
            }
            if (type.equals("text/html") && html == null) {
                html = leaf;
            }
        }
        return html == null ? "" : HtmlText.toText(MimeParts.text(html));
    }

    /** Every text/plain part, attachments included, for headers pasted into non-standard bounces. */
    static String allPlainText(List<Part> leaves) {
        StringBuilder text = new StringBuilder();
        for (Part leaf : leaves) {
            if (MimeParts.type(leaf).equals("text/plain")) {
                text.append(MimeParts.text(leaf)).append('\n');
            }
        }
        return text.toString();
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (Exception e) {
            return false;
        }
    }
}
