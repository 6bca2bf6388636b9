package ai.automlgen.evaluator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small binary-classification task folder written on the fly: 40 labelled rows, 10 test rows, accuracy. */
public final class TinyTask {
    private TinyTask() {
    }

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("task.yaml"), """
                name: tiny
                modality: tabular
                task_type: binary
                metric: accuracy
                id_column: id
                label_columns: [label]
                files: {train: train.csv, test: test.csv, sample_submission: sample_submission.csv}
                """);
        Files.writeString(dir.resolve("description.md"), "Predict label from x.\n");
        StringBuilder train = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 40; i++) {
            train.append("r").append(i).append(',').append(i * 0.5).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(dir.resolve("public/train.csv"), train);
        StringBuilder test = new StringBuilder("id,x\n");
        StringBuilder sample = new StringBuilder("id,label\n");
        for (int i = 0; i < 10; i++) {
            test.append("t").append(i).append(',').append(i).append('\n');
            sample.append("t").append(i).append(",yes\n");
        }
        Files.writeString(dir.resolve("public/test.csv"), test);
        Files.writeString(dir.resolve("public/sample_submission.csv"), sample);
        return dir;
    }
}
