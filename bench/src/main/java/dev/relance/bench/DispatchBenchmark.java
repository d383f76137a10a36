package dev.relance.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.dispatch.Dispatcher;
import dev.relance.engine.tracking.TrackingLinks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * End-to-end dispatch throughput: N due steps over M mailboxes, through the real engine (claim,
 * send-time checks, rendering, the SENDING row, SMTP, the SENT row, the enrollment's advance, the
 * events) into a local {@link SmtpSink}, on an embedded PostgreSQL. One {@link Dispatcher#runDueWork()}
 * call is timed after a warm-up run; then a plain Jakarta Mail loop sends as many equivalent
 * messages over as many connections into the same sink, as the ceiling. See bench/README.md.
 *
 * <p>{@code -Dbench.steps} (default 20,000), {@code -Dbench.mailboxes} (20), {@code -Dbench.warmup}
 * (2,000); {@code -Dbench.jfr=<file>} and {@code -Dbench.pgstat=true} profile the measured run; any
 * {@code relance.*} or {@code spring.*} property may be overridden the same way.
 */
public final class DispatchBenchmark {

    private static final String SENT = """
            SELECT count(*) FROM message WHERE state = 'SENT'
            """;
    private static final String FINISHED = """
            SELECT count(*) FROM enrollment WHERE state = 'FINISHED'
            """;
    private static final String SENT_EVENTS = """
            SELECT count(*) FROM event WHERE type = 'SENT'
            """;
    // The engine's last email, as the model of the plain loop's messages.
    private static final String LAST_EMAIL = """
            SELECT m.enrollment_id, m.step_id, m.subject, m.body_text, p.email, p.first_name, p.last_name,
                   b.email_address, b.display_name
              FROM message m JOIN prospect p ON p.id = m.prospect_id JOIN mailbox b ON b.id = m.mailbox_id
             ORDER BY m.id DESC
             LIMIT 1
            """;

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.getInteger("bench.steps", 20_000);
        int mailboxes = Integer.getInteger("bench.mailboxes", 20);
        int warmup = Integer.getInteger("bench.warmup", 2_000);
        long setupStart = System.nanoTime();
        try (EmbeddedPostgres postgres = PgStatements.configure(EmbeddedPostgres.builder()).start();
             SmtpSink sink = new SmtpSink(Math.max(steps, warmup));
             ConfigurableApplicationContext engine = engine(postgres, mailboxes)) {
            CpuSplit.watchPostgres(postgres.getPort());
            Clock clock = engine.getBean(Clock.class);
            JdbcClient jdbc = engine.getBean(JdbcClient.class);
            DispatchFixture fixture = DispatchFixture.create(engine, sink.port(), mailboxes);
            DispatchFixture.Group warm = fixture.enroll(warmup);
            DispatchFixture.Group measured = fixture.enroll(steps);
            fixture.postpone(measured, clock.instant().plus(Duration.ofDays(1)));
            System.out.printf(Locale.ROOT, "setup: %,d prospects enrolled on %d mailboxes in %.1f s%n", warmup + steps,
                    mailboxes, (System.nanoTime() - setupStart) / 1e9);

            Dispatcher dispatcher = engine.getBean(Dispatcher.class);
            fixture.makeDue(warm, clock.instant());
            fixture.settle();
            System.out.println("warm-up: " + DispatchRun.of(dispatcher, sink, warmup).describe());

            fixture.makeDue(measured, clock.instant());
            fixture.settle();
            PgStatements.reset(jdbc);
            DispatchRun run = Profile.during(() -> DispatchRun.of(dispatcher, sink, steps));
            long engineBytes = sink.bytes();
            System.out.println("measured: " + run.describe());
            PgStatements.print(jdbc, steps);
            checkRecorded(jdbc, warmup + steps);

            // The plain loop is cheap: it warms up on as many messages as it then measures.
            double plainRate = ceiling(new PlainSmtpLoop(sink.port(), lastEmail(engine)), sink, mailboxes, steps,
                    Math.max(warmup, steps), engineBytes);
            printTable(steps, mailboxes, run, plainRate);
        }
    }

    /** The engine, sending to the sink with M connections at once. */
    private static ConfigurableApplicationContext engine(EmbeddedPostgres postgres, int mailboxes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        // Each mailbox's worker holds a connection through its SMTP transaction; a few more serve the claim.
        settings.put("spring.datasource.hikari.maximum-pool-size", mailboxes + 4);
        settings.put("relance.dispatch.batch-size", 500);
        settings.put("relance.dispatch.concurrency", mailboxes);
        settings.put("relance.dispatch.prospect-min-gap", "0s");
        return BenchEngine.start(postgres, settings);
    }

    /** Every step of both runs is recorded as the engine leaves a sent last step: message SENT, enrollment FINISHED, event. */
    private static void checkRecorded(JdbcClient jdbc, int expected) {
        long sent = jdbc.sql(SENT).query(Long.class).single();
        long finished = jdbc.sql(FINISHED).query(Long.class).single();
        long events = jdbc.sql(SENT_EVENTS).query(Long.class).single();
        if (sent != expected || finished != expected || events != expected) {
            throw new IllegalStateException("recorded " + sent + " SENT messages, " + finished + " finished enrollments, "
                    + events + " SENT events; expected " + expected);
        }
    }

    /** The plain loop's rate over as many connections as mailboxes, after a warm-up of its own. */
    private static double ceiling(PlainSmtpLoop plain, SmtpSink sink, int connections, int messages, int warmup,
            long engineBytes) throws InterruptedException {
        sink.reset(Math.max(messages, warmup));
        plain.run(connections, warmup);
        sink.reset(messages);
        long nanos = plain.run(connections, messages);
        System.out.printf(Locale.ROOT, "plain loop: %,d messages in %.2f s; bytes per message: engine %,d, plain %,d%n",
                messages, nanos / 1e9, engineBytes / messages, sink.bytes() / messages);
        return messages / (nanos / 1e9);
    }

    private static PlainSmtpLoop.Sample lastEmail(ConfigurableApplicationContext engine) {
        TrackingLinks links = engine.getBean(TrackingLinks.class);
        return engine.getBean(JdbcClient.class).sql(LAST_EMAIL).query((rs, row) -> {
            long enrollment = rs.getLong("enrollment_id");
            long step = rs.getLong("step_id");
            String from = rs.getString("email_address");
            return new PlainSmtpLoop.Sample(from, rs.getString("display_name"), rs.getString("email"),
                    rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("subject"),
                    rs.getString("body_text"), links.unsubscribeUrl(enrollment, step),
                    links.unsubscribeMailto(from, enrollment, step));
        }).single();
    }

    private static void printTable(int steps, int mailboxes, DispatchRun run, double plainRate) {
        System.out.println();
        System.out.println("| steps (N) | mailboxes (M) | steps/s | p50 | p99 | plain loop msgs/s | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %,d | %d | %,.0f | %s | %s | %,.0f | %.0f%% |%n", steps, mailboxes,
                run.perSecond(), DispatchRun.millis(run.p50()), DispatchRun.millis(run.p99()), plainRate,
                100 * run.perSecond() / plainRate);
    }
}
