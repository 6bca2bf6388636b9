package ai.automlgen.executor.sandbox;

import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code auto} sandbox once Docker was found: executions run in Docker, and one that Docker
 * cannot even start (the engine went away after the executor started) runs in the process sandbox
 * instead of failing — otherwise every node of every run would fail at once and burn the runs'
 * budgets on an infrastructure fault. Results say where they ran; health reports the fallbacks.
 * A fallback that would not isolate the code (no bubblewrap) does not stand in: such executions fail.
 */
public final class FallbackSandbox implements Sandbox {
    private static final Logger LOG = Logger.getLogger(FallbackSandbox.class);

    private final Sandbox primary;
    private final Sandbox fallback;
    private final Optional<String> whyFallbackMayNotRun;
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    /** @param whyFallbackMayNotRun why {@code fallback} must not run code, and how to fix that; empty when it may */
    public FallbackSandbox(Sandbox primary, Sandbox fallback, Optional<String> whyFallbackMayNotRun) {
        this.primary = primary;
        this.fallback = fallback;
        this.whyFallbackMayNotRun = whyFallbackMayNotRun;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public SandboxResult run(SandboxRun run) throws InterruptedException {
        try {
            return primary.run(run);
        } catch (SandboxUnavailableException e) {
            lastProblem.set(e.getMessage());
            if (whyFallbackMayNotRun.isPresent()) {
                throw new SandboxUnavailableException(e.getMessage() + ", and the " + fallback.name()
                        + " sandbox may not stand in: " + whyFallbackMayNotRun.get(), e);
            }
            fallbacks.incrementAndGet();
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
