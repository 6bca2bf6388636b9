package ai.automlgen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./automlgen} exactly as a user would, capturing its exit status and output. */
final class Launcher {
    static final Path REPO = Path.of(System.getProperty("automlgen.repo", "..")).toAbsolutePath().normalize();
    static final Path BENCH = REPO.resolveSibling("shared").resolve("bench");

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Map<String, String> env, long timeoutMinutes, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("automlgen").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("automlgen-out", ".txt");
        Path err = Files.createTempFile("automlgen-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./automlgen " + String.join(" ", args) + " ran past " + timeoutMinutes
                        + " minutes; stderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result run(long timeoutMinutes, String... args) throws IOException, InterruptedException {
        return run(Map.of(), timeoutMinutes, args);
    }

    private Launcher() {
    }
}
