package ai.automlgen.events;

/** How a sandboxed execution ended; the same classes for every sandbox. */
public enum Outcome {
    /** Exited 0. */
    OK,
    /** Exited non-zero (e.g. a Python traceback). */
    ERROR,
    /** Ran past its timeout and was killed. */
    TIMEOUT,
    /** Hit its memory limit. */
    OUT_OF_MEMORY,
    /** Killed by a signal or a limit other than time or memory (pids, file size, CPU time). */
    KILLED,
    /** Never started: the request can never fit this executor, or was malformed. */
    REJECTED,
    /**
     * The executor itself failed (its sandbox could not start the code, e.g. the container engine is down, or a
     * full disk): not the code's fault, and the same request may run once the executor is fixed.
     */
    EXECUTOR_FAILED
}
