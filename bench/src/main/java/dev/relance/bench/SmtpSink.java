package dev.relance.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server that accepts everything and keeps nothing: the far end of the dispatch
 * benchmark. It listens on a free port of 127.0.0.1, serves each connection on its own virtual
 * thread and speaks just enough ESMTP for Jakarta Mail (EHLO, AUTH PLAIN/LOGIN accepting any
 * password, MAIL, RCPT, DATA, RSET, NOOP, QUIT). For each accepted message it records the
 * {@link System#nanoTime()} at which the terminating {@code "."} line was read, just before the
 * 250 answer is written: the instant the message counts as accepted.
 */
final class SmtpSink implements AutoCloseable {

    private static final byte[] GREETING = ascii("220 127.0.0.1 relance bench sink ESMTP\r\n");
    private static final byte[] EHLO = ascii("250-127.0.0.1\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n");
    private static final byte[] OK = ascii("250 OK\r\n");
    private static final byte[] START_DATA = ascii("354 End data with <CR><LF>.<CR><LF>\r\n");
    private static final byte[] AUTHENTICATED = ascii("235 2.7.0 Authentication successful\r\n");
    private static final byte[] CHALLENGE = ascii("334 \r\n");
    private static final byte[] BYE = ascii("221 Bye\r\n");
    private static final byte[] UNKNOWN = ascii("502 Command not implemented\r\n");
    private static final int MAX_LINE = 4_096;

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long[] acceptedAt;

    /** Starts listening; {@code capacity} is the most acceptance times kept between two {@link #reset}s. */
    SmtpSink(int capacity) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptedAt = new long[capacity];
        this.acceptor = Thread.ofPlatform().name("smtp-sink-acceptor").daemon().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Forgets the counts and times so far, keeping room for {@code capacity} acceptances. */
    void reset(int capacity) {
        acceptedAt = new long[capacity];
        accepted.set(0);
        bytes.set(0);
    }

    int accepted() {
        return accepted.get();
    }

    /** Bytes of message content (between DATA and the final dot) accepted since the last reset. */
    long bytes() {
        return bytes.get();
    }

    int connectionsOpened() {
        return connections.get();
    }

    /** The nanoTime of each acceptance since the last reset, in acceptance order. */
    long[] acceptanceTimes() {
        return Arrays.copyOf(acceptedAt, Math.min(accepted.get(), acceptedAt.length));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                Thread.ofVirtual().name("smtp-sink-" + socket.getPort()).start(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("sink: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4_096)) {
            reply(out, GREETING);
            byte[] line = new byte[MAX_LINE];
            int length;
            while ((length = readLine(in, line)) >= 0) {
                String verb = verb(line, length);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, EHLO);
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, OK);
                    case "AUTH" -> authenticate(in, out, line, length);
                    case "DATA" -> {
                        reply(out, START_DATA);
                        long size = readData(in);
                        if (size < 0) {
                            return;
                        }
                        record(size);
                        reply(out, OK);
                    }
                    case "QUIT" -> {
                        reply(out, BYE);
                        return;
                    }
                    default -> reply(out, UNKNOWN);
                }
            }
        } catch (IOException e) {
            // the client went away (a QUIT without waiting for the answer); nothing to keep
        }
    }

    private void record(long size) {
        long now = System.nanoTime();
        int index = accepted.getAndIncrement();
        long[] times = acceptedAt;
        if (index < times.length) {
            times[index] = now;
        }
        bytes.addAndGet(size);
    }

    /** AUTH PLAIN with or without an initial response, or AUTH LOGIN: any credentials pass. */
    private static void authenticate(InputStream in, OutputStream out, byte[] line, int length) throws IOException {
        String[] words = new String(line, 0, length, StandardCharsets.US_ASCII).trim().split(" +");
        String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        int rounds = switch (mechanism) {
            case "PLAIN" -> words.length > 2 ? 0 : 1;
            case "LOGIN" -> words.length > 2 ? 1 : 2;
            default -> -1;
        };
        if (rounds < 0) {
            reply(out, UNKNOWN);
            return;
        }
        byte[] answer = new byte[MAX_LINE];
        for (int i = 0; i < rounds; i++) {
            reply(out, CHALLENGE);
            if (readLine(in, answer) < 0) {
                return;
            }
        }
        reply(out, AUTHENTICATED);
    }

    /**
     * Reads message content up to and including the {@code CRLF.CRLF} that ends it; returns the
     * number of content bytes, or -1 when the connection ended first.
     */
    private static long readData(InputStream in) throws IOException {
        // 0: inside a line; 1: after CR; 2: at the start of a line; 3: "." at the start of a line; 4: ".CR"
        int state = 2;
        long size = 0;
        int b;
        while ((b = in.read()) >= 0) {
            size++;
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
                case 2 -> b == '.' ? 3 : b == '\r' ? 1 : 0;
                case 3 -> b == '\r' ? 4 : 0;
                case 4 -> b == '\n' ? 5 : b == '\r' ? 1 : 0;
                default -> throw new IllegalStateException();
            };
            if (state == 5) {
                return size - 3;
            }
        }
        return -1;
    }

    /** Reads one line without its CRLF into {@code buffer} (truncated at its size); -1 at end of stream. */
    private static int readLine(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int kept = Math.min(length, buffer.length);
                return kept > 0 && buffer[kept - 1] == '\r' ? kept - 1 : kept;
            }
            if (length < buffer.length) {
                buffer[length] = (byte) b;
            }
            length++;
        }
        return -1;
    }

    private static String verb(byte[] line, int length) {
        int end = 0;
        while (end < length && end < 8 && line[end] != ' ') {
            end++;
        }
        return new String(line, 0, end, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }

    private static void reply(OutputStream out, byte[] answer) throws IOException {
        out.write(answer);
        out.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
