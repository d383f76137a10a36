package dev.relance.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.relance.templates.CompiledEmail;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.RenderContext;
import dev.relance.templates.SnippetSource;
import dev.relance.templates.TemplateEngine;

/**
 * Rendering throughput on one thread: a typical 150-word cold email (subject, HTML and text
 * bodies, variables with fallbacks, spintax, a conditional, a date) compiled once and rendered for
 * a thousand distinct prospects, on the engine's fast path and then on Liqp's guarded path (an
 * executor per rendering) for comparison. Seconds are set with {@code -Dbench.warmup} and
 * {@code -Dbench.measure} (defaults 5 and 10).
 */
public final class RenderBenchmark {

    static final String SUBJECT = "{Quick question|Idea} for {{ account.name | default: \"your team\" }}";
    static final String HTML = """
            <p>{Hi|Hello|Hey} {{ first_name | default: "there" }},</p>
            <p>I noticed {{ account.name | default: "your company" }} is hiring SDRs in {{ city | default: "your area" }}.
            Most teams we talk to lose hours every week chasing replies by hand, and the follow-ups that matter slip
            through the cracks while reps copy and paste between tabs.</p>
            {% if title %}<p>As {{ title }}, you probably feel it first when the pipeline dries up at the end of a quarter.</p>{% endif %}
            <p>Relance sends each step from your own mailbox at the right time in each prospect's time zone, stops the
            moment someone replies, and shows which sequences actually book meetings, so the team spends its time on
            conversations instead of spreadsheets.</p>
            <p>Teams like <a href="https://relance.dev/customers/acme">Acme</a> doubled their reply rate in six weeks.
            Would {{ now | date: "%A" }} or later this week work for a short call?</p>
            <p>{{ sender.first_name }}<br>{{ sender.signature }}</p>
            """;
    static final String TEXT = """
            {Hi|Hello|Hey} {{ first_name | default: "there" }},

            I noticed {{ account.name | default: "your company" }} is hiring SDRs in {{ city | default: "your area" }}.
            Most teams we talk to lose hours every week chasing replies by hand, and the follow-ups that matter slip
            through the cracks while reps copy and paste between tabs.
            {% if title %}
            As {{ title }}, you probably feel it first when the pipeline dries up at the end of a quarter.
            {% endif %}
            Relance sends each step from your own mailbox at the right time in each prospect's time zone, stops the
            moment someone replies, and shows which sequences actually book meetings.

            Teams like Acme (https://relance.dev/customers/acme) doubled their reply rate in six weeks.
            Would {{ now | date: "%A" }} or later this week work for a short call?

            {{ sender.first_name }}
            """;

    private static final String[] FIRST = {"Ann", "Bruno", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hugo"};
    private static final String[] CITY = {"Paris", "Lyon", "Boston", "Austin", "Berlin", "Montréal", null};
    private static final String[] ZONE = {"Europe/Paris", "America/New_York", "America/Chicago", "Europe/Berlin"};

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "5"));
        double measure = Double.parseDouble(System.getProperty("bench.measure", "10"));
        List<RenderContext> prospects = prospects(1_000);
        EmailTemplateSource source = new EmailTemplateSource(SUBJECT, HTML, TEXT);

        TemplateEngine fast = new TemplateEngine(null, null);
        Result fastResult = run(fast, fast.compile(source, true, SnippetSource.NONE), prospects, warmup, measure);
        System.out.println(fastResult.describe("fast path (cached nodes, unguarded)"));

        TemplateEngine guarded = TemplateEngine.builder().guardedRenderTime(Duration.ofSeconds(1)).build();
        Result guardedResult = run(guarded, guarded.compile(source, true, SnippetSource.NONE), prospects,
                Math.min(warmup, 3), Math.min(measure, 5));
        System.out.println(guardedResult.describe("Liqp guarded render (time limit)"));
        System.out.printf(Locale.ROOT, "fast path / guarded path = %.1fx%n", fastResult.perSecond() / guardedResult.perSecond());
    }

    private record Result(long renders, double seconds, long allocatedBytes, long checksum) {

        double perSecond() {
            return renders / seconds;
        }

        String describe(String name) {
            return String.format(Locale.ROOT, "%-40s %,10.0f renders/s  %,8.0f ns/render  %,8d bytes/render  (%d renders, checksum %d)",
                    name, perSecond(), seconds * 1e9 / renders, allocatedBytes / Math.max(1, renders), renders, checksum);
        }
    }

    private static Result run(TemplateEngine engine, CompiledEmail email, List<RenderContext> prospects, double warmup,
            double measure) {
        loop(engine, email, prospects, warmup);
        return loop(engine, email, prospects, measure);
    }

    private static Result loop(TemplateEngine engine, CompiledEmail email, List<RenderContext> prospects, double seconds) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long renders = 0;
        long checksum = 0;
        int size = prospects.size();
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                var rendered = engine.render(email, prospects.get((int) (renders++ % size)));
                checksum += rendered.html().length() + rendered.text().length() + rendered.subject().length();
            }
            now = System.nanoTime();
        } while (now < deadline);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Result(renders, (now - start) / 1e9, allocated, checksum);
    }

    static List<RenderContext> prospects(int count) {
        List<RenderContext> prospects = new ArrayList<>(count);
        Instant now = Instant.parse("2026-03-03T08:30:00Z");
        for (int n = 0; n < count; n++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first_name", FIRST[n % FIRST.length] + n);
            variables.put("last_name", "Doe" + n);
            variables.put("email", "p" + n + "@example" + (n % 50) + ".com");
            variables.put("title", n % 3 == 0 ? null : "Head of Sales");
            variables.put("city", CITY[n % CITY.length]);
            variables.put("account", Map.of("name", "Company " + (n % 50), "domain", "example" + (n % 50) + ".com"));
            variables.put("custom", Map.of("industry", "software"));
            variables.put("sender", Map.of("first_name", "Bob", "name", "Bob Martin", "email", "bob@relance.dev",
                    "signature", "<div>Bob Martin<br><a href=\"https://relance.dev\">relance.dev</a></div>",
                    "postal_address", "1 rue de la Paix, 75002 Paris"));
            variables.put("unsubscribe_url", "https://relance.dev/u/" + Long.toHexString(n * 0x9E3779B97F4A7C15L));
            prospects.add(new RenderContext(variables, ZoneId.of(ZONE[n % ZONE.length]),
                    n % 4 == 0 ? Locale.FRENCH : Locale.ENGLISH, n, now.plusSeconds(n * 3_600L)));
        }
        return prospects;
    }
}
