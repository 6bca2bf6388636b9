package ai.automlgen.executor;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.ExecutionRequested;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What makes a request impossible to run, said so the sender can fix it. */
public final class RequestCheck {
    private RequestCheck() {
    }

    public static Optional<String> problems(ExecutionRequested request, InputDirRule inputDirs) {
        List<String> problems = new ArrayList<>();
        CodeRef code = request.code();
        if (code == null || code.source() == null || code.source().isBlank()) {
            problems.add("the request carries no code (code.source is empty)");
        } else if (code.sha256() != null && !code.sha256().equalsIgnoreCase(CodeRef.sha256(code.source()))) {
            problems.add("code.sha256 does not match code.source; the code was altered in transit or hashed differently"
                    + " (use CodeRef.python(source))");
        }
        if (request.resources() == null) {
            problems.add("the request names no resources (cpus, memoryMb, gpus)");
        }
        if (request.timeout() == null || request.timeout().isNegative() || request.timeout().isZero()) {
            problems.add("the timeout must be positive, got " + request.timeout());
        }
        if (request.inputDir() != null) {
            Path input = Path.of(request.inputDir());
            if (!input.isAbsolute()) {
                problems.add("inputDir must be an absolute path, got '" + request.inputDir() + "'");
            } else if (!Files.isDirectory(input)) {
                problems.add("inputDir " + input + " is not a folder on the executor's host; the executor must see"
                        + " the evaluator's $AUTOMLGEN_HOME/runs (same host or a shared volume)");
            } else {
                inputDirs.problem(input).or(() -> readableByOthers(input) ? Optional.empty() : Optional.of(
                        "inputDir " + input + " is not readable by others, and sandboxed code runs as an"
                                + " unprivileged user: make it readable (chmod -R o+rX " + input + ")"))
                        .ifPresent(problems::add);
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static boolean readableByOthers(Path dir) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            return permissions.contains(PosixFilePermission.OTHERS_READ) && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }
}
