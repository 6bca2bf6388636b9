package ai.automlgen.planner.coder.noop;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The no-op pipeline, run with /usr/bin/python3 in the contract's working-directory layout. */
class NoopCoderTest {
    private static final TaskInfo TASK = new TaskInfo("tiny", "tabular", "binary", "roc_auc", false, "id",
            List.of("y"), List.of("y"), Map.of(), "", null);

    @TempDir
    Path temp;

    @Test
    void everyOperatorGetsAPipelineThatWritesThePlaceholderPredictions() throws Exception {
        Path input = Files.createTempDirectory(temp, "input");
        Files.writeString(input.resolve("valid_sample_submission.csv"), "id,y\n3,0.5\n4,0.5\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(input.resolve("sample_submission.csv.gz")))) {
            gz.write("id,y\n7,0.5\n".getBytes(StandardCharsets.UTF_8));
        }
        PreparedInputs inputs = new PreparedInputs(input.toString(), Map.of("sample_submission", "sample_submission.csv.gz",
                "valid_sample_submission", "valid_sample_submission.csv"), 10, 2, 1);

        for (Operator operator : List.of(Operator.DRAFT, Operator.IMPROVE, Operator.DEBUG)) {
            String code = new NoopCoder().write(new CodeRequest(operator, TASK, inputs, null, null, null, null, null, 1,
                    null)).code();
            Path output = run(code, input);
            assertEquals(List.of("id,y", "3,0.5", "4,0.5"), Files.readAllLines(output.resolve("valid_predictions.csv")));
            assertEquals(List.of("id,y", "7,0.5"), Files.readAllLines(output.resolve("submission.csv")));
        }
    }

    /** A refit is asked with the refit's inputs (full/): no validation files. */
    @Test
    void aRefitWithoutValidationRowsWritesOnlyTheSubmission() throws Exception {
        Path full = Files.createTempDirectory(temp, "full");
        Files.writeString(full.resolve("sample_submission.csv"), "id,y\n7,0.5\n");
        PreparedInputs inputs = new PreparedInputs(full.toString(), Map.of("sample_submission", "sample_submission.csv"),
                12, 0, 1);

        Path output = run(new NoopCoder().write(new CodeRequest(Operator.REFIT, TASK, inputs, null, null, null, null, null,
                1, null)).code(), full);

        assertTrue(Files.exists(output.resolve("submission.csv")));
        assertFalse(Files.exists(output.resolve("valid_predictions.csv")));
    }

    private Path run(String code, Path input) throws Exception {
        Path work = Files.createTempDirectory(temp, "work");
        Path output = Files.createDirectory(work.resolve("output"));
        Files.writeString(work.resolve("solution.py"), code);
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "solution.py").directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("AUTOMLGEN_INPUT", input.toString());
        builder.environment().put("AUTOMLGEN_OUTPUT", output.toString());
        Process python = builder.start();
        python.getOutputStream().close();
        String log = new String(python.getInputStream().readAllBytes());
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), log);
        return output;
    }
}
