package ai.automlgen.executor.sandbox;

/**
 * Runs one prepared working directory's {@code solution.py} under the run's limits and reports how
 * it ended. Implementations never throw for anything the code does; only for a broken sandbox, and
 * {@link InterruptedException} (the code killed) when the executor stops, so nothing records a result.
 */
public interface Sandbox {
    /** "docker" or "process", as in configuration and in the REST answer. */
    String name();

    SandboxResult run(SandboxRun run) throws InterruptedException;
}
