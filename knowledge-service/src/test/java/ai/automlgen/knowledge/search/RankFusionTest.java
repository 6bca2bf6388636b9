package ai.automlgen.knowledge.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankFusionTest {
    private static List<Scored> ranking(int... ordinals) {
        return java.util.Arrays.stream(ordinals).mapToObj(o -> new Scored(o, 0)).toList();
    }

    @Test
    void entityHighInBothListsBeatsOneTopInOnlyOne() {
        List<Scored> fused = RankFusion.reciprocalRank(List.of(ranking(1, 2, 3), ranking(2, 4, 1)), 60);
        assertEquals(List.of(2, 1, 4, 3), fused.stream().map(Scored::ordinal).toList());
    }

    @Test
    void scoreIsSumOfReciprocalRanks() {
        List<Scored> fused = RankFusion.reciprocalRank(List.of(ranking(7), ranking(5, 7)), 60);
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void emptyRankingsFuseToNothing() {
        assertEquals(List.of(), RankFusion.reciprocalRank(List.of(List.of(), List.of()), 60));
    }
}
