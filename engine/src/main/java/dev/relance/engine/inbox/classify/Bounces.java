package dev.relance.engine.inbox.classify;

import java.util.List;

/** Builds a bounced recipient from what a report says, and the sentence that explains it. */
final class Bounces {

    private Bounces() {
    }

    /**
     * @param context the report's human-readable text about this recipient, where the SMTP transcript shows
     *        which command the server refused
     */
    static BouncedRecipient recipient(String address, String status, Integer replyCode, String diagnostic,
            String context, boolean delayed, List<String> reasons) {
        String code = status != null ? status : SmtpCodes.statusIn(diagnostic);
        Integer reply = replyCode != null ? replyCode : SmtpCodes.replyCodeIn(diagnostic);
        BounceReasons.Reason reason = SmtpPhases.adjust(BounceReasons.of(code, diagnostic), code, diagnostic,
                context);
        boolean hard = reason.hard() && !delayed;
        String who = address == null ? "an unnamed recipient" : address;
        reasons.add((code == null ? "bounce" : "status " + code) + " for " + who + ": "
                + (delayed ? "delayed, still retrying" : hard ? "hard" : "not hard") + " (" + reason.name() + ", "
                + reason.because() + ")");
        return new BouncedRecipient(address, code, reply, reason.name(), hard, delayed, trim(diagnostic));
    }

    private static String trim(String diagnostic) {
        if (diagnostic == null || diagnostic.isBlank()) {
            return null;
        }
        String flat = diagnostic.replaceAll("\\s+", " ").trim();
        return flat.length() > 500 ? flat.substring(0, 500) : flat;
    }
}
