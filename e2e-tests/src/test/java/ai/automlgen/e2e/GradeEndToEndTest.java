package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ./automlgen grade} through the evaluator service, on a real benchmark task. */
class GradeEndToEndTest {
    private static final Path TASK = Launcher.BENCH.resolve("spaceship-titanic");

    @Test
    void theSampleSubmissionIsValidAndEarnsNoMedal() throws Exception {
        assumeTrue(Files.isDirectory(TASK), "the shared benchmark suite is not present");
        JsonNode grade = grade(TASK.resolve("public/sample_submission.csv"));
        assertTrue(grade.get("valid").asBoolean(), grade.toString());
        assertTrue(grade.get("medal").isNull(), grade.toString());
        assertFalse(grade.get("above_median").asBoolean(), grade.toString());
    }

    @Test
    void thePrivateAnswersAsASubmissionEarnGold(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isDirectory(TASK), "the shared benchmark suite is not present");
        // the answers hold every test column; a submission is PassengerId (first) and Transported (last)
        Path answers = temp.resolve("answers.csv"); // a copy of private answers must not outlive the test
        Files.write(answers, Files.readAllLines(TASK.resolve("private/test.csv")).stream()
                .map(line -> line.substring(0, line.indexOf(',')) + line.substring(line.lastIndexOf(',')))
                .toList());
        JsonNode grade = grade(answers);
        assertEquals(1.0, grade.get("score").asDouble(), grade.toString());
        assertEquals("gold", grade.get("medal").asText(), grade.toString());
    }

    private static JsonNode grade(Path submission) throws Exception {
        Launcher.Result run = Launcher.run(10, "grade", TASK.toString(), submission.toString(), "--json");
        assertEquals(0, run.exitCode(), run.stderr());
        return EventJson.mapper().readTree(run.stdout());
    }
}
