package ai.automlgen.cli.bench.system;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles and rates of measured samples. Percentiles use the nearest-rank rule (the smallest value
 * with at least p% of the sample at or below it), so every reported figure is one that was measured.
 */
public final class Statistics {
    private Statistics() {
    }

    /** A sample of durations in milliseconds. */
    public record Latency(int count, double p50, double p90, double p99, double mean, double min, double max) {
    }

    public static Latency latency(Collection<Double> millis) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("a latency summary needs at least one measurement");
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Latency(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                Arrays.stream(sorted).average().orElseThrow(), sorted[0], sorted[sorted.length - 1]);
    }

    /** Nearest rank: the value at 1-based position ceil(p/100 * n) of the sorted sample. */
    static double percentile(double[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile lies in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Completions per second over a window of {@code windowMillis}. */
    public static double perSecond(int completed, double windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("a throughput window must be positive, got " + windowMillis + " ms");
        }
        return completed * 1000.0 / windowMillis;
    }
}
