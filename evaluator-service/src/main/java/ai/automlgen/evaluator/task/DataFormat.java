package ai.automlgen.evaluator.task;

import java.nio.file.Files;
import java.nio.file.Path;

/** How a task's training data is stored. */
public enum DataFormat {
    /** A CSV table (optionally .csv.gz). */
    CSV,
    /** A JSON list of records. */
    JSON,
    /** A folder of images (image-to-image tasks). */
    IMAGE_FOLDER,
    /** A zip archive of images (its labels come from the CSV table next to it). */
    IMAGE_ZIP;

    public static DataFormat of(Path file) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            return IMAGE_FOLDER;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".zip")) {
            return IMAGE_ZIP;
        }
        return CSV;
    }
}
