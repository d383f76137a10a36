package dev.relance.engine.inbox.classify;

/**
 * One recipient of a bounce, as the report gives it.
 *
 * @param recipient the address that failed, or null when the report does not name it
 * @param status RFC 3463 enhanced status code such as {@code 5.1.1}, or null
 * @param replyCode SMTP reply code such as 550, or null
 * @param reason short reason: userunknown, hostunknown, hasmoved, notaccept, mailboxfull, expired, blocked,
 *        policyviolation, spamdetected, authfailure, filtered, rejected, networkerror, systemerror, ... or undefined
 * @param hard true when the address itself is dead and must be suppressed; false for temporary, policy,
 *        reputation and content reasons
 * @param delayed true for a warning that delivery is still being retried
 * @param diagnostic the server's words, trimmed, or null
 */
public record BouncedRecipient(String recipient, String status, Integer replyCode, String reason, boolean hard,
        boolean delayed, String diagnostic) {
}
