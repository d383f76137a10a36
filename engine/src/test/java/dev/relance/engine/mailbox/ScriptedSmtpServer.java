package dev.relance.engine.mailbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server for tests, answering each command with a scripted reply: enough of RFC 5321
 * to play refusals, deferrals, hangs and dropped connections that a real server will not play on
 * demand. Each connection runs on its own virtual thread.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** Reply that never comes: the server keeps the connection open and silent. */
    static final String HANG = "<hang>";
    /** Reply that is no reply: the server closes the connection. */
    static final String CLOSE = "<close>";
    /** The key of the reply to the end of the message data (the lone dot). */
    static final String END_OF_DATA = ".";

    private final ServerSocket server;
    private final Map<String, String> replies = new ConcurrentHashMap<>(Map.of(
            "EHLO", "250-scripted.test\r\n250 8BITMIME",
            "HELO", "250 scripted.test",
            "MAIL", "250 2.1.0 Ok",
            "RCPT", "250 2.1.5 Ok",
            "DATA", "354 End data with <CR><LF>.<CR><LF>",
            END_OF_DATA, "250 2.0.0 Ok: queued as SCRIPTED",
            "RSET", "250 2.0.0 Ok",
            "NOOP", "250 2.0.0 Ok",
            "QUIT", "221 2.0.0 Bye"));
    private final Map<String, Deque<String>> onceReplies = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedSmtpServer() throws IOException {
        this.server = new ServerSocket(0);
        Thread.ofVirtual().name("scripted-smtp-accept").start(this::accept);
    }

    static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the command (EHLO, MAIL, RCPT, DATA, {@link #END_OF_DATA}...) with this reply from now on. */
    ScriptedSmtpServer replying(String command, String reply) {
        replies.put(command, reply);
        return this;
    }

    /** Answers the next such command with this reply, then goes back to the usual one. */
    ScriptedSmtpServer replyingOnce(String command, String reply) {
        onceReplies.computeIfAbsent(command, c -> new ConcurrentLinkedDeque<>()).add(reply);
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** The commands received, in order, on every connection ("MAIL FROM:&lt;...&gt;", "DATA"...). */
    List<String> commands() {
        return List.copyOf(commands);
    }

    long count(String verb) {
        return commands.stream().filter(c -> verb(c).equals(verb)).count();
    }

    /** Closes every open client connection, as a server does to idle clients. */
    void dropConnections() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        clients.clear();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        dropConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                clients.add(client);
                Thread.ofVirtual().name("scripted-smtp-client").start(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
            if (!answer(out, "220 scripted.test ESMTP")) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = verb(line);
                String reply = replyTo(verb);
                if (!answer(out, reply)) {
                    return;
                }
                if (verb.equals("DATA") && reply.startsWith("354")) {
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    commands.add(END_OF_DATA);
                    if (!answer(out, replyTo(END_OF_DATA))) {
                        return;
                    }
                }
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the test dropped the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String replyTo(String verb) {
        Deque<String> once = onceReplies.get(verb);
        String next = once == null ? null : once.poll();
        return next != null ? next : replies.getOrDefault(verb, "502 5.5.2 Command not recognized");
    }

    /** Writes a reply; false when the script says to hang or close instead. */
    private boolean answer(Writer out, String reply) throws IOException, InterruptedException {
        if (reply.equals(HANG)) {
            closed.await();
            return false;
        }
        if (reply.equals(CLOSE)) {
            return false;
        }
        out.write(reply + "\r\n");
        out.flush();
        return true;
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        int colon = word.indexOf(':');
        return (colon < 0 ? word : word.substring(0, colon)).toUpperCase(Locale.ROOT);
    }
}
