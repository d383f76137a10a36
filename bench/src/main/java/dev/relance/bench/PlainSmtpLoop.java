package dev.relance.bench;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The ceiling: Jakarta Mail alone, with no database, no template and no bookkeeping. {@code M}
 * threads each keep one connected transport to the sink and send their share of messages built
 * like the engine's (same headers, same subject and body), one after the other.
 */
final class PlainSmtpLoop {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US);

    /** What the engine sent, to build equivalent messages from: a recorded message and its addresses. */
    record Sample(String fromAddress, String fromName, String toAddress, String toName, String subject, String text,
            String unsubscribeUrl, String unsubscribeMailto) {
    }

    private final int port;
    private final Sample sample;

    PlainSmtpLoop(int port, Sample sample) {
        this.port = port;
        this.sample = sample;
    }

    /** Sends {@code messages} over {@code connections} connections; returns the wall time in nanoseconds. */
    long run(int connections, int messages) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(connections);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int share = messages / connections + (c < messages % connections ? 1 : 0);
            threads.add(Thread.ofVirtual().name("plain-" + c).start(() -> {
                try {
                    sendOver(share);
                } catch (MessagingException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the plain loop failed", failures.getFirst());
        }
        return elapsed;
    }

    private void sendOver(int count) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.smtp.auth", "true");
        props.setProperty("mail.smtp.localhost", "relance.example");
        props.setProperty("mail.smtp.quitwait", "false");
        Session session = Session.getInstance(props);
        Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", port, "plain", "secret");
        try {
            for (int i = 0; i < count; i++) {
                MimeMessage message = build(session);
                transport.sendMessage(message, message.getRecipients(Message.RecipientType.TO));
            }
        } finally {
            transport.close();
        }
    }

    /**
     * A message built like the engine's (MimeMessages.build): preset Message-ID, From, To, subject,
     * date, unsubscribe headers, text body.
     */
    private MimeMessage build(Session session) throws MessagingException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = "<" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong())
                + "@relance.example>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        try {
            message.setFrom(new InternetAddress(sample.fromAddress(), sample.fromName(), UTF_8));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(sample.toAddress(), sample.toName(), UTF_8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setSubject(sample.subject(), UTF_8);
        message.setHeader("Date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe".length() + 2,
                "<" + sample.unsubscribeUrl() + ">, <" + sample.unsubscribeMailto() + ">"));
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setText(sample.text(), UTF_8);
        message.saveChanges();
        return message;
    }
}
