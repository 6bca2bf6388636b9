package ai.automlgen.events;

import java.util.Map;

/**
 * The folder sandboxed code reads: {@code files} maps roles (train, valid, test, sample_submission)
 * to paths relative to {@code inputDir}. {@code valid} has no labels; only the evaluator holds them.
 */
public record PreparedInputs(String inputDir, Map<String, String> files, int trainRows, int validRows, int testRows) {
    public PreparedInputs {
        files = files == null ? Map.of() : Map.copyOf(files);
    }
}
