package dev.relance.engine.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.relance.engine.mailbox.SendOutcome.Accepted;
import dev.relance.engine.mailbox.SendOutcome.Deferred;

/**
 * The Jakarta Mail adapter of {@link MailTransport}: one connected SMTP transport per mailbox,
 * reused from send to send (opening one per message is slow and looks like a spammer to servers),
 * with one transaction at a time per mailbox.
 *
 * <p>A reused connection the server has closed meanwhile is replaced transparently: it is probed
 * before each send, and a send whose MAIL FROM met a closing server is tried once more on a fresh
 * connection. A failure past MAIL FROM is never retried here, since a retry could deliver twice:
 * it is reported {@link Deferred}. Connections idle for {@code relance.smtp.idle-timeout} are closed.
 */
@Component
@EnableConfigurationProperties(SmtpProperties.class)
class SmtpMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailTransport.class);

    private final SmtpProperties properties;
    private final Clock clock;
    private final Session mimeSession = Session.getInstance(new Properties());
    private final ConcurrentHashMap<Long, MailboxConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    // Enforces write timeouts for Angus Mail and runs the idle sweep; its work never blocks.
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relance-smtp-timers").daemon().factory());

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    SmtpMailTransport(SmtpProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        nameTheStreamProvider();
        long sweepMillis = Math.clamp(properties.idleTimeout().toMillis() / 2, 1_000L, 30_000L);
        timers.scheduleWithFixedDelay(() -> Thread.ofVirtual().name("relance-smtp-idle-sweep").start(this::closeIdle),
                sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public SendOutcome send(MailboxCredentials smtp, OutgoingEmail email) {
        MimeMessage message = MimeMessages.build(mimeSession, email, clock);
        MailboxConnection connection = connections.computeIfAbsent(smtp.mailboxId(), id -> new MailboxConnection());
        connection.lock();
        try {
            SendOutcome outcome = sendLocked(connection, smtp, email, message);
            if (outcome instanceof Accepted) {
                log.debug("mailbox {} sent {}: {}", smtp.mailboxId(), email.messageId(), outcome);
            } else {
                log.info("mailbox {} did not send {}: {}", smtp.mailboxId(), email.messageId(), outcome);
            }
            return outcome;
        } catch (RuntimeException unexpected) {
            connection.discard();
            log.warn("mailbox {} failed unexpectedly to send {}", smtp.mailboxId(), email.messageId(), unexpected);
            return new Deferred(SmtpFailures.describe(unexpected), null);
        } finally {
            connection.unlock();
        }
    }

    private SendOutcome sendLocked(MailboxConnection connection, MailboxCredentials smtp, OutgoingEmail email,
            MimeMessage message) {
        boolean reused = reusable(connection, smtp);
        if (!reused) {
            connection.discard();
        }
        try {
            if (!reused) {
                open(connection, smtp, email);
            }
            return deliver(connection, message);
        } catch (MessagingException | IllegalStateException failure) {
            connection.discard();
            if (!reused || !SmtpFailures.isStaleConnection(failure)) {
                return SmtpFailures.classify(failure);
            }
            log.debug("mailbox {}: the server dropped the connection at MAIL FROM ({}), reconnecting", smtp.mailboxId(),
                    SmtpFailures.describe(failure));
        }
        try {
            open(connection, smtp, email);
            return deliver(connection, message);
        } catch (MessagingException | IllegalStateException failure) {
            connection.discard();
            return SmtpFailures.classify(failure);
        }
    }

    /**
     * Whether the open connection can carry this send: same settings, not idle for too long, and
     * still alive. {@link Transport#isConnected()} asks the server (Angus Mail sends NOOP), so a
     * connection the server closed is replaced before any transaction starts on it.
     */
    private boolean reusable(MailboxConnection connection, MailboxCredentials smtp) {
        return connection.isOpenFor(smtp) && !connection.isIdle(clock.instant(), properties.idleTimeout())
                && connection.transport().isConnected();
    }

    private SendOutcome deliver(MailboxConnection connection, MimeMessage message) throws MessagingException {
        Transport transport = connection.transport();
        transport.sendMessage(message, message.getRecipients(Message.RecipientType.TO));
        connection.used(clock.instant());
        return new Accepted(String.valueOf(AngusMail.lastServerResponse(transport)));
    }

    private void open(MailboxConnection connection, MailboxCredentials smtp, OutgoingEmail email)
            throws MessagingException {
        Transport transport = Session.getInstance(sessionProperties(smtp, email)).getTransport("smtp");
        try {
            if (smtp.authenticates()) {
                transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            } else {
                transport.connect(smtp.host(), smtp.port(), null, null);
            }
        } catch (MessagingException | RuntimeException e) {
            MailboxConnection.closeQuietly(transport);
            throw e;
        }
        connectionsOpened.incrementAndGet();
        connection.opened(transport, smtp, clock.instant());
    }

    private Properties sessionProperties(MailboxCredentials smtp, OutgoingEmail email) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.connectiontimeout", millis(properties.connectTimeout()));
        props.setProperty("mail.smtp.timeout", millis(properties.readTimeout()));
        props.setProperty("mail.smtp.writetimeout", millis(properties.writeTimeout()));
        props.put("mail.smtp.executor.writetimeout", timers);
        props.setProperty("mail.smtp.quitwait", "false");
        props.setProperty("mail.smtp.localhost", MessageIds.domainOf(email.fromAddress()));
        props.setProperty("mail.smtp.auth", String.valueOf(smtp.authenticates()));
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        switch (smtp.security()) {
            case STARTTLS -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                props.setProperty("mail.smtp.starttls.required", "true");
            }
            case TLS -> props.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> {
                // plain text, for local sandboxes only
            }
        }
        return props;
    }

    @Override
    public void close(long mailboxId) {
        MailboxConnection connection = connections.get(mailboxId);
        if (connection != null) {
            connection.lock();
            try {
                connection.discard();
            } finally {
                connection.unlock();
            }
        }
    }

    /** Closes the connections unused for the idle timeout; a connection busy sending is left alone. */
    void closeIdle() {
        for (MailboxConnection connection : connections.values()) {
            if (connection.tryLock()) {
                try {
                    if (connection.isIdle(clock.instant(), properties.idleTimeout())) {
                        connection.discard();
                    }
                } finally {
                    connection.unlock();
                }
            }
        }
    }

    @PreDestroy
    void closeAll() {
        connections.keySet().forEach(this::close);
        timers.shutdownNow();
    }

    /** How many SMTP connections were opened since start: reuse keeps it at one per mailbox. */
    int connectionsOpened() {
        return connectionsOpened.get();
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    /**
     * Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan on every message
     * written, unless the provider is named (jakartaee/mail-api#861): naming Angus's saves that scan,
     * about a seventh of the send path in the dispatch benchmark. A value set by the operator wins.
     */
    private static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
