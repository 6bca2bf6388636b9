package ai.automlgen.evaluator.prepare;

import ai.automlgen.evaluator.Bench;
import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.data.JsonRecords;
import ai.automlgen.evaluator.grading.GradeResult;
import ai.automlgen.evaluator.grading.Grader;
import ai.automlgen.evaluator.grading.Shapes;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark task prepared for a run: the layout of the contract, no labels in valid, and labels that grade perfectly. */
class BenchPreparationTest {
    @TempDir
    Path home;

    @TestFactory
    Stream<DynamicTest> everyBenchTaskSplitsIntoInputFullAndEvaluator() throws IOException {
        return Bench.tasks().stream().map(task -> DynamicTest.dynamicTest(task.getFileName().toString(), () -> {
            TaskSpec spec = TaskLoader.load(task).spec().orElseThrow();
            RunFolders run = RunFolders.of(home, "run-" + spec.name());
            PreparedTask prepared = new Preparer(home).prepare(spec, run, 7, 0.2);

            var files = prepared.inputs().files();
            for (String role : List.of(Roles.SAMPLE_SUBMISSION, Roles.VALID_SAMPLE_SUBMISSION)) {
                assertTrue(files.containsKey(role), "role " + role + " in " + files);
            }
            for (String path : files.values()) {
                assertTrue(Files.exists(run.input().resolve(path)), "input/" + path + " exists");
            }
            assertTrue(prepared.inputs().validRows() > 0);
            assertTrue(prepared.inputs().trainRows() > prepared.inputs().validRows());
            assertFalse(Files.exists(run.input().resolve(RunFolders.VALID_LABELS)));
            var refitFiles = prepared.refitInputs().files();
            assertEquals(run.full().toString(), prepared.refitInputs().inputDir());
            for (String path : refitFiles.values()) {
                assertTrue(Files.exists(run.full().resolve(path)), "full/" + path + " exists");
            }
            refitFiles.keySet().forEach(role -> assertFalse(role.startsWith(Roles.VALID), "full/ has no " + role));
            assertEquals(prepared.inputs().trainRows() + prepared.inputs().validRows(), prepared.refitInputs().trainRows());
            if (files.containsKey(Roles.VALID) && files.get(Roles.VALID).endsWith(".csv")) {
                List<String> validHeader = Csv.header(run.input().resolve(files.get(Roles.VALID)));
                spec.labelColumns().forEach(label -> assertFalse(validHeader.contains(label), "valid has no " + label));
                List<String> testHeader = Csv.header(run.input().resolve(files.get(Roles.TEST)));
                validHeader.forEach(column -> assertTrue(testHeader.contains(column), "test has valid's column " + column));
            }
            if (files.containsKey(Roles.VALID) && files.get(Roles.VALID).endsWith(".json")) {
                String valid = Files.readString(run.input().resolve(files.get(Roles.VALID)));
                spec.labelColumns().forEach(label -> assertFalse(valid.contains("\"" + label + "\""), "valid has no " + label));
                List<String> testFields = JsonRecords.fields(JsonRecords.read(run.input().resolve(files.get(Roles.TEST))));
                JsonRecords.fields(JsonRecords.read(run.input().resolve(files.get(Roles.VALID))))
                        .forEach(field -> assertTrue(testFields.contains(field), "test has valid's field " + field));
            }

            Path validSample = prepared.validSampleSubmission();
            GradeResult placeholder = Grader.grade(validSample, Shapes.of(spec, validSample), prepared.validLabels());
            assertTrue(placeholder.valid(), () -> "valid sample submission is valid: " + placeholder.problems());

            Path perfect = perfectPredictions(spec, validSample, prepared.validLabels());
            GradeResult best = Grader.grade(perfect, Shapes.of(spec, validSample), prepared.validLabels());
            assertTrue(best.valid(), () -> "problems: " + best.problems());
            assertEquals(spec.lowerIsBetter() ? 0.0 : 1.0, best.score(), 1e-9);
        }));
    }

    /** The valid sample submission with its submission columns replaced by the held-out truth. */
    private Path perfectPredictions(TaskSpec spec, Path validSample, Path labels) throws IOException {
        Path out = validSample.resolveSibling("perfect.csv");
        List<String> header = Csv.header(validSample);
        try (CSVParser sample = Csv.open(validSample); CSVParser truth = Csv.open(labels); CSVPrinter printer = Csv.create(out, header)) {
            Iterator<CSVRecord> truthRows = truth.iterator();
            for (CSVRecord row : sample) {
                CSVRecord answer = truthRows.next();
                List<String> cells = new ArrayList<>();
                for (String column : header) {
                    cells.add(spec.submissionColumns().contains(column) ? answer.get(column) : row.get(column));
                }
                printer.printRecord(cells);
            }
        }
        return out;
    }
}
