package ai.automlgen.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Which folders may be mounted as a run's input/, the one check both an {@code ExecutionRequested} (RequestCheck)
 * and {@code POST /sandbox/run} (SandboxResource) go through. Under {@code $AUTOMLGEN_HOME/runs/<runId>/} the
 * evaluator keeps what code must never see ({@code evaluator/}: validation labels), so there only
 * the prepared {@code input/} and {@code full/} (and folders inside them) are allowed, and no folder
 * that holds the runs folder; any other folder of the host is allowed (e.g. for
 * {@code automlgen sandbox run --input}). It must also be an absolute path to a folder others can read,
 * since sandboxed code runs as an unprivileged user.
 */
public final class InputDirRule {
    private static final Set<String> PREPARED = Set.of("input", "full");

    private final Path runsRoot;

    /** @param runsRoot {@code $AUTOMLGEN_HOME/runs}, where the evaluator prepares each run's folders */
    public InputDirRule(Path runsRoot) {
        this.runsRoot = runsRoot;
    }

    /** Why {@code inputDir}, as a request names it, may not be mounted; links are resolved on both sides. */
    public Optional<String> problem(String inputDir) {
        Path input;
        try {
            input = Path.of(inputDir);
        } catch (InvalidPathException e) {
            return Optional.of("inputDir '" + inputDir + "' is not a path: " + e.getMessage());
        }
        if (!input.isAbsolute()) {
            return Optional.of("inputDir must be an absolute path, got '" + inputDir + "'");
        }
        if (!Files.isDirectory(input)) {
            return Optional.of("inputDir " + input + " is not a folder on the executor's host; the executor mounts it"
                    + " from its own file system, so a run's input/ needs the evaluator's $AUTOMLGEN_HOME/runs there"
                    + " (same host or a shared volume)");
        }
        return problem(realPath(input), realPath(runsRoot)).or(() -> readableByOthers(input) ? Optional.empty()
                : Optional.of("inputDir " + input + " is not readable by others, and sandboxed code runs as an"
                + " unprivileged user: make it readable (chmod -R o+rX " + input + ")"));
    }

    static Optional<String> problem(Path inputDir, Path runsRoot) {
        String fix = "name a run's prepared input/ or full/ (" + runsRoot.resolve("<runId>/input")
                + ") or a folder outside " + runsRoot;
        if (runsRoot.startsWith(inputDir)) {
            return Optional.of("inputDir " + inputDir + " holds " + runsRoot + ", and with it every run's evaluator/"
                    + " folder (validation labels code must not see): " + fix);
        }
        if (!inputDir.startsWith(runsRoot)) {
            return Optional.empty();
        }
        Path inRuns = runsRoot.relativize(inputDir);
        if (inRuns.getNameCount() < 2 || !PREPARED.contains(inRuns.getName(1).toString())) {
            return Optional.of("inputDir " + inputDir + " is not a prepared input of its run, and the run's"
                    + " evaluator/ folder holds validation labels code must not see: " + fix);
        }
        return Optional.empty();
    }

    private static boolean readableByOthers(Path dir) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            return permissions.contains(PosixFilePermission.OTHERS_READ) && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize(); // no runs folder yet: nothing links into it
        }
    }
}
