package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's knowledge and sandbox tools against the running services. */
class ToolsEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void kbStatsCountsTheWholeBaseByKindAndLevel() throws Exception {
        JsonNode stats = json("kb", "stats", "--json");
        assertTrue(stats.get("total").asInt() >= 600, stats.toString());
        assertTrue(stats.get("by_kind").get("model").asInt() > 0, stats.toString());
        assertEquals(stats.get("total").asInt(), sum(stats.get("by_level")), stats.toString());
    }

    @Test
    void kbSearchFiltersByModalityAndKind() throws Exception {
        JsonNode result = json("kb", "search", "character n-gram features for author identification",
                "--modality", "text", "--kind", "feature", "--json");
        JsonNode hits = result.get("hits");
        assertTrue(hits.size() > 0, result.toString());
        hits.forEach(hit -> assertEquals("feature", hit.get("kind").asText(), hit.toString()));
    }

    @Test
    void sandboxRunReportsOutcomeAndOutputOfAScript() throws Exception {
        Path script = Files.createTempFile(temp, "hello", ".py");
        Files.writeString(script, "import sys\nprint('hello from the sandbox')\nsys.exit(3)\n");
        Launcher.Result run = Launcher.run(10, "sandbox", "run", script.toString(), "--timeout", "30", "--json");
        assertEquals(1, run.exitCode(), run.stderr());
        JsonNode result = EventJson.mapper().readTree(run.stdout());
        assertEquals("ERROR", result.get("outcome").asText(), result.toString());
        assertEquals(3, result.get("exit_code").asInt(), result.toString());
        assertTrue(result.get("stdout_tail").asText().contains("hello from the sandbox"), result.toString());
    }

    private static JsonNode json(String... args) throws Exception {
        Launcher.Result run = Launcher.run(10, args);
        assertEquals(0, run.exitCode(), run.stderr());
        return EventJson.mapper().readTree(run.stdout());
    }

    private static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode count : counts) {
            total += count.asInt();
        }
        return total;
    }
}
