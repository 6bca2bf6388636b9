package ai.automlgen.planner.coder.llm;

import java.util.List;

/**
 * Applies SEARCH/REPLACE blocks to a script, in order, each to the result of the ones before. A block applies when
 * its search text occurs exactly once (whole lines, as written); one that occurs nowhere or in several places
 * fails the whole patch rather than editing a guessed place.
 */
public final class Patches {
    private Patches() {
    }

    /** The patched script, or why a block did not apply. */
    public sealed interface Result {
    }

    public record Applied(String code) implements Result {
    }

    public record Failed(String reason) implements Result {
    }

    public static Result apply(String code, List<Patch> patches) {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("no SEARCH/REPLACE blocks to apply");
        }
        String patched = code.endsWith("\n") ? code : code + "\n";
        for (int i = 0; i < patches.size(); i++) {
            Patch patch = patches.get(i);
            String block = "SEARCH/REPLACE block " + (i + 1) + " of " + patches.size();
            if (patch.search().isBlank()) {
                return new Failed(block + " has an empty SEARCH part");
            }
            int at = patched.indexOf(patch.search());
            if (at < 0) {
                return new Failed(block + " does not match the script: its SEARCH lines are not in it exactly ("
                        + firstLine(patch.search()) + ")");
            }
            if (patched.indexOf(patch.search(), at + 1) >= 0) {
                return new Failed(block + " matches several places in the script (" + firstLine(patch.search()) + ")");
            }
            patched = patched.substring(0, at) + patch.replace() + patched.substring(at + patch.search().length());
        }
        return new Applied(patched);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
