package ai.automlgen.cli.bench;

import java.util.List;
import java.util.Locale;

/** Mean, sample standard deviation, minimum and maximum of a few values (e.g. one per seed). */
public record Spread(double mean, double std, double min, double max, int n) {

    /** Null for no values; the standard deviation of one value is 0. */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = values.size() < 2 ? 0.0 : Math.sqrt(squares / (values.size() - 1));
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Spread(mean, std, min, max, values.size());
    }

    /** "0.412 ± 0.051 (0.350–0.470)", or "0.412" for a single value. */
    public String format() {
        if (n == 1) {
            return String.format(Locale.ROOT, "%.3f", mean);
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f (%.3f–%.3f)", mean, std, min, max);
    }
}
