package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;

/**
 * How a run ended. {@code exitCode} is null when the code never exited on its own (timeout);
 * {@code outputBytes} is the full size of stdout plus stderr, of which only head and tail are kept.
 */
public record SandboxResult(Outcome outcome, Integer exitCode, long durationMs, String stdoutTail,
                            String stderrTail, long outputBytes, String detail) {
}
