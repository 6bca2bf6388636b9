package ai.automlgen.cli.bench;

import java.util.List;
import java.util.Map;

/** Finished cells for the tests, on a higher-is-better task with median 0.8 and gold 0.9. */
final class Fixtures {
    static final CellResult.Thresholds ACCURACY = new CellResult.Thresholds(0.9, 0.88, 0.86, 0.8);

    private Fixtures() {
    }

    static CellResult graded(String task, String policy, long seed, double testScore, String medal) {
        return new CellResult(task, policy, "full", seed, Map.of(), "run-" + seed, "COMPLETED", null, "accuracy",
                false, testScore, 5, 4, 1, Map.of("draft", 3, "improve", 2), "improve", 60.0,
                new CellResult.TestGrade(testScore, true, medal, testScore > 0.8, List.of()), ACCURACY, 0.75,
                new CellResult.TestGrade(0.78, true, null, false, List.of()),
                List.of(new CellResult.CurvePoint(10, 0.75), new CellResult.CurvePoint(40, testScore)), "2026-01-01T00:00:00Z");
    }

    static CellResult failed(String task, String policy, long seed) {
        return new CellResult(task, policy, "full", seed, Map.of(), null, "REFUSED",
                "the planner refused the run: unknown run param search.fusoin",
                null, null, null, 0, 0, 0, null, null, 0.1, null, null, null, null, List.of(), "2026-01-01T00:00:00Z");
    }
}
