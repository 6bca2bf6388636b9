package ai.automlgen.knowledge.quality;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingMetricsTest {
    @Test
    void recallCountsRelevantIdsInTheTopK() {
        assertEquals(0.5, RankingMetrics.recallAt(2, List.of("a", "x", "b"), Set.of("a", "b")));
    }

    @Test
    void perfectRankingHasNdcgOne() {
        assertEquals(1.0, RankingMetrics.ndcgAt(10, List.of("a", "b", "x"), Set.of("a", "b")), 1e-12);
    }

    @Test
    void relevantAtRankTwoAloneHasNdcgOneOverLog2Of3() {
        assertEquals(1 / (Math.log(3) / Math.log(2)), RankingMetrics.ndcgAt(10, List.of("x", "a"), Set.of("a")), 1e-12);
    }
}
