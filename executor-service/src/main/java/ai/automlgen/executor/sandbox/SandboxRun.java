package ai.automlgen.executor.sandbox;

import ai.automlgen.executor.slots.SlotLease;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One execution as a sandbox sees it. {@code workDir} holds {@code solution.py} and an empty
 * {@code output/}; {@code inputDir} (never null: an empty folder when the request names none) is
 * mounted read-only as {@code input/}; {@code modelsDir} (pretrained weights, see PretrainedModels) read-only as
 * {@code /models}. The lease says which CPUs' worth, memory and GPU ids the code may use.
 */
public record SandboxRun(String label, Path workDir, Path inputDir, Path modelsDir, String script, SlotLease lease,
                         Duration timeout, long seed) {
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    public Path outputDir() {
        return workDir.resolve(OUTPUT);
    }
}
