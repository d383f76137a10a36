package dev.relance.engine.inbox.classify;

import java.util.regex.Pattern;

/**
 * Which SMTP command a refusal answered changes what it means. A refusal of MAIL FROM is about the sender,
 * never the recipient's address. "User unknown" in answer to DATA comes after the server had accepted the
 * recipient at RCPT TO (unless the server's status names the address, x.1.x): it is a filter refusing this message (common at Japanese mobile carriers), so the
 * address is not dead.
 */
final class SmtpPhases {

    private static final Pattern AFTER_MAIL_FROM = Pattern.compile("(?i)(?:after|in reply to) mail from"
            + "|>>> mail from|sender address rejected|domain of sender address|sender verify failed");
    private static final Pattern AFTER_DATA = Pattern.compile("(?i)(?:after|in reply to) (?:end of )?data"
            + "|>>> data\\s*(?:>\\s*)?<<< [45]");
    private static final Pattern ADDRESS_STATUS = Pattern.compile("\\d\\.1\\.\\d+");

    private SmtpPhases() {
    }

    /** @param status the status the server gave, when it names the address (x.1.x) the refusal stands */
    static BounceReasons.Reason adjust(BounceReasons.Reason reason, String status, String diagnostic,
            String context) {
        String text = (diagnostic == null ? "" : diagnostic) + "\n" + (context == null ? "" : context);
        var mailFrom = AFTER_MAIL_FROM.matcher(text);
        if (reason.hard() && mailFrom.find()) {
            return new BounceReasons.Reason("rejected", "the sender was refused (\"" + mailFrom.group() + "\")");
        }
        var data = AFTER_DATA.matcher(text);
        boolean addressStatus = status != null && ADDRESS_STATUS.matcher(status).matches();
        if (reason.name().equals("userunknown") && !addressStatus && data.find()) {
            return new BounceReasons.Reason("filtered", "refused after the recipient was accepted (\""
                    + data.group().replaceAll("\\s+", " ") + "\")");
        }
        return reason;
    }
}
