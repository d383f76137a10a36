package dev.relance.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.relance.engine.dispatch.DispatchReport;
import dev.relance.engine.dispatch.Dispatcher;
import dev.relance.engine.dispatch.StepOutcome;

/**
 * One timed {@link Dispatcher#runDueWork()} over a backlog of due steps. Its latencies run from the
 * start of the call to each message's acceptance by the sink (the instant the sink read the final
 * {@code "."} of DATA); every step was due before the call started.
 *
 * @param latencies nanoseconds from the start of the run to each acceptance, ascending
 */
record DispatchRun(int sent, double seconds, long[] latencies, Map<StepOutcome, Integer> outcomes, CpuSplit cpu) {

    /** Runs the dispatcher once and checks that it sent exactly the {@code expected} due steps. */
    static DispatchRun of(Dispatcher dispatcher, SmtpSink sink, int expected) {
        sink.reset(expected);
        CpuSplit.Mark before = CpuSplit.mark();
        long start = System.nanoTime();
        DispatchReport report = dispatcher.runDueWork();
        long elapsed = System.nanoTime() - start;
        CpuSplit cpu = CpuSplit.since(before);
        if (report.count(StepOutcome.SENT) != expected || sink.accepted() != expected) {
            throw new IllegalStateException("expected " + expected + " sends, got " + report.outcomes() + " and "
                    + sink.accepted() + " accepted by the sink");
        }
        long[] latencies = sink.acceptanceTimes();
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] -= start;
        }
        Arrays.sort(latencies);
        return new DispatchRun(expected, elapsed / 1e9, latencies, report.outcomes(), cpu);
    }

    double perSecond() {
        return sent / seconds;
    }

    long p50() {
        return percentile(0.50);
    }

    long p99() {
        return percentile(0.99);
    }

    /** Nearest rank. */
    long percentile(double p) {
        return latencies[Math.max(0, (int) Math.ceil(p * latencies.length) - 1)];
    }

    /** Sends per second over the second half of the run: whether the pace changes as the run goes on. */
    double secondHalfPerSecond() {
        int half = latencies.length / 2;
        return (latencies.length - half) / ((latencies[latencies.length - 1] - latencies[half - 1]) / 1e9);
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d steps in %.2f s = %,.0f steps/s (second half %,.0f/s); first SMTP accept "
                + "after %s, p50 %s, p99 %s, last %s; %s; %s", sent, seconds, perSecond(), secondHalfPerSecond(),
                millis(latencies[0]), millis(p50()), millis(p99()), millis(latencies[latencies.length - 1]), outcomes, cpu);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }
}
