package ai.automlgen.cli.bench;

/**
 * A test score on a scale shared by all tasks (issue #8 item 2): linear, 0 at the leaderboard median, 1 at the
 * gold threshold, above 1 past gold and negative below the median, whichever way the metric points.
 */
public final class NormalisedScore {
    private NormalisedScore() {
    }

    /**
     * Null when there is nothing to normalise: no score, an undefined score, or unknown thresholds. When gold
     * equals the median there is no scale: a score that reaches gold is 1, any other is 0.
     */
    public static Double of(Double score, CellResult.Thresholds thresholds, Boolean lowerIsBetter) {
        if (score == null || score.isNaN() || score.isInfinite() || thresholds == null || lowerIsBetter == null) {
            return null;
        }
        double gold = thresholds.gold();
        double median = thresholds.median();
        if (gold == median) {
            boolean reachesGold = lowerIsBetter ? score <= gold : score >= gold;
            return reachesGold ? 1.0 : 0.0;
        }
        // (score - median) / (gold - median) is direction-aware by itself: for lower-is-better metrics both
        // differences change sign together.
        return (score - median) / (gold - median);
    }
}
