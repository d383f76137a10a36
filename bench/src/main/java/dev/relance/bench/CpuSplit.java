package dev.relance.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a run: this JVM (engine, JDBC driver, Jakarta Mail and the
 * sink), the embedded PostgreSQL (its processes, exited ones included), anything else running on
 * the machine, and idle. Read from the JVM's own CPU time and from Linux's {@code /proc}; elsewhere
 * only the JVM's share is known.
 */
record CpuSplit(double wallSeconds, double jvmSeconds, double postgresSeconds, double busySeconds, double idleSeconds,
        long gcMillis, int cores) {

    /** CPU counters at one instant. */
    record Mark(long wallNanos, long jvmNanos, long postgresTicks, long[] machineTicks, long gcMillis) {
    }

    private static volatile ProcessHandle postgres;

    /** The PostgreSQL server listening on {@code port} (found by its command line): its whole process tree is counted. */
    static void watchPostgres(int port) {
        postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(c -> c.contains("postgres") && c.contains("-p " + port + " "))
                        .isPresent())
                .findFirst().orElse(null);
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux build that matters

    static Mark mark() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
        return new Mark(System.nanoTime(), os.getProcessCpuTime(), postgresTicks(), machineTicks(), gc);
    }

    static CpuSplit since(Mark before) {
        Mark now = mark();
        double busy = Double.NaN;
        double idle = Double.NaN;
        if (before.machineTicks() != null && now.machineTicks() != null) {
            long[] a = before.machineTicks();
            long[] b = now.machineTicks();
            idle = ((b[3] - a[3]) + (b[4] - a[4])) / TICKS_PER_SECOND;
            long total = 0;
            for (int i = 0; i < Math.min(a.length, 8); i++) {
                total += b[i] - a[i];
            }
            busy = total / TICKS_PER_SECOND - idle;
        }
        return new CpuSplit((now.wallNanos() - before.wallNanos()) / 1e9, (now.jvmNanos() - before.jvmNanos()) / 1e9,
                (now.postgresTicks() - before.postgresTicks()) / TICKS_PER_SECOND, busy, idle,
                now.gcMillis() - before.gcMillis(), Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
        double capacity = wallSeconds * cores;
        if (Double.isNaN(busySeconds)) {
            return String.format(Locale.ROOT, "CPU: JVM %.1f s of %.1f core-s; GC pauses %d ms", jvmSeconds, capacity,
                    gcMillis);
        }
        return String.format(Locale.ROOT, "CPU of %.1f core-s: JVM %.0f%%, PostgreSQL %.0f%%, other processes %.0f%%, "
                + "idle %.0f%%; GC %d ms", capacity, 100 * jvmSeconds / capacity, 100 * postgresSeconds / capacity,
                100 * (busySeconds - jvmSeconds - postgresSeconds) / capacity, 100 * idleSeconds / capacity, gcMillis);
    }

    /** utime + stime + cutime + cstime of the server's process tree: live processes and reaped ones. */
    private static long postgresTicks() {
        ProcessHandle root = postgres;
        if (root == null) {
            return 0;
        }
        long ticks = ticksOf(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            ticks += ticksOf(child.pid());
        }
        return ticks;
    }

    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** user nice system idle iowait irq softirq steal, in ticks, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] ticks = new long[Math.min(8, fields.length - 1)];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
