package ai.automlgen.executor.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short command the executor runs on its host to learn what it offers (nvidia-smi, a bubblewrap
 * probe), with a deadline: its output goes to a file rather than a pipe read before waiting, so a
 * command that hangs (a wedged GPU driver) is killed at the deadline instead of hanging start-up.
 */
public final class HostCommand {
    private HostCommand() {
    }

    /** How it ended: {@code finished} false when it ran past the deadline and was killed; stdout and stderr together. */
    public record Result(boolean finished, int exitCode, String output) {
        public boolean succeeded() {
            return finished && exitCode == 0;
        }
    }

    /** @throws IOException when the command cannot be started (e.g. it is not installed) */
    public static Result run(List<String> command, Duration deadline) throws IOException, InterruptedException {
        Path output = Files.createTempFile("automlgen-host-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            try {
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    return new Result(false, -1, read(output));
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            return new Result(true, process.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output)); // lenient: a probe's output need not be valid UTF-8
    }
}
