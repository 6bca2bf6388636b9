package ai.automlgen.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Which folders may be mounted as a run's input/. Under {@code $AUTOMLGEN_HOME/runs/<runId>/} the
 * evaluator keeps what code must never see ({@code evaluator/}: validation labels), so there only
 * the prepared {@code input/} and {@code full/} (and folders inside them) are allowed, and no folder
 * that holds the runs folder; any other folder of the host is allowed (e.g. for
 * {@code automlgen sandbox run --input}).
 */
public final class InputDirRule {
    private static final Set<String> PREPARED = Set.of("input", "full");

    private final Path runsRoot;

    /** @param runsRoot {@code $AUTOMLGEN_HOME/runs}, where the evaluator prepares each run's folders */
    public InputDirRule(Path runsRoot) {
        this.runsRoot = runsRoot;
    }

    /** Why {@code inputDir} (an existing folder) may not be mounted, with links resolved on both sides. */
    public Optional<String> problem(Path inputDir) {
        return problem(realPath(inputDir), realPath(runsRoot));
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

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize(); // no runs folder yet: nothing links into it
        }
    }
}
