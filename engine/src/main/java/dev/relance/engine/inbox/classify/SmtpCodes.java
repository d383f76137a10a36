package dev.relance.engine.inbox.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3463 enhanced status codes and SMTP reply codes found in a server's words. */
final class SmtpCodes {

    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![.\\d])");
    private static final Pattern REPLY = Pattern.compile("(?<![\\w.#/:-])([245][0-5]\\d)(?=[\\s-]|$)");

    private SmtpCodes() {
    }

    /** The first enhanced status code in the text, or null. */
    static String statusIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = STATUS.matcher(text);
        return matcher.find() ? matcher.group(1) + "." + Integer.parseInt(matcher.group(2)) + "."
                + Integer.parseInt(matcher.group(3)) : null;
    }

    /** The first SMTP reply code (2xx, 4xx, 5xx) in the text, or null. */
    static Integer replyCodeIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = REPLY.matcher(text);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** A status field value such as "5.1.1 (user unknown)" reduced to the code, or null when not one. */
    static String cleanStatus(String value) {
        return statusIn(value);
    }
}
