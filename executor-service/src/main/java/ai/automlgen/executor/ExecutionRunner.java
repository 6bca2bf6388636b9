package ai.automlgen.executor;

import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunEvent;
import ai.automlgen.executor.artifacts.ArtifactStore;
import ai.automlgen.executor.artifacts.FileTrees;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.sandbox.SandboxResult;
import ai.automlgen.executor.sandbox.SandboxRun;
import ai.automlgen.executor.slots.SlotLease;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One execution from start to end: a fresh working directory (solution.py, output/), the
 * sandbox run, artifact collection, and the working directory's removal (the contract calls
 * what code leaves there scratch).
 */
public final class ExecutionRunner {
    private static final Logger LOG = Logger.getLogger(ExecutionRunner.class);
    static final String SCRIPT = "solution.py";

    private final ArtifactStore artifacts;
    private final Path workRoot;
    private final Path modelsDir;
    private final String executorId;
    private final long seed;

    /** @param modelsDir pretrained weights every run may read (mounted read-only as /models; an existing folder) */
    public ExecutionRunner(ArtifactStore artifacts, Path workRoot, Path modelsDir, String executorId, long seed) {
        this.artifacts = artifacts;
        this.workRoot = workRoot.toAbsolutePath();
        this.modelsDir = modelsDir.toAbsolutePath();
        this.executorId = executorId;
        this.seed = seed;
    }

    /** Runs a request on a lease already held and collects its output/ into the artifact store. */
    public ExecutionFinished execute(ExecutionRequested request, Sandbox sandbox, SlotLease lease) throws InterruptedException {
        String label = request.runId() + "/" + request.nodeId();
        Path input = request.inputDir() == null ? null : Path.of(request.inputDir());
        return inWorkDir(label, request.code().source(), input, (workDir, inputDir) -> {
            SandboxResult result = sandbox.run(new SandboxRun(label, workDir, inputDir, modelsDir, SCRIPT, lease, request.timeout(), seed));
            ArtifactStore.Collected collected = artifacts.collect(request.runId(), request.nodeId(), workDir.resolve(SandboxRun.OUTPUT));
            String detail = result.detail() + (collected.leftOut().isEmpty() ? ""
                    : "; artifacts left out: " + String.join(", ", collected.leftOut()));
            LOG.infof("%s finished %s in %d ms on %s (%s), %d artifact(s)", label, result.outcome(), result.durationMs(),
                    sandbox.name(), result.detail(), collected.artifacts().size());
            return finished(request, result.outcome(), result.exitCode(), result.durationMs(), result.stdoutTail(),
                    result.stderrTail(), result.outputBytes(), collected.artifacts(), detail);
        });
    }

    /** Runs a bare script as {@link #execute} would, without collecting artifacts (the debugging aid). */
    public SandboxResult runScript(String source, Path inputDir, Sandbox sandbox, SlotLease lease, Duration timeout)
            throws InterruptedException {
        String label = "sandbox-run/" + UUID.randomUUID();
        return inWorkDir(label, source, inputDir, (workDir, input) ->
                sandbox.run(new SandboxRun(label, workDir, input, modelsDir, SCRIPT, lease, timeout, seed)));
    }

    /** An answer for a request that never ran. */
    public ExecutionFinished rejected(ExecutionRequested request, String reason) {
        return finished(request, Outcome.REJECTED, null, 0, "", "", 0, List.of(), reason);
    }

    /** An answer for a request the executor itself failed to run (not the code's fault). */
    public ExecutionFinished failed(ExecutionRequested request, Throwable error) {
        return finished(request, Outcome.EXECUTOR_FAILED, null, 0, "", "", 0, List.of(),
                "the executor could not run this node: " + error.getMessage());
    }

    private ExecutionFinished finished(ExecutionRequested request, Outcome outcome, Integer exitCode, long durationMs,
                                       String stdout, String stderr, long outputBytes, List<ArtifactRef> refs, String detail) {
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), request.runId(), request.nodeId(),
                Instant.now(), outcome, exitCode, durationMs, stdout, stderr, outputBytes, refs, executorId, detail,
                request.refit());
    }

    private interface InWorkDir<T> {
        T run(Path workDir, Path inputDir) throws InterruptedException;
    }

    /**
     * A fresh {@code <workRoot>/<label>-<random>/} with solution.py and output/, and next to it an
     * empty folder to mount as input/ when the request names none; both removed afterwards.
     */
    private <T> T inWorkDir(String label, String source, Path inputDir, InWorkDir<T> body) throws InterruptedException {
        Path workDir = null;
        Path emptyInput = null;
        try {
            Files.createDirectories(workRoot);
            Files.createDirectories(modelsDir); // a mount source must exist, even with no model unpacked
            String prefix = label.replaceAll("[^A-Za-z0-9_.-]", "_") + "-";
            workDir = Files.createTempDirectory(workRoot, prefix);
            Files.createDirectory(workDir.resolve(SandboxRun.OUTPUT));
            Files.writeString(workDir.resolve(SCRIPT), source);
            if (inputDir == null) {
                emptyInput = Files.createTempDirectory(workRoot, prefix + "empty-input-");
                Files.setPosixFilePermissions(emptyInput, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            remove(workDir, emptyInput);
            throw new UncheckedIOException("cannot prepare a working directory under " + workRoot + ": " + e, e);
        }
        try {
            return body.run(workDir, inputDir != null ? inputDir : emptyInput);
        } finally {
            remove(workDir, emptyInput);
        }
    }

    /** Removes the folders made (null: not made), whatever the code left in them; a failure is only logged. */
    private static void remove(Path... dirs) {
        for (Path dir : dirs) {
            if (dir == null) {
                continue;
            }
            try {
                FileTrees.deleteRecursively(dir);
            } catch (IOException e) {
                LOG.warnf("could not remove %s: %s", dir, e);
            }
        }
    }
}
