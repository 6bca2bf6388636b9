package ai.automlgen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./automlgen} (and {@code infra/stack.sh}) exactly as a user would, capturing exit status and output. */
final class Launcher {
    static final Path REPO = Path.of(System.getProperty("automlgen.repo", "..")).toAbsolutePath().normalize();
    static final Path BENCH = REPO.resolveSibling("shared").resolve("bench");

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
