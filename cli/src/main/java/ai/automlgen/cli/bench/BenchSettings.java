package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.events.EventJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings that change what every run of a bench does, kept in {@code <out>/bench.json} so that a rerun into the
 * same folder cannot mix results made under other ones. Tasks, policies, variants and seeds are not among them:
 * adding to those is how a bench is extended. A null setting is the planner's default.
 */
record BenchSettings(String suite, Duration budget, Integer maxNodes, String coder, Integer parallelism) {
    static final String FILE = "bench.json";

    /** Records the settings in a folder that has none yet; refuses settings that differ from those recorded. */
    void recordOrCheck(Path out) {
        Path file = out.resolve(FILE);
        if (!Files.exists(file)) {
            ResultsLog.writeAtomically(file, EventJson.write(this));
            return;
        }
        BenchSettings recorded;
        try {
            recorded = EventJson.mapper().readValue(Files.readString(file), BenchSettings.class);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + " (" + e.getMessage() + "): use a new --out, or delete it "
                    + "if the results in " + out + " were made with this command's settings");
        }
        List<String> differences = differencesFrom(recorded);
        if (!differences.isEmpty()) {
            throw new CliException(out + " holds a bench made with other settings (" + String.join("; ", differences)
                    + "), and its results would not compare with this one's: use a new --out, or the settings in "
                    + file);
        }
    }

    /** Each setting that differs, as "--budget PT20M there, PT10M now". */
    List<String> differencesFrom(BenchSettings recorded) {
        List<String> differences = new ArrayList<>();
        compare(differences, "--suite", recorded.suite(), suite);
        compare(differences, "--budget", recorded.budget(), budget);
        compare(differences, "--max-nodes", recorded.maxNodes(), maxNodes);
        compare(differences, "--coder", recorded.coder(), coder);
        compare(differences, "--parallelism", recorded.parallelism(), parallelism);
        return differences;
    }

    private static void compare(List<String> differences, String option, Object there, Object now) {
        if (!Objects.equals(there, now)) {
            differences.add(option + " " + shown(there) + " there, " + shown(now) + " now");
        }
    }

    private static String shown(Object setting) {
        return setting == null ? "the planner's default" : setting.toString();
    }
}
