package ai.automlgen.evaluator.prepare;

import java.nio.file.Path;

/**
 * The folders of one run under {@code $AUTOMLGEN_HOME/runs/<runId>/} (docs/pipeline-contract.md):
 * {@code input/} for search-time code, {@code full/} for the refit, {@code evaluator/} for what only
 * the evaluator reads (validation labels, the split record, the run record).
 */
public record RunFolders(Path root) {
    public static final String VALID_LABELS = "valid_labels.csv";
    public static final String RUN_RECORD = "run.json";

    public static RunFolders of(Path home, String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9._-]+") || runId.startsWith(".")) {
            throw new IllegalArgumentException("runId '" + runId + "' must be letters, digits, '.', '_' or '-' (it names a folder)");
        }
        return new RunFolders(home.resolve("runs").resolve(runId).toAbsolutePath().normalize());
    }

    public Path input() {
        return root.resolve("input");
    }

    public Path full() {
        return root.resolve("full");
    }

    public Path evaluator() {
        return root.resolve("evaluator");
    }

    public Path validLabels() {
        return evaluator().resolve(VALID_LABELS);
    }

    public Path runRecord() {
        return evaluator().resolve(RUN_RECORD);
    }
}
