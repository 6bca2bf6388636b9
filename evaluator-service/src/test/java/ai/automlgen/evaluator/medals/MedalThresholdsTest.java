package ai.automlgen.evaluator.medals;

import ai.automlgen.evaluator.Bench;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedalThresholdsTest {

    @TestFactory
    Stream<DynamicTest> leaderboardReproducesEveryBenchThresholdsJson() throws IOException {
        return Bench.tasks().stream().map(task -> DynamicTest.dynamicTest(task.getFileName().toString(), () -> {
            JsonNode expected = new ObjectMapper().readTree(task.resolve("thresholds.json").toFile());
            MedalThresholds t = Leaderboard.read(task.resolve("leaderboard.csv")).thresholds();
            assertEquals(expected.get("num_teams").asInt(), t.teams());
            assertEquals(expected.get("lower_is_better").asBoolean(), t.lowerIsBetter());
            assertEquals(expected.get("gold_threshold").asDouble(), t.gold(), 1e-12);
            assertEquals(expected.get("silver_threshold").asDouble(), t.silver(), 1e-12);
            assertEquals(expected.get("bronze_threshold").asDouble(), t.bronze(), 1e-12);
            assertEquals(expected.get("median_threshold").asDouble(), t.median(), 1e-12);
        }));
    }

    /** 50 teams (below 100): gold/silver/bronze at positions 5, 10, 20. */
    private static MedalThresholds fiftyTeamsHigherIsBetter() {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            scores.add(1.0 - i * 0.01);
        }
        return MedalThresholds.fromLeaderboard(scores);
    }

    @Test
    void smallLeaderboardPutsMedalsAtTenTwentyFortyPercent() {
        MedalThresholds t = fiftyTeamsHigherIsBetter();
        assertEquals(0.96, t.gold(), 1e-12);
        assertEquals(0.91, t.silver(), 1e-12);
        assertEquals(0.81, t.bronze(), 1e-12);
        assertEquals(0.755, t.median(), 1e-12);
    }

    @Test
    void scoreEqualToThresholdEarnsTheMedalAfterRoundingToFiveDecimals() {
        MedalThresholds t = fiftyTeamsHigherIsBetter();
        assertEquals(Medal.GOLD, t.medal(0.959996));
        assertEquals(Medal.SILVER, t.medal(0.95));
        assertEquals(Medal.BRONZE, t.medal(0.81));
        assertNull(t.medal(0.80));
    }

    @Test
    void aboveMedianIsStrict() {
        MedalThresholds t = fiftyTeamsHigherIsBetter();
        assertFalse(t.aboveMedian(0.755));
        assertTrue(t.aboveMedian(0.756));
    }

    @Test
    void lowerIsBetterWhenTheFirstScoreIsBelowTheLast() {
        // 5 teams: gold and silver at position 1 (0.1), bronze at position 2 (0.2)
        MedalThresholds t = MedalThresholds.fromLeaderboard(List.of(0.1, 0.2, 0.3, 0.4, 0.5));
        assertTrue(t.lowerIsBetter());
        assertEquals(Medal.GOLD, t.medal(0.1));
        assertEquals(Medal.BRONZE, t.medal(0.2));
        assertNull(t.medal(0.21));
        assertEquals(0.3, t.median(), 1e-12);
    }

    @Test
    void roundingFollowsPythonOnTheExactBinaryValue() {
        // 0.763775 is stored as 0.76377499999…: Python's round(0.763775, 5) is 0.76377, short of a 0.76378 gold
        MedalThresholds t = MedalThresholds.fromLeaderboard(List.of(0.76378, 0.7, 0.6, 0.5, 0.4));
        assertEquals(Medal.BRONZE, t.medal(0.763775));
    }

    @Test
    void infiniteScoreEarnsNothingAndStandsLast() {
        MedalThresholds t = fiftyTeamsHigherIsBetter();
        assertNull(t.medal(Double.NEGATIVE_INFINITY));
        assertFalse(t.aboveMedian(Double.NEGATIVE_INFINITY));
        assertEquals(4, t.position(Double.NEGATIVE_INFINITY, List.of(0.9, 0.8, 0.7)));
    }
}
