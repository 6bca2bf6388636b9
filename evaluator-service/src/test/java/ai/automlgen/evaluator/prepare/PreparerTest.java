package ai.automlgen.evaluator.prepare;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.data.JsonRecords;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.PreparedInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run's input/ tables hold, on small task folders written on the fly. */
class PreparerTest {
    @TempDir
    Path temp;

    private PreparedTask prepare(Path task) throws IOException {
        TaskSpec spec = TaskLoader.load(task).spec().orElseThrow();
        return new Preparer(temp.resolve("home")).prepare(spec, RunFolders.of(temp.resolve("home"), "run"), 1, 0.2);
    }

    private Path task(String yaml) throws IOException {
        Path task = Files.createDirectories(temp.resolve("task/public")).getParent();
        Files.writeString(task.resolve("task.yaml"), yaml);
        return task;
    }

    @Test
    void validCsvHasOnlyTheTestColumnsWhileTrainKeepsItsOwn() throws IOException {
        Path task = task("metric: roc_auc\nlabel_columns: [label]\n");
        StringBuilder train = new StringBuilder("id,x,flair,label\n");
        for (int i = 0; i < 20; i++) {
            train.append("r").append(i).append(',').append(i).append(',').append(i % 2 == 0 ? "shroom" : "").append(',').append(i % 2 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(task.resolve("public/train.csv"), train);
        Files.writeString(task.resolve("public/test.csv"), "x,id\n5,t0\n");
        Files.writeString(task.resolve("public/sample_submission.csv"), "id,label\nt0,0.5\n");

        PreparedTask prepared = prepare(task);

        Path input = Path.of(prepared.inputs().inputDir());
        assertEquals(List.of("x", "id"), Csv.header(input.resolve("valid.csv")));
        assertEquals(List.of("id", "x", "flair", "label"), Csv.header(input.resolve("train.csv")));
    }

    @Test
    void refitInputsAreEveryLabelledRowInFullWithoutTheValidationFiles() throws IOException {
        PreparedTask prepared = prepare(binaryCsvTask(1));

        PreparedInputs refit = prepared.refitInputs();
        Path full = Path.of(refit.inputDir());
        assertEquals(Path.of(prepared.inputs().inputDir()).resolveSibling("full"), full);
        assertEquals(java.util.Set.of("train", "test", "sample_submission"), refit.files().keySet());
        assertEquals(20, refit.trainRows());
        assertEquals(prepared.inputs().trainRows() + prepared.inputs().validRows(), refit.trainRows());
        assertEquals(0, refit.validRows());
        assertEquals(1, refit.testRows());
        for (String file : refit.files().values()) {
            assertTrue(Files.exists(full.resolve(file)), file);
        }
        assertEquals(21, Files.readAllLines(full.resolve(refit.files().get("train"))).size());
    }

    @Test
    void validJsonHasOnlyTheTestFields() throws IOException {
        Path task = task("metric: roc_auc\nid_column: request_id\nlabel_columns: [received]\n");
        StringBuilder train = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            train.append(i == 0 ? "" : ",").append("{\"request_id\": \"r").append(i).append("\", \"text\": \"t\", \"flair\": ")
                    .append(i % 2 == 0 ? "\"shroom\"" : "null").append(", \"received\": ").append(i % 2 == 0).append('}');
        }
        Files.writeString(task.resolve("public/train.json"), train.append(']'));
        Files.writeString(task.resolve("public/test.json"), "[{\"request_id\": \"t0\", \"text\": \"t\"}]");
        Files.writeString(task.resolve("public/sample_submission.csv"), "request_id,received\nt0,0.5\n");

        PreparedTask prepared = prepare(task);

        Path input = Path.of(prepared.inputs().inputDir());
        assertEquals(List.of("request_id", "text"), JsonRecords.fields(JsonRecords.read(input.resolve("valid.json"))));
        assertEquals(List.of("request_id", "text", "flair", "received"), JsonRecords.fields(JsonRecords.read(input.resolve("train.json"))));
    }

    @Test
    void testRowsCountTheCsvTestRows() throws IOException {
        assertEquals(2, prepare(binaryCsvTask(2)).inputs().testRows());
    }

    /** A binary CSV task: 20 labelled train rows, {@code testRows} test rows and their sample submission. */
    private Path binaryCsvTask(int testRows) throws IOException {
        Path task = task("metric: roc_auc\nlabel_columns: [label]\n");
        StringBuilder train = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 20; i++) {
            train.append("r").append(i).append(',').append(i).append(',').append(i % 2).append('\n');
        }
        StringBuilder test = new StringBuilder("id,x\n");
        StringBuilder sample = new StringBuilder("id,label\n");
        for (int i = 0; i < testRows; i++) {
            test.append('t').append(i).append(',').append(5 + i).append('\n');
            sample.append('t').append(i).append(",0.5\n");
        }
        Files.writeString(task.resolve("public/train.csv"), train);
        Files.writeString(task.resolve("public/test.csv"), test);
        Files.writeString(task.resolve("public/sample_submission.csv"), sample);
        return task;
    }

    @Test
    void testRowsCountTheJsonTestRecords() throws IOException {
        Path task = task("metric: roc_auc\nid_column: request_id\nlabel_columns: [received]\n");
        StringBuilder train = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            train.append(i == 0 ? "" : ",").append("{\"request_id\": \"r").append(i).append("\", \"text\": \"t\", \"received\": ")
                    .append(i % 2 == 0).append('}');
        }
        Files.writeString(task.resolve("public/train.json"), train.append(']'));
        Files.writeString(task.resolve("public/test.json"),
                "[{\"request_id\": \"t0\", \"text\": \"a\"}, {\"request_id\": \"t1\", \"text\": \"b\"}, {\"request_id\": \"t2\", \"text\": \"c\"}]");
        Files.writeString(task.resolve("public/sample_submission.csv"), "request_id,received\nt0,0.5\nt1,0.5\nt2,0.5\n");

        assertEquals(3, prepare(task).inputs().testRows());
    }
}
