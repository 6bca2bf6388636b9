package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log-loss post-processing every generated script shares (common.py), run in the pipelines' own Python. */
class CalibrationTest {

    /** Held-out predictions of a model that is right 90% of the time but says 0.999 every time, plus the checks. */
    private static final String CHECKS = """
            METRIC, LOWER_IS_BETTER = "multi_class_log_loss", True
            rng = np.random.RandomState(0)
            n, k = 2000, 10
            y = rng.randint(0, k, n)
            guess = np.where(rng.rand(n) < 0.9, y, (y + 1 + rng.randint(0, k - 1, n)) % k)
            over = np.full((n, k), 0.001 / (k - 1))
            over[np.arange(n), guess] = 0.999
            half, rest = slice(0, n // 2), slice(n // 2, n)
            both = {"strategy.temperature_scaling": {}, "strategy.clip_probabilities": {}}
            t, e = fit_calibration(over[half], y[half], both)
            print("softens", t > 1 or e >= 1e-3)
            print("generalises", score(y[rest], calibrated(over[rest], t, e)) < 0.8 * score(y[rest], over[rest]))
            print("rows sum to 1", bool(np.allclose(calibrated(over, t, e).sum(axis=1), 1)))
            print("given eps kept", fit_calibration(over[half], y[half], {"strategy.clip_probabilities": {"epsilon": 0.05}}) == (1.0, 0.05))
            print("no rows: defaults", fit_calibration(None, None, both) == (1.0, DEFAULT_EPSILON))
            print("nothing asked: none", fit_calibration(over[half], y[half], {"strategy.threshold_tuning": {}}) is None)
            METRIC = "log_loss"
            yb = (y[half] == guess[half]).astype(int)
            confident = np.where(rng.rand(n // 2) < 0.5, 0.999, 0.001)
            tb, eb = fit_calibration(confident, yb, both)
            print("binary keeps shape", calibrated(confident[:, None], tb, eb).shape == (n // 2, 1))
            print("binary calibrated better", score(yb, calibrated(confident, tb, eb)) < score(yb, confident))
            """;

    @Test
    void calibrationFittedOnHeldOutRowsFixesOverconfidenceAndKeepsShapes(@TempDir Path work) throws Exception {
        Path script = work.resolve("calibration_check.py");
        Files.writeString(script, "ROLES = {}\n" + Template.load("common.py") + "\n" + CHECKS);
        ScriptRun.Result run = ScriptRun.python(work, List.of(script.toString()), Map.of("AUTOMLGEN_OUTPUT", work.resolve("out").toString()), 120);
        assertEquals(0, run.exitCode(), run.output());
        for (String check : List.of("softens", "generalises", "rows sum to 1", "given eps kept", "no rows: defaults", "nothing asked: none",
                "binary keeps shape", "binary calibrated better")) {
            assertEquals(1, run.output().lines().filter(line -> line.equals(check + " True")).count(), check + ":\n" + run.output());
        }
    }
}
