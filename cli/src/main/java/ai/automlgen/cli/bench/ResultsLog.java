package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.Output;
import ai.automlgen.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * results.jsonl: one line per finished cell. Every write replaces the whole file through a temporary file and an
 * atomic move, so a kill mid-write leaves the previous version, never half a line.
 */
public final class ResultsLog {
    private final Path file;
    private final Map<String, CellResult> byKey = new LinkedHashMap<>();

    private ResultsLog(Path file) {
        this.file = file;
    }

    /** Reads the log if it exists; a line that cannot be read is reported and dropped, so its cell reruns. */
    public static ResultsLog open(Path file) {
        ResultsLog log = new ResultsLog(file);
        if (Files.isRegularFile(file)) {
            try {
                int number = 0;
                for (String line : Files.readAllLines(file)) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        CellResult result = EventJson.mapper().readValue(line, CellResult.class);
                        log.byKey.put(result.cell().key(), result);
                    } catch (IOException e) {
                        Output.progress("bench: ignoring unreadable line " + number + " of " + file + " (its cell reruns): " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return log;
    }

    public Set<String> finishedKeys() {
        return byKey.keySet();
    }

    public List<CellResult> results() {
        return new ArrayList<>(byKey.values());
    }

    public void record(CellResult result) {
        byKey.put(result.cell().key(), result);
        StringBuilder lines = new StringBuilder();
        try {
            for (CellResult r : byKey.values()) {
                lines.append(EventJson.mapper().writeValueAsString(r)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(file, lines.toString());
    }

    static void writeAtomically(Path target, String content) {
        try {
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
