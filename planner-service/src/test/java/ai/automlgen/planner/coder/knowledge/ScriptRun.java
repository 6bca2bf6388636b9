package ai.automlgen.planner.coder.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs /usr/bin/python3 the way the executor does: a working directory, the contract's environment, a timeout. */
final class ScriptRun {

    record Result(int exitCode, String output) {
    }

    private ScriptRun() {
    }

    /** Runs a generated solution in {@code work} against {@code input}, writing to work/output, in quick mode. */
    static Result solution(Path work, String code, Path input, long seed) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("output"));
        Path script = work.resolve("solution.py");
        Files.writeString(script, code, StandardCharsets.UTF_8);
        return python(work, List.of(script.toString()), Map.of(
                "AUTOMLGEN_INPUT", input.toString(),
                "AUTOMLGEN_OUTPUT", work.resolve("output").toString(),
                "AUTOMLGEN_SEED", Long.toString(seed),
                "AUTOMLGEN_CPUS", "1",
                "AUTOMLGEN_GPUS", "0",
                "AUTOMLGEN_MODELS", TestModels.dir().toString(),
                "AUTOMLGEN_QUICK", "1"), 600);
    }

    /**
     * Runs a check script assembled from {@code parts} (templates and checks) in {@code work}; it must exit 0 and print
     * "&lt;check&gt; True" for every expected check.
     */
    static void assertChecksPass(Path work, List<String> parts, List<String> expected, int timeoutSeconds)
            throws IOException, InterruptedException {
        assertChecksPass(work, parts, expected, timeoutSeconds, Map.of());
    }

    /** As above, with more of the contract's environment (AUTOMLGEN_MODELS, ...). */
    static void assertChecksPass(Path work, List<String> parts, List<String> expected, int timeoutSeconds,
                                 Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path script = work.resolve("check.py");
        Files.writeString(script, String.join("\n", parts), StandardCharsets.UTF_8);
        Map<String, String> contract = new java.util.HashMap<>(Map.of("AUTOMLGEN_OUTPUT", work.resolve("out").toString(), "AUTOMLGEN_CPUS", "1"));
        contract.putAll(environment);
        Result run = python(work, List.of(script.toString()), contract, timeoutSeconds);
        assertEquals(0, run.exitCode(), run.output());
        for (String check : expected) {
            assertTrue(run.output().lines().anyMatch(line -> line.equals(check + " True")), check + ":\n" + run.output());
        }
    }

    static Result python(Path work, List<String> arguments, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BenchFixture.PYTHON.toString());
        command.addAll(arguments);
        Files.createDirectories(work);
        Path log = Files.createTempFile(work, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(124, Files.readString(log) + "\n[timed out after " + timeoutSeconds + " s]");
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
