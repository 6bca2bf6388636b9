package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./automlgen bench} through the real services: one cell on the bundled example, graded by the evaluator
 * against the example's private answers, the reports written, and a second call resuming with nothing to rerun.
 */
class BenchEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void benchRunsGradesReportsAndResumes() throws Exception {
        Path out = Files.createTempDirectory(temp, "bench");
        String[] bench = {"bench", "--suite", Launcher.REPO.resolve("examples").toString(), "--tasks", "breast-cancer",
                "--budget", "2m", "--max-nodes", "2", "--policies", "greedy", "--seeds", "1", "--out", out.toString()};
        Launcher.Result first = Launcher.run(15, bench);
        assertEquals(0, first.exitCode(), first.stderr());

        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode cell = EventJson.mapper().readTree(lines.get(0));
        assertEquals("COMPLETED", cell.get("status").asText(), cell.toString());
        JsonNode grade = cell.get("finalGrade");
        assertTrue(grade.get("valid").asBoolean(), cell.toString());
        // AUC of any constant prediction is 0.5
        assertTrue(grade.get("score").asDouble() > 0.9, cell.toString());
        assertTrue(cell.get("firstDraftGrade").get("valid").asBoolean(), cell.toString());
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| breast-cancer | greedy |"), summary);
        assertTrue(Files.readString(out.resolve("best-over-time-breast-cancer.svg")).contains("<svg"));

        Launcher.Result again = Launcher.run(5, bench);
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("1 finished already"), again.stderr());
        assertEquals(1, Files.readAllLines(out.resolve("results.jsonl")).size());
    }
}
