package dev.relance.engine.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Part;

/**
 * Bounces that are not RFC 3464 reports (Exim, qmail, Gmail, old Sendmail, appliances): recognised by their
 * sender, subject and wording, read from the notification text that precedes the returned message.
 */
final class PlainBounceParser {

    private static final Pattern DAEMON_SENDER = Pattern.compile(
            "(?i)(mailer-?daemon|mail-?daemon|postmaster|mail delivery (?:subsystem|system)|mail administrator)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver|delivery status notification"
            + "|delivery (?:has )?failed|failed delivery|delivery failure|mail delivery failed|returned mail"
            + "|returning (?:message )?to sender|failure notice|non remis|unzustellbar|nicht zustellbar"
            + "|could not be delivered|mail system error|delivery notification|warning: could not send"
            + "|nondeliverable|non-delivery|undelivered|delivery problem|mail failed|rejected|delayed mail)");
    private static final Pattern BOUNCE_WORDS = Pattern.compile("(?i)(could not be delivered|couldn't be delivered"
            + "|delivery to the following recipients? (?:failed|has been delayed)|undeliverable|permanent (?:error|fatal)"
            + "|the following address(?:es)? failed|delivery has failed|unable to deliver|failed permanently"
            + "|i'm sorry to have to inform you|i'm afraid i wasn't able to deliver|this is the qmail-send program"
            + "|was not delivered|has been delayed|delivery (?:attempts? )?(?:will continue|failed)|failed addresses follow"
            + "|message could not be delivered|returned to sender|non-delivery|could not deliver)");
    private static final Pattern ORIGINAL_STARTS = Pattern.compile("(?im)^(?:[-|=_ ]{3,}.*(?:copy of the message"
            + "|original message|message text|below this line|returned message|undelivered message|original headers"
            + "|headers? of|message follows).*"
            + "|\\s*(?:original message follows|the original message (?:headers? )?(?:follows|is attached)).*"
            + "|(?:return-path|received|dkim-signature|x-received|content-type: message/rfc822):.*)$");
    private static final Pattern NOT_A_RECIPIENT_LINE = Pattern.compile(
            "(?i)contact|support|assistance|help ?desk|administrator|postmaster|mailer-daemon|from:|reply-to:"
            + "|message-id|in-reply-to|references:|x-mailer|return-path|received:|envelope-from|sender:");
    private static final Pattern DELAY_WORDS = Pattern.compile("(?i)(delayed|will be retried|will retry|still trying"
            + "|warning message only|not yet been delivered|will continue to be attempted|do not need to resend)");

    private PlainBounceParser() {
    }

    static boolean looksLikeBounce(Part message, String from, String subject, String notification) {
        if (MimeParts.header(message, "X-Failed-Recipients") != null) {
            return true;
        }
        boolean daemon = from != null && DAEMON_SENDER.matcher(from).find();
        boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
        boolean bounceWords = notification != null && BOUNCE_WORDS.matcher(notification).find();
        return (daemon && (bounceSubject || bounceWords)) || (bounceSubject && bounceWords);
    }

    /** The notification text: the readable text parts, cut where the returned message begins. */
    static String notification(List<Part> leaves) {
        StringBuilder text = new StringBuilder();
        for (Part leaf : leaves) {
            String type = MimeParts.type(leaf);
            if (type.equals("text/plain") || (type.equals("text/html") && text.isEmpty())) {
                String part = type.equals("text/html") ? HtmlText.toText(MimeParts.text(leaf)) : MimeParts.text(leaf);
                text.append(part).append('\n');
            } else if (type.startsWith("message/") || type.equals("text/rfc822-headers")) {
                break;
            }
        }
        return beforeOriginal(text.toString());
    }

    static String beforeOriginal(String text) {
        var matcher = ORIGINAL_STARTS.matcher(text);
        return matcher.find() && matcher.start() > 0 ? text.substring(0, matcher.start()) : text;
    }

    /** The text after the notification, where non-standard bounces paste the returned message. */
    static String afterNotification(String text) {
        return text.substring(beforeOriginal(text).length());
    }

    static List<BouncedRecipient> parse(Part message, String notification, String fromAddress,
            OriginalMessage original, List<String> reasons) {
        List<String> addresses = failedAddresses(message, notification, fromAddress, original);
        boolean delayed = DELAY_WORDS.matcher(notification).find();
        List<BouncedRecipient> recipients = new ArrayList<>();
        if (addresses.isEmpty()) {
            recipients.add(Bounces.recipient(null, null, null, notification, notification,
                    delayed(delayed, notification), reasons));
        }
        for (int i = 0; i < addresses.size(); i++) {
            String next = i + 1 < addresses.size() ? addresses.get(i + 1) : null;
            String segment = segment(notification, addresses.get(i), next);
            if (BounceReasons.of(SmtpCodes.statusIn(segment), segment).name().equals("undefined")) {
                segment = notification;
            }
            recipients.add(Bounces.recipient(addresses.get(i), null, null, segment, segment, delayed(delayed, segment),
                    reasons));
        }
        return recipients;
    }

    private static boolean delayed(boolean delayWords, String diagnostic) {
        String status = SmtpCodes.statusIn(diagnostic);
        return delayWords && (status == null || !status.startsWith("5"));
    }

    private static List<String> failedAddresses(Part message, String notification, String fromAddress,
            OriginalMessage original) {
        String failedHeader = MimeParts.header(message, "X-Failed-Recipients");
        if (failedHeader != null && !Addresses.all(failedHeader).isEmpty()) {
            return Addresses.all(failedHeader);
        }
        List<String> excluded = new ArrayList<>(Addresses.all(MimeParts.header(message, "To")));
        excluded.add(fromAddress);
        List<String> candidates = new ArrayList<>();
        for (String line : notification.split("\\r?\\n")) {
            if (!NOT_A_RECIPIENT_LINE.matcher(line).find()) {
                Addresses.all(line).stream().filter(a -> !excluded.contains(a) && !candidates.contains(a))
                        .forEach(candidates::add);
            }
        }
        List<String> originalTo = Addresses.all(original.to());
        List<String> known = candidates.stream().filter(originalTo::contains).toList();
        if (!known.isEmpty()) {
            return known;
        }
        return candidates.isEmpty() ? originalTo : candidates;
    }

    /** The lines of a notification about one recipient; the whole notification when it is not named. */
    static String segmentAbout(String text, String address) {
        return text == null ? null : segment(beforeOriginal(text), address, null);
    }

    private static String segment(String text, String address, String nextAddress) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = address == null ? -1 : lower.indexOf(address);
        if (start < 0) {
            return text;
        }
        int lineStart = lower.lastIndexOf('\n', start) + 1;
        int end = nextAddress == null ? -1 : lower.indexOf(nextAddress, start + address.length());
        int lineEnd = end < 0 ? text.length() : lower.lastIndexOf('\n', end) + 1;
        if (lineEnd <= start) {
            lineEnd = end;
        }
        return text.substring(lineStart, lineEnd);
    }
}
