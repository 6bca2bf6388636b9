package ai.automlgen.evaluator.task;

import ai.automlgen.evaluator.Bench;
import ai.automlgen.evaluator.TinyTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskLoaderTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyBenchTaskLoadsWithoutProblems() throws IOException {
        return Bench.tasks().stream().map(task -> DynamicTest.dynamicTest(task.getFileName().toString(), () -> {
            TaskInspection inspection = TaskLoader.load(task);
            assertEquals(List.of(), inspection.problems());
            assertFalse(inspection.spec().orElseThrow().description().isBlank());
        }));
    }

    @Test
    void omittedFieldsAreInferredFromSampleSubmissionAndTrainFile() throws IOException {
        Path task = TinyTask.write(temp.resolve("tiny"));
        Files.writeString(task.resolve("task.yaml"), "metric: accuracy\n");

        TaskInspection inspection = TaskLoader.load(task);

        assertEquals(List.of(), inspection.problems());
        TaskSpec spec = inspection.spec().orElseThrow();
        assertEquals("id", spec.idColumn());
        assertEquals(List.of("label"), spec.submissionColumns());
        assertEquals(List.of("label"), spec.labelColumns());
        assertEquals("binary", spec.taskType());
        assertFalse(spec.lowerIsBetter());
        assertTrue(inspection.inferred().contains("id_column = id (first column of sample_submission.csv)"), inspection.inferred().toString());
        assertTrue(inspection.inferred().contains("task_type = binary (2 distinct values of label)"), inspection.inferred().toString());
        assertTrue(inspection.inferred().contains("lower_is_better = false (accuracy is a score: higher is better)"), inspection.inferred().toString());
    }

    @Test
    void multiclassLabelIsInferredAsTheTrainColumnMissingFromTest() throws IOException {
        Path task = Files.createDirectories(temp.resolve("authors/public")).getParent();
        Files.writeString(task.resolve("task.yaml"), "metric: multi_class_log_loss\n");
        Files.writeString(task.resolve("public/train.csv"), "id,text,author\na,x,EAP\nb,y,HPL\nc,z,MWS\n");
        Files.writeString(task.resolve("public/test.csv"), "id,text\nd,w\n");
        Files.writeString(task.resolve("public/sample_submission.csv"), "id,EAP,HPL,MWS\nd,0.4,0.3,0.3\n");

        TaskSpec spec = TaskLoader.load(task).spec().orElseThrow();

        assertEquals(List.of("author"), spec.labelColumns());
        assertEquals("multiclass", spec.taskType());
        assertTrue(spec.lowerIsBetter());
    }

    @Test
    void everyProblemIsReportedAtOnceWithFileAndField() throws IOException {
        Path task = TinyTask.write(temp.resolve("broken"));
        Files.writeString(task.resolve("task.yaml"), """
                metric: f2_score
                id_column: id
                label_columns: [target]
                files: {train: train.csv, test: tests.csv, sample_submission: sample_submission.csv}
                """);

        TaskInspection inspection = TaskLoader.load(task);

        assertFalse(inspection.ok());
        List<String> problems = inspection.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("task.yaml: files.test: public/tests.csv not found"), problems.get(0));
        assertTrue(problems.get(1).startsWith("task.yaml: metric: unknown metric 'f2_score'; use one of accuracy"), problems.get(1));
        assertTrue(problems.get(2).startsWith("task.yaml: label_columns: column 'target' not in public/train.csv"), problems.get(2));
    }

    @Test
    void missingTaskFolderSaysWhatToPass() {
        TaskInspection inspection = TaskLoader.load(temp.resolve("nowhere"));
        assertEquals(1, inspection.problems().size());
        assertTrue(inspection.problems().get(0).endsWith("taskDir: not a folder; pass the task folder that holds task.yaml and public/"));
    }

    @Test
    void notesSayingByPositionSelectPositionalMatching() {
        TaskSpec nomad = TaskLoader.load(Bench.task("nomad2018-predict-transparent-conductors")).spec().orElseThrow();
        assertEquals(MatchRule.POSITION, nomad.match());
    }

    @Test
    void lowerIsBetterAgainstTheMetricsDirectionIsAProblemNamingBoth() throws IOException {
        Path task = TinyTask.write(temp.resolve("tiny"));
        Files.writeString(task.resolve("task.yaml"), "metric: accuracy\nlower_is_better: true\n");

        assertEquals(List.of("task.yaml: lower_is_better: true, but accuracy is a score: higher is better; set lower_is_better: false or leave it out"),
                TaskLoader.load(task).problems());
    }

    @Test
    void taskWithItsOwnGradeScriptSetsItsOwnDirection() throws IOException {
        Path task = TinyTask.write(temp.resolve("tiny"));
        Files.writeString(task.resolve("task.yaml"), "metric: accuracy\nlower_is_better: true\n");
        Files.writeString(task.resolve("grade.py"), "def grade(predictions_csv, labels_csv):\n    return 0.0\n");

        TaskInspection inspection = TaskLoader.load(task);

        assertEquals(List.of(), inspection.problems());
        assertTrue(inspection.spec().orElseThrow().lowerIsBetter());
    }

    @Test
    void classLabelsThatNameNoSubmissionColumnAreAProblem() throws IOException {
        Path task = Files.createDirectories(temp.resolve("classes/public")).getParent();
        Files.writeString(task.resolve("task.yaml"), "metric: multi_class_log_loss\nlabel_columns: [target]\n");
        Files.writeString(task.resolve("public/train.csv"), "id,x,target\na,1,1\nb,2,2\nc,3,1\n");
        Files.writeString(task.resolve("public/test.csv"), "id,x\nd,4\n");
        Files.writeString(task.resolve("public/sample_submission.csv"), "id,Class_1,Class_2\nd,0.5,0.5\n");

        assertEquals(List.of("task.yaml: submission_columns: 2 value(s) of target in public/train.csv match no submission column, e.g. '1', '2'; "
                        + "each class is scored in the column named exactly like it (columns: Class_1, Class_2), so rename the sample submission's columns or the labels to match"),
                TaskLoader.load(task).problems());
    }
}
