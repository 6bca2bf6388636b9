package ai.automlgen.executor.sandbox;

/** Limits every execution gets besides the request's own cpus, memory and timeout. */
public record SandboxLimits(int maxProcesses, long maxFileSizeMb, long tmpSizeMb, int logHeadBytes, int logTailBytes) {
}
