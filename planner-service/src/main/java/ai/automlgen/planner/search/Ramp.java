package ai.automlgen.planner.search;

/**
 * A piecewise-linear schedule over a budget fraction: {@code startValue} until {@code from}, then linear
 * to {@code endValue} at {@code to}, and {@code endValue} after.
 */
public record Ramp(double startValue, double endValue, double from, double to) {
    public Ramp {
        if (!(0.0 <= from && from <= to && to <= 1.0)) {
            throw new IllegalArgumentException("a schedule needs 0 <= from <= to <= 1, got from=" + from + " to=" + to);
        }
    }

    public double valueAt(double fraction) {
        if (fraction <= from) {
            return startValue;
        }
        if (fraction >= to) {
            return endValue;
        }
        return startValue + (endValue - startValue) * (fraction - from) / (to - from);
    }
}
