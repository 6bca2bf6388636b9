package ai.automlgen.executor.sandbox;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code auto} sandbox once Docker was found: executions run in Docker, and one that Docker
 * cannot even start (the engine went away after the executor started) runs in the process sandbox
 * instead of failing — otherwise every node of every run would fail at once and burn the runs'
 * budgets on an infrastructure fault. Results say where they ran; health reports the fallbacks.
 */
public final class FallbackSandbox implements Sandbox {
    private static final Logger LOG = Logger.getLogger(FallbackSandbox.class);

    private final Sandbox primary;
    private final Sandbox fallback;
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    public FallbackSandbox(Sandbox primary, Sandbox fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public SandboxResult run(SandboxRun run) {
        try {
            return primary.run(run);
        } catch (SandboxUnavailableException e) {
            fallbacks.incrementAndGet();
            lastProblem.set(e.getMessage());
            LOG.errorf("%s: %s; running it in the %s sandbox instead", run.label(), e.getMessage(), fallback.name());
            SandboxResult result = fallback.run(run);
            return new SandboxResult(result.outcome(), result.exitCode(), result.durationMs(), result.stdoutTail(),
                    result.stderrTail(), result.outputBytes(), result.detail() + "; ran in the " + fallback.name()
                    + " sandbox because " + e.getMessage());
        }
    }

    /** Executions that ran in the fallback sandbox since the executor started. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** Why the primary sandbox last could not run an execution; null when it never failed. */
    public String lastProblem() {
        return lastProblem.get();
    }
}
