package ai.automlgen.evaluator.medals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Medal thresholds from a Kaggle private leaderboard by MLE-bench's rule: the leaderboard scores at
 * 1-based positions that depend on the number of teams N (int() truncation), and the leaderboard median.
 */
public record MedalThresholds(double gold, double silver, double bronze, double median, boolean lowerIsBetter,
                              int teams) {

    /** Scores best first, as leaderboard.csv lists them; lower is better when the first is below the last. */
    public static MedalThresholds fromLeaderboard(List<Double> scoresBestFirst) {
        int n = scoresBestFirst.size();
        if (n == 0) {
            throw new IllegalArgumentException("leaderboard has no scores");
        }
        int gold;
        int silver;
        int bronze;
        if (n < 100) {
            gold = Math.max(1, (int) (0.1 * n));
            silver = Math.max(1, (int) (0.2 * n));
            bronze = Math.max(1, (int) (0.4 * n));
        } else if (n < 250) {
            gold = 10;
            silver = (int) (0.2 * n);
            bronze = (int) (0.4 * n);
        } else if (n < 1000) {
            gold = 10 + (int) (0.002 * n);
            silver = 50;
            bronze = 100;
        } else {
            gold = 10 + (int) (0.002 * n);
            silver = (int) (0.05 * n);
            bronze = (int) (0.1 * n);
        }
        boolean lowerIsBetter = scoresBestFirst.get(0) < scoresBestFirst.get(n - 1);
        return new MedalThresholds(scoresBestFirst.get(gold - 1), scoresBestFirst.get(silver - 1),
                scoresBestFirst.get(bronze - 1), median(scoresBestFirst), lowerIsBetter, n);
    }

    /** pandas' median: the middle score, or the mean of the two middle ones. */
    private static double median(List<Double> scores) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The medal a score earns: it is rounded to 5 decimals, then compared inclusively with each
     * threshold, best medal first. Null for no medal or a score that is not a finite number (NaN, infinity).
     */
    public Medal medal(double score) {
        if (!Double.isFinite(score)) {
            return null;
        }
        double rounded = round5(score);
        for (Medal medal : Medal.values()) {
            if (reaches(rounded, threshold(medal))) {
                return medal;
            }
        }
        return null;
    }

    /** Strictly better than the leaderboard median. */
    public boolean aboveMedian(double score) {
        if (!Double.isFinite(score)) {
            return false;
        }
        double rounded = round5(score);
        return lowerIsBetter ? rounded < median : rounded > median;
    }

    /** 1-based place the score would take on the leaderboard (ties share the better place). */
    public int position(double score, List<Double> scoresBestFirst) {
        if (!Double.isFinite(score)) {
            return scoresBestFirst.size() + 1;
        }
        double rounded = round5(score);
        int better = 0;
        for (double s : scoresBestFirst) {
            if (lowerIsBetter ? s < rounded : s > rounded) {
                better++;
            }
        }
        return better + 1;
    }

    public double threshold(Medal medal) {
        return switch (medal) {
            case GOLD -> gold;
            case SILVER -> silver;
            case BRONZE -> bronze;
        };
    }

    private boolean reaches(double score, double threshold) {
        return lowerIsBetter ? score <= threshold : score >= threshold;
    }

    /** Python's round(score, 5), as MLE-bench applies it: half-even on the exact binary value, not on its shortest decimal. */
    private static double round5(double score) {
        return new BigDecimal(score).setScale(5, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Override
    public String toString() {
        return "gold " + gold + ", silver " + silver + ", bronze " + bronze + ", median " + median
                + " (" + teams + " teams, " + (lowerIsBetter ? "lower" : "higher") + " is better)";
    }
}
