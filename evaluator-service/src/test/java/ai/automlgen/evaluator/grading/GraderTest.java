package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.metrics.Metrics;
import ai.automlgen.evaluator.task.MatchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraderTest {
    @TempDir
    Path temp;

    private static SubmissionShape shape(String metric, MatchRule match) {
        return new SubmissionShape(List.of("id", "p"), "id", List.of("p"), Metrics.find(metric).orElseThrow(), match);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private Path answers() throws IOException {
        return file("answers.csv", "id,p\n0001_01,1\n0002_01,0\n0003_01,1\n0004_01,0\n");
    }

    @Test
    void submissionInAnotherOrderIsMatchedById() throws IOException {
        Path submission = file("submission.csv", "id,p\n0004_01,0.1\n0003_01,0.8\n0001_01,0.9\n0002_01,0.3\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertTrue(result.valid(), result.problems().toString());
        assertEquals(1.0, result.score());
    }

    @Test
    void submissionWithMissingIdsIsInvalidAndSaysWhich() throws IOException {
        Path submission = file("submission.csv", "id,p\n0001_01,0.9\n0004_01,0.1\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertFalse(result.valid());
        assertNull(result.score());
        assertEquals(List.of("submission.csv: 2 rows, expected 4 (one per id of the sample submission)",
                "submission.csv: 2 ids missing, e.g. 0002_01, 0003_01 (column id)"), result.problems());
    }

    @Test
    void duplicatedAndUnexpectedIdsAreCountedWithExamples() throws IOException {
        Path submission = file("submission.csv", "id,p\n0001_01,0.9\n0001_01,0.9\n0003_01,0.5\n9999_01,0.1\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertEquals(List.of("submission.csv: 2 ids missing, e.g. 0002_01, 0004_01 (column id)",
                "submission.csv: 1 ids not in the sample submission, e.g. 9999_01 (column id)",
                "submission.csv: 1 ids duplicated, e.g. 0001_01 (column id)"), result.problems());
    }

    @Test
    void missingAndExtraColumnsAreNamed() throws IOException {
        Path submission = file("submission.csv", ",id,prob\n0,0001_01,0.9\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertEquals(List.of("submission.csv: missing column(s) p; expected exactly id, p",
                "submission.csv: unexpected column(s) '', 'prob' (an index column: write the CSV with index=False); expected exactly id, p"),
                result.problems());
    }

    @Test
    void nonNumbersInfinitiesAndProbabilitiesOutsideZeroOneAreReportedWithLines() throws IOException {
        Path submission = file("submission.csv", "id,p\n0001_01,abc\n0002_01,inf\n0003_01,1.5\n0004_01,-0.2\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertEquals(List.of("submission.csv: column p: 1 value(s) are not numbers, e.g. line 2: 'abc'",
                "submission.csv: column p: 1 value(s) are NaN or infinite, e.g. line 3: inf",
                "submission.csv: column p: 2 probabilit(ies) outside [0, 1], e.g. line 4: 1.5, line 5: -0.2"), result.problems());
    }

    @Test
    void positionalTasksRejectReorderedRows() throws IOException {
        Path submission = file("submission.csv", "id,p\n0002_01,0\n0001_01,1\n0003_01,1\n0004_01,0\n");
        GradeResult result = Grader.grade(submission, shape("rmse", MatchRule.POSITION), answers());
        assertEquals(List.of("submission.csv: rows are not in the sample submission's order (line 2 has id 0002_01, expected 0001_01); "
                + "rows are scored by position, so keep that order"), result.problems());
    }

    @Test
    void missingFileIsInvalidNotAnException() throws IOException {
        GradeResult result = Grader.check(temp.resolve("submission.csv"), shape("rmse", MatchRule.ID), temp.resolve("x.csv"));
        assertEquals(List.of("submission.csv: file not found; the code must write it to its output folder"), result.problems());
    }

    @Test
    void labelsAreComparedAsText() throws IOException {
        Path truth = file("truth.csv", "id,p\na,True\nb,False\nc,True\nd,True\n");
        Path submission = file("submission.csv", "id,p\na,True\nb,True\nc,true\nd,False\n");
        GradeResult result = Grader.grade(submission, shape("accuracy", MatchRule.ID), truth);
        assertEquals(0.5, result.score());
    }

    @Test
    void negativePredictionsForLogErrorsAreReportedWithLines() throws IOException {
        Path submission = file("submission.csv", "id,p\n0001_01,0.5\n0002_01,-0.5\n0003_01,-1\n0004_01,0\n");
        GradeResult result = Grader.grade(submission, shape("rmsle", MatchRule.ID), answers());
        assertEquals(List.of("submission.csv: column p: 2 negative value(s), which rmsle cannot score (it takes log(1 + x)); "
                + "clip the predictions at 0, e.g. line 3: -0.5, line 4: -1"), result.problems());
    }

    @Test
    void emptyIdInTheFirstRowIsAnUnexpectedIdNotAnException() throws IOException {
        Path submission = file("submission.csv", "id,p\n,0.5\n0002_01,0.5\n0003_01,0.5\n0004_01,0.5\n");
        GradeResult result = Grader.grade(submission, shape("roc_auc", MatchRule.ID), answers());
        assertEquals(List.of("submission.csv: 1 ids missing, e.g. 0001_01 (column id)",
                "submission.csv: 1 ids not in the sample submission, e.g.  (column id)"), result.problems());
    }
}
