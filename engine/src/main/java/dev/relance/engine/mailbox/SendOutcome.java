package dev.relance.engine.mailbox;

/**
 * What became of one SMTP send. The transport never throws for a server or network failure: it
 * answers one of these, and the dispatcher decides (mark sent, bounce, retry, pause the mailbox).
 */
public sealed interface SendOutcome {

    /**
     * The server took responsibility for the message.
     *
     * @param serverReply the final reply, such as {@code 250 2.0.0 Ok: queued as 4F2A1}
     */
    record Accepted(String serverReply) implements SendOutcome {
    }

    /**
     * The server refused this recipient or this message for good (a 5xx at RCPT or after DATA): a
     * hard bounce. Whether it suppresses the prospect is the dispatcher's call; a 5.7.x status may
     * be a policy block rather than a bad address.
     *
     * @param replyCode the SMTP reply code, such as 550
     * @param enhancedStatus the RFC 3463 status parsed from the reply, such as {@code 5.1.1}, or null
     * @param serverReply the reply text as received
     */
    record Rejected(int replyCode, String enhancedStatus, String serverReply) implements SendOutcome {
    }

    /**
     * Not sent this time, worth retrying later: a 4xx reply, a refused or lost connection, a timeout,
     * or any failure not understood (a step is never lost to an unknown error).
     *
     * @param reason what happened, for people and logs
     * @param replyCode the SMTP reply code when the server gave one, else null
     */
    record Deferred(String reason, Integer replyCode) implements SendOutcome {
    }

    /**
     * The server refused this mailbox: its credentials (AUTH failed, 535, 530), or its sender address
     * for these credentials (a 5xx at MAIL FROM). Nothing can leave the mailbox until its owner fixes
     * the settings; waiting steps are kept.
     *
     * @param reason the server's answer, for the mailbox's owner
     */
    record AuthenticationFailed(String reason) implements SendOutcome {
    }
}
