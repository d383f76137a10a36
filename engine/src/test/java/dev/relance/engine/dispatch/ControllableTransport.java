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

    private final MailTransport real;
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
        CountDownLatch holding = inSend;
        if (holding != null) {
            inSend = null;
            holding.countDown();
            try {
                proceed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SendOutcome outcome = forced != null ? forced : real.send(smtp, email);
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
