package dev.relance.engine.inbox.classify;

import java.util.regex.Pattern;

/** A first look at the bytes: is this a mail message at all? */
final class RawMessages {

    /** "Name:" with the printable characters RFC 5322 allows in a field name, or an mbox "From " line. */
    private static final Pattern FIRST_LINE = Pattern.compile("^(?:[!-9;-~]+[ \\t]*:.*|From \\S+.*)$");
    private static final int SNIFFED_BYTES = 1024;

    private RawMessages() {
    }

    /** Why the bytes cannot be a message, or null when they may be one. */
    static String whyUnreadable(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return "empty message";
        }
        int sniffed = Math.min(raw.length, SNIFFED_BYTES);
        for (int i = 0; i < sniffed; i++) {
            if (raw[i] == 0) {
                return "binary data (NUL byte at offset " + i + "), not a mail message";
            }
        }
        int end = 0;
        while (end < sniffed && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        String firstLine = new String(raw, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!FIRST_LINE.matcher(firstLine).matches()) {
            return "does not start with a mail header";
        }
        return null;
    }
}
