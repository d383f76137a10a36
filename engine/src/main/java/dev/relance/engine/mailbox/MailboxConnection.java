package dev.relance.engine.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * The SMTP connection of one mailbox and the lock that serialises its sends: one connection carries
 * one SMTP transaction at a time. Every field is read and written under the lock. A ReentrantLock
 * rather than synchronized, so that a virtual thread waiting on it does not pin its carrier.
 */
final class MailboxConnection {

    private final ReentrantLock lock = new ReentrantLock();
    private Transport transport;
    private MailboxCredentials credentials;
    private Instant lastUsed;

    void lock() {
        lock.lock();
    }

    boolean tryLock() {
        return lock.tryLock();
    }

    void unlock() {
        lock.unlock();
    }

    boolean isOpen() {
        return transport != null;
    }

    /** Whether the open connection was made with these settings: changed credentials need a new one. */
    boolean isOpenFor(MailboxCredentials smtp) {
        return transport != null && smtp.equals(credentials);
    }

    boolean isIdle(Instant now, Duration idleTimeout) {
        return transport != null && !lastUsed.plus(idleTimeout).isAfter(now);
    }

    Transport transport() {
        return transport;
    }

    void opened(Transport connected, MailboxCredentials smtp, Instant now) {
        this.transport = connected;
        this.credentials = smtp;
        this.lastUsed = now;
    }

    void used(Instant now) {
        this.lastUsed = now;
    }

    /** Closes the connection (QUIT without waiting for the answer) and forgets it; never fails. */
    void discard() {
        if (transport != null) {
            closeQuietly(transport);
        }
        transport = null;
        credentials = null;
        lastUsed = null;
    }

    static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is being dropped anyway; the server will time it out
        }
    }
}
