package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole system on real infrastructure: ./automlgen starts Kafka, Redis and the four services
 * as separate processes (infra/stack.sh), then solves real tasks through planner → evaluator →
 * executor (process sandbox, /usr/bin/python3) → evaluator → planner.
 */
class SolveEndToEndTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void freshServices() throws Exception {
        // services left from an earlier build would run stale code: restart them on the jars just built
        Launcher.Result down = Launcher.run(2, "down");
        assertEquals(0, down.exitCode(), down.stderr());
    }

    @Test
    void solvesTheBundledExampleBetterThanAConstantPrediction() throws Exception {
        Path out = Files.createTempDirectory(temp, "solve-example");
        JsonNode result = solve(Launcher.REPO.resolve("examples/breast-cancer"), out, "3m", "4");
        // AUC of any constant prediction is 0.5
        assertTrue(result.get("best_score").asDouble() > 0.9, result.toString());
        assertSubmissionCoversTheTestIds(out, Launcher.REPO.resolve("examples/breast-cancer/public/test.csv"), "id");
    }

    @Test
    void solvesSpaceshipTitanicBetterThanTheMajorityClass() throws Exception {
        Path task = Launcher.BENCH.resolve("spaceship-titanic");
        assumeTrue(Files.isDirectory(task), "the shared benchmark suite is not present");
        Path out = Files.createTempDirectory(temp, "solve-spaceship");
        JsonNode result = solve(task, out, "4m", "4");
        assertTrue(result.get("best_score").asDouble() > majorityShare(task.resolve("public/train.csv"), "Transported"),
                result.toString());
        assertSubmissionCoversTheTestIds(out, task.resolve("public/test.csv"), "PassengerId");
    }

    /** Solves with the default policy and coder, bounded by time and node count so the test stays short. */
    private static JsonNode solve(Path task, Path out, String budget, String maxNodes) throws Exception {
        Launcher.Result run = Launcher.run(20, "solve", task.toString(), "--budget", budget, "--max-nodes", maxNodes,
                "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), "solve failed:\n" + run.stderr() + run.stdout());
        JsonNode result = EventJson.mapper().readTree(run.stdout());
        assertTrue(result.get("run_id").asText().startsWith("run-"), result.toString());
        assertTrue(result.get("valid").asBoolean(), result.toString());
        assertTrue(Double.isFinite(result.get("best_score").asDouble()), result.toString());
        assertEquals(out.toAbsolutePath().toString(), result.get("output_dir").asText());
        assertTrue(Files.readString(out.resolve("solution.py")).contains("submission.csv"), "solution.py does not write the submission");
        PlannerApi.deleteRun(result.get("run_id").asText());
        return result;
    }

    static void assertSubmissionCoversTheTestIds(Path out, Path testCsv, String idColumn) throws Exception {
        List<String> submissionIds = column(out.resolve("submission.csv"), idColumn);
        List<String> testIds = column(testCsv, idColumn);
        assertEquals(testIds.stream().sorted().toList(), submissionIds.stream().sorted().toList());
    }

    /** Values of one column of a simple CSV (no quoted commas in the id and label columns used here). */
    private static List<String> column(Path csv, String name) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int index = List.of(lines.get(0).split(",", -1)).indexOf(name);
        assertTrue(index >= 0, name + " is not a column of " + csv);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)[index]).toList();
    }

    private static double majorityShare(Path csv, String label) throws Exception {
        Map<String, Long> counts = column(csv, label).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.values().stream().mapToLong(Long::longValue).max().orElseThrow() / (double) total;
    }
}
