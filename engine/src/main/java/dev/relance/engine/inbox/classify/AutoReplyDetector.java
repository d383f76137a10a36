package dev.relance.engine.inbox.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Part;

/**
 * Automatic answers: RFC 3834 and vendor headers first, then English and French subjects, then the opening
 * words of an out-of-office body. X-Auto-Response-Suppress alone is not a marker: Outlook puts it on
 * ordinary mail to ask others not to answer automatically.
 */
final class AutoReplyDetector {

    private static final List<String> VENDOR_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder",
            "X-MS-Exchange-Inbox-Rules-Loop", "X-MS-Exchange-Generated-Message-Source", "X-Mailer-Autoreply",
            "X-Vacation", "X-POST-MessageClass");
    private static final Pattern AUTOMATIC_PRECEDENCE = Pattern.compile("(?i)^\\s*(auto_reply|bulk|junk)\\b");
    private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile("(?iuU)(automatic reply|auto[- ]?reply"
            + "|auto[- ]?response|autoreply|réponse automatique|reponse automatique|out of (?:the )?office"
            + "|\\babsen(?:ce|t)\\b|away from (?:the )?office|on vacation|on holiday|on leave|abwesenheit"
            + "|message d'absence|\\bcongés?\\b|away until|returning on)");
    private static final Pattern AUTOMATIC_BODY = Pattern.compile("(?iuU)(i am (?:currently )?(?:out of (?:the )?office"
            + "|away from|on (?:annual |parental |maternity |paternity )?leave|on vacation|on holiday)"
            + "|i'm (?:currently )?(?:out of (?:the )?office|away from|on (?:annual )?leave|on vacation|on holiday)"
            + "|i am (?:currently )?away (?:until|till|returning)|i'm (?:currently )?away (?:until|till|returning)"
            + "|out of (?:the )?office (?:until|till|through|from|on)|with limited access to (?:e-?mail|my e-?mail)"
            + "|limited access to e-?mail|this is an automatic (?:reply|response)|automatic reply"
            + "|je suis (?:actuellement )?(?:absente?|en congés?|en vacances|en déplacement|hors du bureau)"
            + "|je serai absente?|en congés? (?:jusqu|du)|réponse automatique|message automatique"
            + "|absente? du bureau|actuellement absente?)");
    private static final int OPENING_CHARACTERS = 600;

    private AutoReplyDetector() {
    }

    /** The Auto-Submitted value when it marks the message as automatic (anything but "no"), else null. */
    static String autoSubmitted(Part message) {
        String value = MimeParts.header(message, "Auto-Submitted");
        if (value == null || value.isBlank()) {
            return null;
        }
        String token = value.trim().toLowerCase(Locale.ROOT).split("[;\\s(]", 2)[0];
        return token.equals("no") ? null : token;
    }

    /** Why the message is an automatic answer, or null when nothing says so. */
    static String reason(Part message, String subject, String body) {
        String autoSubmitted = autoSubmitted(message);
        if (autoSubmitted != null) {
            return "header Auto-Submitted: " + autoSubmitted + " (RFC 3834)";
        }
        for (String header : VENDOR_HEADERS) {
            if (MimeParts.header(message, header) != null) {
                return "header " + header + " (set by auto-responders)";
            }
        }
        String precedence = MimeParts.header(message, "Precedence");
        if (precedence != null && AUTOMATIC_PRECEDENCE.matcher(precedence).find()) {
            return "header Precedence: " + precedence.trim();
        }
        var bySubject = subject == null ? null : AUTOMATIC_SUBJECT.matcher(subject);
        if (bySubject != null && bySubject.find()) {
            return "subject says \"" + bySubject.group() + "\"";
        }
        if (body != null) {
            String opening = body.length() > OPENING_CHARACTERS ? body.substring(0, OPENING_CHARACTERS) : body;
            var byBody = AUTOMATIC_BODY.matcher(opening.replace('\u2019', '\''));
            if (byBody.find()) {
                return "body says \"" + byBody.group() + "\"";
            }
        }
        return null;
    }
}
