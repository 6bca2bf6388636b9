package ai.automlgen.evaluator.spi;

import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.ExecutionFinished;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading an execution's result: its artifacts as local files, and why it failed when it did. */
public final class ExecutionOutputs {
    private ExecutionOutputs() {
    }

    /** The local path of an artifact with a file: URI, or empty when the execution did not produce it. */
    public static Optional<Path> file(ExecutionFinished execution, String name) {
        return execution.artifact(name).map(ArtifactRef::uri).map(uri -> {
            try {
                return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("artifact " + name + " has a malformed URI '" + uri + "'", e);
            }
        });
    }

    /** "execution ended with ERROR (exit code 1): ValueError: ..." — the outcome and the last line of stderr. */
    public static String failure(ExecutionFinished execution) {
        StringBuilder message = new StringBuilder("execution ended with ").append(execution.outcome());
        if (execution.exitCode() != null) {
            message.append(" (exit code ").append(execution.exitCode()).append(')');
        }
        lastLine(execution.stderrTail()).or(() -> Optional.ofNullable(execution.detail()).filter(d -> !d.isBlank()))
                .ifPresent(line -> message.append(": ").append(line));
        return message.toString();
    }

    private static Optional<String> lastLine(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    public static String missing(String name) {
        return name + ": not produced; the code must write output/" + name;
    }
}
