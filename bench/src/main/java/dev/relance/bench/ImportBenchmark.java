package dev.relance.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;

import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportOptions;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.prospect.DuplicatePolicy;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Generates a CSV of N prospects (default 1,000,000: French and English names with accents, 2%
 * invalid emails, 15% free-mail addresses, 20,000 companies, quoted titles with commas) and imports it
 * through {@link ImportService} on an embedded PostgreSQL, as the API would. Prints rows per second
 * for the import alone (no enrollment) and the peak heap sampled every 20 ms.
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
        try (EmbeddedPostgres postgres = PgStatements.configure(EmbeddedPostgres.builder()).start();
             ConfigurableApplicationContext engine = engine(postgres, folder.resolve("imports"))) {
            long owner = engine.getBean(UserService.class)
                    .create(new UserDraft("bench", "bench@relance.test", "Bench", Role.SDR, "a-long-password", true)).id();
            ImportService imports = engine.getBean(ImportService.class);
            org.springframework.jdbc.core.simple.JdbcClient jdbc = engine.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            PgStatements.reset(jdbc);
            HeapPeak heap = HeapPeak.start();
            long start = System.nanoTime();
            Import started;
            try (InputStream in = Files.newInputStream(csv)) {
                started = imports.start(in, "prospects.csv", new ImportOptions(null, DuplicatePolicy.FILL_EMPTY, null,
                        null, null), owner, true);
            }
            long stored = System.nanoTime();
            imports.awaitRun(started.id(), Duration.ofMinutes(30));
            long end = System.nanoTime();
            heap.stop();
            Import done = imports.get(started.id());
            double seconds = (end - start) / 1e9;
            System.out.printf(Locale.ROOT, "import %s: %,d read, %,d created, %,d failed, %,d unchanged%n", done.status(),
                    done.rowsRead(), done.created(), done.failed(), done.unchanged());
            System.out.printf(Locale.ROOT, "upload copy + header check: %.1f s; job: %.1f s; total %.1f s = %,.0f rows/s%n",
                    (stored - start) / 1e9, (end - stored) / 1e9, seconds, rows / seconds);
            PgStatements.print(jdbc, rows);
            System.out.printf(Locale.ROOT, "peak heap used: %,d MB (max heap %,d MB)%n", heap.peak() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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
        return BenchEngine.start(postgres, Map.of("relance.imports.directory", imports.toString()));
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
