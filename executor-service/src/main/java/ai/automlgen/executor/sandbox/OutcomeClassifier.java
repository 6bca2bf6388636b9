package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;

/**
 * Maps how a process ended to the outcome classes both sandboxes share. Exit codes above 128 mean
 * "killed by signal (code - 128)", as shells, bubblewrap, Java and Docker all report them.
 */
public final class OutcomeClassifier {
    private static final int SIGKILL = 9;
    private static final int SIGSEGV = 11;
    private static final int SIGXCPU = 24;
    private static final int SIGXFSZ = 25;

    private OutcomeClassifier() {
    }

    /** The outcome and a one-line human explanation. */
    public record Classified(Outcome outcome, String detail) {
    }

    /**
     * @param exitCode   how the process exited; ignored when {@code timedOut}
     * @param timedOut   the executor killed it at its timeout
     * @param oomKilled  the engine says it hit its memory limit (Docker's OOMKilled)
     * @param stderrTail the end of stderr, where Python prints its last exception
     */
    public static Classified classify(int exitCode, boolean timedOut, boolean oomKilled, String stderrTail,
                                      SandboxLimits limits, long memoryMb) {
        if (timedOut) {
            return new Classified(Outcome.TIMEOUT, "ran past its timeout and was killed");
        }
        if (oomKilled) {
            return new Classified(Outcome.OUT_OF_MEMORY, "killed at its memory limit of " + memoryMb + " MB");
        }
        String lastError = lastExceptionLine(stderrTail);
        if (exitCode == 0) {
            return new Classified(Outcome.OK, "exited 0");
        }
        if (lastError.startsWith("MemoryError") || stderrTail.contains("Unable to allocate")
                || stderrTail.contains("std::bad_alloc") || stderrTail.contains("DefaultCPUAllocator: can't allocate memory")) {
            return new Classified(Outcome.OUT_OF_MEMORY, "ran out of its memory limit of " + memoryMb + " MB: " + lastError);
        }
        if (exitCode > 128) {
            int signal = exitCode - 128;
            return switch (signal) {
                case SIGXFSZ -> new Classified(Outcome.KILLED,
                        "killed at the file size limit of " + limits.maxFileSizeMb() + " MB per file (SIGXFSZ)");
                case SIGXCPU -> new Classified(Outcome.KILLED, "killed at its CPU time limit (SIGXCPU)");
                case SIGKILL -> new Classified(Outcome.OUT_OF_MEMORY,
                        "killed by SIGKILL, most likely by the kernel at the memory limit of " + memoryMb + " MB");
                case SIGSEGV -> new Classified(Outcome.ERROR,
                        "crashed with SIGSEGV (a native library fault, or an allocation refused at the memory limit)");
                default -> new Classified(Outcome.KILLED, "killed by signal " + signal);
            };
        }
        if (stderrTail.contains("Resource temporarily unavailable") && stderrTail.contains("BlockingIOError")
                || stderrTail.contains("can't start new thread")) {
            return new Classified(Outcome.KILLED, "hit the process limit of " + limits.maxProcesses()
                    + " processes/threads: " + lastError);
        }
        if (stderrTail.contains("File too large")) {
            return new Classified(Outcome.KILLED, "hit the file size limit of " + limits.maxFileSizeMb() + " MB: " + lastError);
        }
        return new Classified(Outcome.ERROR, "exited " + exitCode + (lastError.isEmpty() ? "" : ": " + lastError));
    }

    /** The last non-blank stderr line, where a Python traceback names its exception. */
    static String lastExceptionLine(String stderrTail) {
        String[] lines = stderrTail.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + "…" : last;
    }
}
