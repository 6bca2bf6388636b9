package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;
import ai.automlgen.executor.ExecutionRunner;
import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Start-to-exit overhead of a trivial script ({@code pass}), process vs docker, p50 and p95 over
 * {@code -Dbenchmark.runs} runs (default 30) after 3 warm-ups. Not a test: the class name keeps it
 * out of the default run. {@code mvn -o -pl executor-service test -Dtest=SandboxOverheadBenchmark}
 */
@Tag("benchmark")
class SandboxOverheadBenchmark {
    @TempDir
    Path temp;

    @Test
    void trivialScriptOverhead() throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 30);
        SandboxLimits limits = new SandboxLimits(256, 1024, 256, 4096, 4096);
        List<Sandbox> sandboxes = new ArrayList<>();
        sandboxes.add(new ProcessSandbox("/usr/bin/python3", true, 61000, limits, temp));
        List<String> whyNot = new ArrayList<>();
        Optional<DockerSandbox> docker = DockerSandbox.connect(
                Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unix:///var/run/docker.sock"),
                Optional.ofNullable(System.getenv("AUTOMLGEN_RUNTIME_IMAGE")).orElse("automlgen-runtime:latest"),
                "/usr/bin/python3", "65534:65534", "executor-benchmark", limits, whyNot);
        docker.ifPresent(sandboxes::add);
        whyNot.forEach(reason -> System.out.println("docker skipped: " + reason));

        Path input = Files.createDirectories(temp.resolve("input"));
        ExecutionRunner runner = new ExecutionRunner(new FileArtifactStore(temp.resolve("artifacts"), 1 << 20, 1 << 20),
                temp.resolve("work"), temp.resolve("models"), "benchmark", 42);
        System.out.printf("%-8s %5s %10s %10s %10s %10s%n", "sandbox", "runs", "p50 ms", "p95 ms", "wall p50", "wall p95");
        for (Sandbox sandbox : sandboxes) {
            long[] inside = new long[runs];
            long[] wall = new long[runs];
            for (int i = -3; i < runs; i++) {
                long start = System.nanoTime();
                SandboxResult result = runner.runScript("pass", input, sandbox, SlotLease.unpooled(0, 1, 2048),
                        Duration.ofSeconds(60));
                long wallMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
                if (i >= 0) {
                    inside[i] = result.durationMs();
                    wall[i] = wallMs;
                }
            }
            System.out.printf("%-8s %5d %10d %10d %10d %10d%n", sandbox.name(), runs, percentile(inside, 50),
                    percentile(inside, 95), percentile(wall, 50), percentile(wall, 95));
        }
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)];
    }
}
