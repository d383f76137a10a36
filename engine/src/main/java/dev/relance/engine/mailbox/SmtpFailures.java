package dev.relance.engine.mailbox;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;

import dev.relance.engine.mailbox.SendOutcome.AuthenticationFailed;
import dev.relance.engine.mailbox.SendOutcome.Deferred;
import dev.relance.engine.mailbox.SendOutcome.Rejected;

/** Turns what Jakarta Mail throws into a {@link SendOutcome}; whatever is not understood is deferred. */
final class SmtpFailures {

    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    /** Replies about the credentials, not the message: 530 required, 534 too weak, 535 invalid, 538 needs TLS. */
    private static final Set<Integer> AUTH_REPLIES = Set.of(530, 534, 535, 538);

    private SmtpFailures() {
    }

    static SendOutcome classify(Exception failure) {
        if (failure instanceof AuthenticationFailedException) {
            return new AuthenticationFailed(describe(failure));
        }
        Throwable recipient = AngusMail.find(failure, AngusMail.ADDRESS_FAILED);
        if (recipient != null) {
            return byReply(AngusMail.replyCode(recipient), recipient.getMessage());
        }
        if (atMailFrom(failure)) {
            return senderRefused(AngusMail.replyCode(failure), failure.getMessage());
        }
        if (AngusMail.is(failure, AngusMail.SEND_FAILED)) {
            return byReply(AngusMail.replyCode(failure), failure.getMessage());
        }
        return new Deferred(describe(failure), null);
    }

    /**
     * Whether a send that failed on a reused connection may be tried once more on a fresh one: only
     * when MAIL FROM itself failed (nothing can have been delivered) without a 5xx, which a live
     * server would mean: a 421 "closing" or a connection lost. Past MAIL FROM, or when the stage is
     * unknown, a retry could deliver twice, so there is none.
     */
    static boolean isStaleConnection(Exception failure) {
        return atMailFrom(failure) && AngusMail.replyCode(failure) < 500;
    }

    /** Whether the server refused or dropped the MAIL FROM command (a reply, or none: "[EOF]"). */
    private static boolean atMailFrom(Exception failure) {
        return AngusMail.is(failure, AngusMail.SEND_FAILED)
                && AngusMail.failedCommand(failure).regionMatches(true, 0, "MAIL FROM", 0, 9);
    }

    /** The enhanced status code (RFC 3463) in a reply, such as {@code 5.1.1}, or null. */
    static String enhancedStatus(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher matcher = ENHANCED_STATUS.matcher(reply);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static SendOutcome byReply(int code, String reply) {
        String text = oneLine(reply);
        if (AUTH_REPLIES.contains(code)) {
            return new AuthenticationFailed(text);
        }
        if (code >= 500 && code < 600) {
            return new Rejected(code, enhancedStatus(text), text);
        }
        return new Deferred(text, code >= 400 && code < 500 ? code : null);
    }

    /** A 5xx at MAIL FROM refuses the mailbox (credentials or sender address), not this recipient. */
    private static SendOutcome senderRefused(int code, String reply) {
        String text = oneLine(reply);
        if (code >= 500 && code < 600) {
            return new AuthenticationFailed("the server refuses this sender: " + text);
        }
        return new Deferred(text, code >= 400 && code < 500 ? code : null);
    }

    /** The failure and its root cause on one line: "Couldn't connect to host ...: ConnectException Connection refused". */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(failure.getMessage());
        if (root != failure) {
            text += ": " + root.getClass().getSimpleName() + " " + root.getMessage();
        }
        return oneLine(text);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
