package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.Bench;
import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.medals.Medal;
import ai.automlgen.evaluator.task.TaskInspection;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark task graded with its sample submission (valid, scored) and with its own answers (best score, gold). */
class BenchGradingTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> sampleSubmissionIsValidAndScored() throws IOException {
        return Bench.tasks().stream().map(task -> DynamicTest.dynamicTest(task.getFileName().toString(), () -> {
            TaskSpec spec = load(task);
            TestGrade grade = TestSetGrader.grade(spec, spec.file(TaskSpec.SAMPLE_SUBMISSION));
            assertTrue(grade.valid(), () -> "errors: " + grade.errors());
            assertNotNull(grade.score());
        }));
    }

    @TestFactory
    Stream<DynamicTest> answersShapedAsSubmissionScoreBestAndEarnGold() throws IOException {
        return Bench.tasks().stream().map(task -> DynamicTest.dynamicTest(task.getFileName().toString(), () -> {
            TaskSpec spec = load(task);
            Path submission = answersAsSubmission(spec);
            TestGrade grade = TestSetGrader.grade(spec, submission);
            assertTrue(grade.valid(), () -> "errors: " + grade.errors());
            double best = spec.lowerIsBetter() ? 0.0 : 1.0;
            assertEquals(best, grade.score(), 1e-9, "score");
            assertEquals(Medal.GOLD, grade.medal());
            assertEquals(1, grade.position());
        }));
    }

    private static TaskSpec load(Path task) {
        TaskInspection inspection = TaskLoader.load(task);
        assertTrue(inspection.ok(), () -> "problems: " + inspection.problems());
        return inspection.spec().orElseThrow();
    }

    /** The private answers restricted to the sample submission's columns (the answers file itself when they match). */
    private Path answersAsSubmission(TaskSpec spec) throws IOException {
        Path answers = spec.privateAnswers().orElseThrow();
        List<String> columns = Csv.header(spec.file(TaskSpec.SAMPLE_SUBMISSION));
        if (Csv.header(answers).equals(columns)) {
            return answers;
        }
        Path out = temp.resolve(spec.name() + "-answers.csv");
        try (CSVParser in = Csv.open(answers); CSVPrinter printer = Csv.create(out, columns)) {
            for (CSVRecord row : in) {
                List<String> cells = new ArrayList<>();
                columns.forEach(c -> cells.add(row.get(c)));
                printer.printRecord(cells);
            }
        }
        return out;
    }
}
