package ai.automlgen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs {@code ./automlgen} (and {@code infra/stack.sh}) exactly as a user would, capturing exit status and output. */
final class Launcher {
    static final Path REPO = Path.of(System.getProperty("automlgen.repo", "..")).toAbsolutePath().normalize();
    static final Path BENCH = REPO.resolveSibling("shared").resolve("bench");
    /** infra/stack.sh's $AUTOMLGEN_HOME: its logs/ hold one {@code <service>.log} per service. */
    static final Path STACK_HOME = Path.of(System.getenv().getOrDefault("AUTOMLGEN_HOME", REPO.resolve(".automlgen").toString()));

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Map<String, String> env, long timeoutMinutes, String... args) throws IOException, InterruptedException {
        return exec(REPO.resolve("automlgen"), env, Set.of(), timeoutMinutes, args);
    }

    static Result run(long timeoutMinutes, String... args) throws IOException, InterruptedException {
        return run(Map.of(), timeoutMinutes, args);
    }

    /**
     * Runs {@code infra/stack.sh} with this JVM's environment plus {@code env} and without the variables named in
     * {@code unset}: a service it starts inherits that environment.
     */
    static Result stack(Map<String, String> env, Set<String> unset, long timeoutMinutes, String... args)
            throws IOException, InterruptedException {
        return exec(REPO.resolve("infra/stack.sh"), env, unset, timeoutMinutes, args);
    }

    /**
     * infra/stack.sh: stops the planner, then starts what is not running (Kafka, Redis, the other services when this runs
     * first); the planner gets this JVM's environment plus {@code env}, without the variables named in {@code unset}.
     */
    static void restartPlanner(Map<String, String> env, Set<String> unset) throws IOException, InterruptedException {
        Result down = stack(Map.of(), Set.of(), 2, "down", "planner-service");
        assertEquals(0, down.exitCode(), down.stderr());
        Result up = stack(env, unset, 5, "up", "all");
        assertEquals(0, up.exitCode(), up.stderr());
    }

    private static Result exec(Path program, Map<String, String> env, Set<String> unset, long timeoutMinutes, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("automlgen-out", ".txt");
        Path err = Files.createTempFile("automlgen-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(REPO.relativize(program) + " " + String.join(" ", args) + " ran past " + timeoutMinutes
                        + " minutes; stderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Launcher() {
    }
}
