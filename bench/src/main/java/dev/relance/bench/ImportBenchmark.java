package dev.relance.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.enrollment.bulk.EnrollmentJob;
import dev.relance.engine.enrollment.bulk.EnrollmentJobRequest;
import dev.relance.engine.enrollment.bulk.EnrollmentJobService;
import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportOptions;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.ScheduleDraft;
import dev.relance.engine.sequence.SendWindow;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.TimeZonePolicy;
import dev.relance.engine.sequence.VariantDraft;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Generates a CSV of N prospects (default 1,000,000: French and English names with accents, 2%
 * invalid emails, 15% free-mail addresses, 20,000 companies, quoted titles with commas) and imports it
 * through {@link ImportService} on an embedded PostgreSQL, as the API would, then enrolls every
 * prospect it created into a sequence with one mailbox through a bulk enrollment job
 * ({@link EnrollmentJobService}). Prints rows per second for each phase, the total, the peak heap
 * sampled every 20 ms, and the load average.
 */
public final class ImportBenchmark {

    private static final String[] FIRST = {"Hélène", "José", "François", "Zoé", "Anaïs", "Jérôme", "Ann", "Bob", "Chloé",
        "Maël", "Noël", "Mike", "Sarah", "Léa", "Ørjan", "Björn"};
    private static final String[] LAST = {"Dupré", "Müller", "Lefèvre", "Smith", "Garçon", "Nguyen", "Brown", "Côté",
        "Martin", "O'Brien", "Ibáñez", "Leroy"};
    private static final String[] TITLES = {"CEO", "\"Head of Sales, EMEA\"", "Directrice générale", "CTO",
        "Responsable marketing", "VP Engineering", "\"Account Executive, \"\"Mid-Market\"\"\""};
    private static final String[] FREE = {"gmail.com", "yahoo.fr", "hotmail.com", "orange.fr", "outlook.com"};
    private static final String[] PLACES = {"France,Paris", "France,Lyon", "États-Unis,New York", "USA,Chicago",
        "Canada,Montréal", "Belgique,Bruxelles", "Germany,Berlin", "United Kingdom,London", "Brazil,São Paulo", "Spain,"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path folder = Files.createTempDirectory("relance-import-bench");
        Path csv = folder.resolve("prospects.csv");
        long generated = generate(csv, rows);
        System.out.printf(Locale.ROOT, "file: %,d rows, %,d bytes%n", rows, generated);
        try (EmbeddedPostgres postgres = server(PgStatements.configure(EmbeddedPostgres.builder())).start();
             ConfigurableApplicationContext engine = engine(postgres, folder.resolve("imports"))) {
            long owner = engine.getBean(UserService.class)
                    .create(new UserDraft("bench", "bench@relance.test", "Bench", Role.SDR, "a-long-password", true)).id();
            long mailbox = engine.getBean(MailboxService.class).create(new MailboxDraft("sender@relance.example", "Bench",
                    null, owner, new ServerDraft("127.0.0.1", 2525, TransportSecurity.NONE, "sender", "secret"), null,
                    10_000_000, 10_000_000, 0, 0, "Europe/Paris", "1 rue de la Paix, 75002 Paris")).id();
            long sequence = sequence(engine, owner);
            JdbcClient jdbc = engine.getBean(JdbcClient.class);
            PgStatements.reset(jdbc);
            double loadBefore = loadAverage();
            HeapPeak heap = HeapPeak.start();
            long start = System.nanoTime();
            Import done = importFile(engine.getBean(ImportService.class), csv, owner);
            long imported = System.nanoTime();
            EnrollmentJob enrolled = enroll(engine.getBean(EnrollmentJobService.class), sequence, mailbox, owner,
                    done.id());
            long end = System.nanoTime();
            heap.stop();
            double importSeconds = (imported - start) / 1e9;
            double enrollSeconds = (end - imported) / 1e9;
            System.out.printf(Locale.ROOT, "import %s: %,d read, %,d created, %,d failed, %,d unchanged%n", done.status(),
                    done.rowsRead(), done.created(), done.failed(), done.unchanged());
            System.out.printf(Locale.ROOT, "enrollment job %s: %,d selected, %,d enrolled, %,d skipped%n",
                    enrolled.status(), enrolled.total(), enrolled.enrolled(), enrolled.skipped());
            System.out.printf(Locale.ROOT, "import (upload copy + job): %.1f s = %,.0f rows/s%n", importSeconds,
                    rows / importSeconds);
            System.out.printf(Locale.ROOT, "enrollment job: %.1f s = %,.0f prospects/s%n", enrollSeconds,
                    enrolled.total() / enrollSeconds);
            System.out.printf(Locale.ROOT, "total: %.1f s for %,d rows%n", importSeconds + enrollSeconds, rows);
            PgStatements.print(jdbc, rows);
            System.out.printf(Locale.ROOT, "peak heap used: %,d MB sampled every 20 ms (max heap %,d MB)%n",
                    heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "load average (1 min): %.2f before, %.2f after%n", loadBefore, loadAverage());
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Imports the file as the API does (the upload is copied to the imports folder first) and waits for the end. */
    private static Import importFile(ImportService imports, Path csv, long owner) throws Exception {
        Import started;
        try (InputStream in = Files.newInputStream(csv)) {
            started = imports.start(in, "prospects.csv", new ImportOptions(null, DuplicatePolicy.FILL_EMPTY, null, null,
                    null), owner, true);
        }
        imports.awaitRun(started.id(), Duration.ofMinutes(30));
        return imports.get(started.id());
    }

    /** Enrolls the prospects of the import (its source {@code importId}) in this thread. */
    private static EnrollmentJob enroll(EnrollmentJobService jobs, long sequence, long mailbox, long owner, long importId) {
        EnrollmentJob job = jobs.create(new EnrollmentJobRequest(sequence, mailbox, null, null, importId, null, null, null),
                owner, owner, true);
        return jobs.run(job.id());
    }

    /** An active one-step sequence whose send windows are read in each prospect's time zone. */
    private static long sequence(ConfigurableApplicationContext engine, long owner) {
        List<SendWindow> weekdays = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new SendWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        StepDraft firstTouch = new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES),
                ThreadMode.NEW_THREAD, null, List.of(new VariantDraft(null, "A", 1, "Quick question, {{ first_name | default: \"there\" }}",
                        null, "Hello {{ first_name | default: \"there\" }},")));
        return engine.getBean(SequenceService.class).create(new SequenceDraft("Bench import", null, SequenceStatus.ACTIVE,
                owner, SequenceRules.defaults(), new ScheduleDraft(TimeZonePolicy.PROSPECT, null, null, weekdays),
                List.of(firstTouch)), owner).id();
    }

    /**
     * With {@code -Dbench.pg.tuned=true} (default), the server is set up as one would be for a bulk
     * load of this size: buffers that hold the prospect table and its indexes, and WAL room for the
     * whole run, so that no checkpoint (and no full-page image after it) lands in the middle of it.
     * {@code false} keeps PostgreSQL's defaults (128MB buffers, 1GB of WAL between checkpoints).
     */
    private static EmbeddedPostgres.Builder server(EmbeddedPostgres.Builder builder) {
        if (!Boolean.parseBoolean(System.getProperty("bench.pg.tuned", "true"))) {
            return builder;
        }
        return builder.setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long generate(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Prénom,Nom,E-mail,Société,Poste,Téléphone,Pays,Ville,Person Linkedin Url\n");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                int company = random.nextInt(20_000);
                int kind = random.nextInt(100);
                String email = kind < 2 ? "invalid-" + i + "-at-nowhere"
                        : kind < 17 ? "p" + i + "@" + FREE[random.nextInt(FREE.length)]
                        : "p" + i + "@company" + company + ".example";
                out.write(first + "," + last + "," + email + ",Company " + company + " SAS,"
                        + TITLES[random.nextInt(TITLES.length)] + ",+33 1 23 45 " + (10 + random.nextInt(90)) + " 00,"
                        + PLACES[random.nextInt(PLACES.length)] + ",https://www.linkedin.com/in/p" + i + "\n");
            }
        }
        return Files.size(csv);
    }

    private static ConfigurableApplicationContext engine(EmbeddedPostgres postgres, Path imports) {
        return BenchEngine.start(postgres, Map.of("relance.imports.directory", imports.toString(),
                "relance.enrollment-jobs.partitions", 2));
    }

    /** Samples the heap in use every 20 ms on a daemon thread. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        static HeapPeak start() {
            HeapPeak heap = new HeapPeak();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
                while (heap.running) {
                    heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return heap;
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak.get();
        }
    }
}
