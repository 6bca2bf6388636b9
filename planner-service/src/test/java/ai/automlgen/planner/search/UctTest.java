package ai.automlgen.planner.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UctTest {
    private static final SearchConstants DEFAULTS = SearchConstants.DEFAULTS;

    @Test
    void unvisitedChildScoresPositiveInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, Uct.score(0.0, 0, 10, 1.414));
    }

    @Test
    void scoreIsMeanRewardPlusExplorationBonus() {
        // Q/n = 3/4 = 0.75; C·sqrt(ln 16 / 4) = 1.414 · 0.83255 = 1.17723
        assertEquals(1.92723, Uct.score(3.0, 4, 16, 1.414), 1e-5);
    }

    @Test
    void explorationConstantIsFullBeforeThirtyPercentOfNodes() {
        assertEquals(1.414, Uct.explorationConstant(DEFAULTS, 0.0));
        assertEquals(1.414, Uct.explorationConstant(DEFAULTS, 0.3));
    }

    @Test
    void explorationConstantDecaysBetweenThirtyAndSeventyPercent() {
        assertEquals(0.957, Uct.explorationConstant(DEFAULTS, 0.5), 1e-9);
        assertEquals(1.1855, Uct.explorationConstant(DEFAULTS, 0.4), 1e-9);
    }

    @Test
    void explorationConstantIsHalfAfterSeventyPercent() {
        assertEquals(0.5, Uct.explorationConstant(DEFAULTS, 0.7));
        assertEquals(0.5, Uct.explorationConstant(DEFAULTS, 1.0));
    }
}
