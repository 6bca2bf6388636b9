package ai.automlgen.knowledge.quality;

import java.util.List;
import java.util.Set;

/** Binary-relevance ranking metrics. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Share of the relevant ids found in the first k results. */
    public static double recallAt(int k, List<String> ranked, Set<String> relevant) {
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    /** Discounted cumulative gain of the first k results over that of the ideal ranking. */
    public static double ndcgAt(int k, List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
