package ai.automlgen.planner.coder.builtin;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builtin pipeline, rendered and run with /usr/bin/python3 on the bundled example's data. */
class BuiltinCoderTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "breast-cancer", "public");
    private static final TaskInfo TASK = new TaskInfo("breast-cancer", "tabular", "binary", "roc_auc", false, "id",
            List.of("benign"), List.of("benign"), Map.of(), "", null);

    @TempDir
    Path temp;

    @Test
    void draftWritesProbabilitiesForValidAndTestRows() throws Exception {
        Path input = Files.createTempDirectory(temp, "input");
        List<String> train = Files.readAllLines(EXAMPLE.resolve("train.csv"));
        int header = 1;
        int validRows = 80;
        List<String> fit = train.subList(0, train.size() - validRows);
        List<String> valid = train.subList(train.size() - validRows, train.size()).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList(); // benign is the last column
        Files.write(input.resolve("train.csv"), fit);
        Files.write(input.resolve("valid.csv"), concat(train.get(0).substring(0, train.get(0).lastIndexOf(',')), valid));
        Files.copy(EXAMPLE.resolve("test.csv"), input.resolve("test.csv"));
        PreparedInputs inputs = new PreparedInputs(input.toString(),
                Map.of("train", "train.csv", "valid", "valid.csv", "test", "test.csv"), fit.size() - header, validRows, 143);

        CodeResult code = new BuiltinCoder().write(new CodeRequest(Operator.DRAFT, TASK, inputs, null, null, null, null, null, 1, null));
        Path work = Files.createTempDirectory(temp, "work");
        Files.writeString(work.resolve("solution.py"), code.code());
        Files.createSymbolicLink(work.resolve("input"), input); // the working-directory layout of docs/pipeline-contract.md
        Process python = new ProcessBuilder("/usr/bin/python3", "solution.py").directory(work.toFile())
                .redirectErrorStream(true).start();
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes());
        assertTrue(python.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);

        List<String> validPredictions = Files.readAllLines(work.resolve("output/valid_predictions.csv"));
        List<String> submission = Files.readAllLines(work.resolve("output/submission.csv"));
        assertEquals("id,benign", validPredictions.get(0));
        assertEquals(validRows + 1, validPredictions.size());
        assertEquals(143 + 1, submission.size());
        double probability = Double.parseDouble(submission.get(1).split(",")[1]);
        assertTrue(probability >= 0 && probability <= 1, submission.get(1));
    }

    @Test
    void refusesWhatOnlyTheKnowledgeCoderCanWrite() {
        TaskInfo spans = new TaskInfo("tweets", "text", "span_extraction", "jaccard_word_mean", false, "textID",
                List.of("selected_text"), List.of("selected_text"), Map.of(), "", null);
        CoderException e = assertThrows(CoderException.class, () -> new BuiltinCoder().write(new CodeRequest(
                Operator.DRAFT, spans, new PreparedInputs("/in", Map.of(), 0, 0, 0), null, null, null, null, null, 1, null)));
        assertTrue(e.getMessage().contains("--coder knowledge"), e.getMessage());
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
