package ai.automlgen.cli.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NormalisedScoreTest {
    private static final CellResult.Thresholds AUC = new CellResult.Thresholds(0.9, 0.88, 0.86, 0.8);
    private static final CellResult.Thresholds LOG_LOSS = new CellResult.Thresholds(0.2, 0.25, 0.3, 0.4);

    @Test
    void medianIsZeroAndGoldIsOneWhenHigherIsBetter() {
        assertEquals(0.0, NormalisedScore.of(0.8, AUC, false), 1e-12);
        assertEquals(1.0, NormalisedScore.of(0.9, AUC, false), 1e-12);
        assertEquals(0.5, NormalisedScore.of(0.85, AUC, false), 1e-12);
    }

    @Test
    void medianIsZeroAndGoldIsOneWhenLowerIsBetter() {
        assertEquals(0.0, NormalisedScore.of(0.4, LOG_LOSS, true), 1e-12);
        assertEquals(1.0, NormalisedScore.of(0.2, LOG_LOSS, true), 1e-12);
        assertEquals(0.25, NormalisedScore.of(0.35, LOG_LOSS, true), 1e-12);
    }

    @Test
    void isLinearPastGoldAndBelowMedian() {
        assertEquals(1.5, NormalisedScore.of(0.1, LOG_LOSS, true), 1e-12);
        assertEquals(-1.0, NormalisedScore.of(0.6, LOG_LOSS, true), 1e-12);
    }

    @Test
    void goldEqualToMedianGivesOneOnlyForReachingGold() {
        CellResult.Thresholds flat = new CellResult.Thresholds(1.0, 1.0, 1.0, 1.0);
        assertEquals(1.0, NormalisedScore.of(1.0, flat, false));
        assertEquals(0.0, NormalisedScore.of(0.9999, flat, false));
    }

    @Test
    void missingScoreOrThresholdsHasNoNormalisedScore() {
        assertNull(NormalisedScore.of(null, AUC, false));
        assertNull(NormalisedScore.of(Double.NaN, AUC, false));
        assertNull(NormalisedScore.of(0.85, null, false));
        assertNull(NormalisedScore.of(0.85, AUC, null));
    }
}
