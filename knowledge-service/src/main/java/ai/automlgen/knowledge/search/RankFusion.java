package ai.automlgen.knowledge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher 2009): each ranking adds 1 / (k + rank) to an
 * entity, rank counted from 1. It needs no score calibration between BM25 and cosine similarity.
 */
public final class RankFusion {
    /** The paper's constant; it damps the weight of the very top ranks. */
    public static final int K = 60;

    private RankFusion() {
    }

    /** Fused ranking, best first; ties keep the order of first appearance. */
    public static List<Scored> reciprocalRank(List<List<Scored>> rankings, int k) {
        Map<Integer, Double> fused = new LinkedHashMap<>();
        for (List<Scored> ranking : rankings) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                fused.merge(ranking.get(rank - 1).ordinal(), 1.0 / (k + rank), Double::sum);
            }
        }
        List<Scored> result = new ArrayList<>();
        fused.forEach((ordinal, score) -> result.add(new Scored(ordinal, score)));
        result.sort(Comparator.comparingDouble(Scored::score).reversed());
        return result;
    }
}
