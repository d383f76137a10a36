package dev.relance.engine.dispatch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.relance.engine.mailbox.MailTransport;
import dev.relance.engine.mailbox.MailboxCredentials;
import dev.relance.engine.mailbox.OutgoingEmail;
import dev.relance.engine.mailbox.SendOutcome;

/**
 * The real SMTP transport, with switches to play a crash after the server accepted an email, or
 * to hold a send in the middle so a test can act while it is in flight.
 */
class ControllableTransport implements MailTransport {

    /** The process "dies": thrown after the server said 250, before anything is recorded. */
    static class Crash extends RuntimeException {
        Crash() {
            super("simulated crash after SMTP accept");
        }
    }

    /** The process "dies" before talking to the server: nothing after it runs, not even a rollback handler of ours. */
    static class Death extends Error {
        Death() {
            super("simulated death before SMTP");
        }
    }

    private final MailTransport real;
    volatile boolean dieBeforeSend;
    /** When set, answered once instead of talking to the server, then cleared. */
    volatile SendOutcome forcedOnce;
    /** The recipient of the send being held, while it is held. */
    volatile String heldRecipient;
    volatile boolean crashAfterAccept;
    /** When set, answered instead of talking to the server (a refusal the real server cannot play). */
    volatile SendOutcome forced;
    volatile CountDownLatch inSend;
    volatile CountDownLatch proceed;

    ControllableTransport(MailTransport real) {
        this.real = real;
    }

    @Override
    public SendOutcome send(MailboxCredentials smtp, OutgoingEmail email) {
        if (dieBeforeSend) {
            throw new Death();
        }
        CountDownLatch holding = inSend;
        if (holding != null) {
            inSend = null;
            heldRecipient = email.toAddress();
            holding.countDown();
            try {
                proceed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SendOutcome once = forcedOnce;
        forcedOnce = null;
        SendOutcome outcome = once != null ? once : forced != null ? forced : real.send(smtp, email);
        if (crashAfterAccept && outcome instanceof SendOutcome.Accepted) {
            throw new Crash();
        }
        return outcome;
    }

    @Override
    public void close(long mailboxId) {
        real.close(mailboxId);
    }
}
